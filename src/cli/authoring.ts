// The commands that help write a spec: `init` drafts one from existing copy, `extract`
// shows one source as the checks see it.
import path from 'node:path';
import type { ChannelKind } from '../documents/types.js';
import { formatExtractionJson, formatExtractionPretty } from '../extract/format.js';
import { extractSource } from '../extract/index.js';
import { exists, initSpec } from '../init/index.js';
import { schemaReference } from '../init/schema-ref.js';
import { skeleton } from '../init/skeleton.js';
import { createFetcher } from '../sources/http/fetch.js';
import { SourceError } from '../sources/types.js';
import { oneLine, say, writeAtomic, writeFailure, type Io } from './io.js';
import { privateNetworkAllowance, type NetworkFlags } from './network.js';

/** The fetcher of init and extract: the same network policy as check, from the same flags and variables. */
function fetcherFor(flags: NetworkFlags & { offline?: boolean; cacheDir?: string }, io: Io) {
  return createFetcher({
    offline: flags.offline,
    cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir),
    allowPrivateNetwork: privateNetworkAllowance(flags, io.env),
    cacheKey: io.env.STOREFRONT_CACHE_KEY || undefined,
    onWarning: (line) => say(io, line),
  });
}

export interface InitFlags extends NetworkFlags {
  output: string;
  force?: boolean;
  language: string;
  year?: number;
  offline?: boolean;
  cacheDir?: string;
}

export async function runInit(sources: string[], flags: InitFlags, io: Io): Promise<number> {
  const toStdout = flags.output === '-';
  const target = path.resolve(io.cwd, toStdout ? 'storefront.yaml' : flags.output);
  if (!toStdout && !flags.force && (await exists(target))) {
    say(io, `${flags.output} already exists: give --force to overwrite it, or --output another file`);
    return 2;
  }
  let text: string;
  try {
    text = sources.length
      ? await initSpec(sources, {
          cwd: io.cwd,
          specDir: path.dirname(target),
          language: flags.language,
          year: flags.year ?? new Date().getUTCFullYear(),
          fetcher: fetcherFor(flags, io),
        })
      : skeleton(schemaReference(path.dirname(target)));
  } catch (error) {
    if (error instanceof SourceError) {
      say(io, oneLine(error));
      return 2;
    }
    throw error;
  }
  if (toStdout) {
    io.stdout(text);
    return 0;
  }
  try {
    await writeAtomic(target, text);
  } catch (error) {
    say(io, `cannot write ${flags.output}: ${writeFailure(error)}`);
    return 2;
  }
  say(io, `drafted ${flags.output}: review it, then run storefront check ${flags.output}`);
  return 0;
}

export interface ExtractFlags extends NetworkFlags {
  /** With source "-": the name standard input is read as. */
  stdinFilename?: string;
  kind?: ChannelKind;
  language: string;
  selector?: string;
  year?: number;
  format: 'pretty' | 'json';
  offline?: boolean;
  cacheDir?: string;
}

/** What `extract -` reads standard input as, by --kind, when --stdin-filename does not say. */
const STDIN_NAME: Record<ChannelKind, string> = { web: 'stdin.html', email: 'stdin.eml', social: 'stdin.txt' };

export async function runExtract(source: string, flags: ExtractFlags, io: Io): Promise<number> {
  try {
    let stdin: { name: string; bytes: Uint8Array } | undefined;
    if (source === '-') {
      const name = flags.stdinFilename ?? (flags.kind ? STDIN_NAME[flags.kind] : undefined);
      if (!name) {
        io.stderr('storefront: extract -: give --kind web, email or social (or --stdin-filename) to say what standard input is\n');
        return 2;
      }
      if (!io.readStdin) throw new SourceError('no standard input here');
      stdin = { name, bytes: await io.readStdin() };
    }
    const extraction = await extractSource(stdin ? stdin.name : source, {
      stdin,
      cwd: io.cwd,
      kind: flags.kind,
      language: flags.language,
      selector: flags.selector,
      year: flags.year ?? new Date().getUTCFullYear(),
      fetcher: fetcherFor(flags, io),
    });
    io.stdout(flags.format === 'json' ? formatExtractionJson(extraction) : formatExtractionPretty(extraction));
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      say(io, `${source}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

