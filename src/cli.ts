// The command line: parse arguments, call the library, format, write, choose the exit code.
// Nothing here knows how checking works.
import { appendFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { check, UsageError } from './check.js';
import type { ChannelKind } from './documents/types.js';
import { extractSource } from './extract/index.js';
import { exists, initSpec } from './init/index.js';
import { SKELETON } from './init/skeleton.js';
import { formatExtractionJson, formatExtractionPretty } from './extract/format.js';
import { createFetcher } from './sources/fetch.js';
import { SourceError } from './sources/types.js';
import { formatReport, formatters } from './reports/index.js';
import { SpecError } from './spec/errors.js';
import type { Report } from './findings/types.js';
import type { FailOn } from './spec/types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});

/** NO_COLOR wins, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(io: Io, toFile: boolean): boolean {
  if (toFile) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

/** Whole or not at all: a reader never sees half a report. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

interface CheckFlags {
  failOn?: FailOn;
  channel: string[];
  offline?: boolean;
  concurrency?: number;
  cacheDir?: string;
}

const collect = (value: string, all: string[]) => [...all, value];

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Where each report goes: an --output belongs to the --format before it; a format without one goes to stdout. */
export interface Destination {
  format: string;
  output?: string;
}

/** `--format`/`--output` as the user wrote them, in order (commander keeps each list apart). */
export type ReportFlag = ['format' | 'output', string];

export function destinations(flags: readonly ReportFlag[]): Destination[] {
  const pairs: Destination[] = [];
  // An --output written before any --format (or alone) is for the first format, or pretty.
  let early: string | undefined;
  for (const [flag, value] of flags) {
    if (flag === 'format') {
      if (!Object.hasOwn(formatters, value)) throw new UsageError(`unknown format "${value}" (expected one of ${Object.keys(formatters).join(', ')})`);
      pairs.push({ format: value, ...(early !== undefined && !pairs.length ? { output: early } : {}) });
      continue;
    }
    const last = pairs[pairs.length - 1];
    if (last && last.output === undefined) last.output = value;
    else if (!pairs.length && early === undefined) early = value;
    else throw new UsageError(`--output "${value}" has no --format of its own: write each --output after its --format`);
  }
  if (!pairs.length) pairs.push({ format: 'pretty', ...(early !== undefined ? { output: early } : {}) });
  if (pairs.filter((p) => p.output === undefined).length > 1) throw new UsageError('only one report can go to stdout: give each further --format an --output');
  return pairs;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('storefront')
    .description("Check a campaign's copy across channels against one storefront.yaml")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run storefront --help for usage)');

  const reportFlags: ReportFlag[] = [];
  const check = program
    .command('check')
    .description('check every channel of the campaign against the spec')
    .argument('[spec]', 'the spec file', 'storefront.yaml')
    .option('--format <format>', `report format, repeatable: ${Object.keys(formatters).join(', ')} (default: pretty)`)
    .option('--output <file>', 'write the report of the --format before it to a file instead of stdout (repeatable)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning', 'info', 'never']))
    .option('--channel <name>', 'check only this channel (repeatable)', collect, [])
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--concurrency <n>', 'pages fetched at once (default 8)', positiveInteger)
    .option('--cache-dir <dir>', 'keep fetched pages here and revalidate them on the next run (ETag / Last-Modified)')
    .action(async (spec: string, flags: CheckFlags) => {
      exitCode = await runCheck(spec, flags, reportFlags, io);
    });
  check.on('option:format', (value: string) => reportFlags.push(['format', value]));
  check.on('option:output', (value: string) => reportFlags.push(['output', value]));

  program
    .command('init')
    .description('draft a storefront.yaml from existing copy: the first source is the truth, every source a channel')
    .argument('[sources...]', 'files or http(s) URLs: a page, an email, a social export')
    .option('--output <file>', 'where to write the spec ("-" for stdout)', 'storefront.yaml')
    .option('--force', 'overwrite an existing spec file')
    .option('--language <tag>', 'language of the copy', 'en')
    .option('--year <yyyy>', 'year of dates written without one (default: this year)', positiveInteger)
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--cache-dir <dir>', 'HTTP cache folder, as for check')
    .action(async (sources: string[], flags: InitFlags) => {
      exitCode = await runInit(sources, flags, io);
    });

  program
    .command('extract')
    .description('print one source as storefront sees it: parts, sentences, values, language')
    .argument('<source>', 'a file or an http(s) URL')
    .addOption(new Option('--kind <kind>', 'read it as this kind of source (default: from its name)').choices(['web', 'email', 'social']))
    .option('--language <tag>', 'language of its copy, or auto', 'en')
    .option('--selector <css>', 'web pages: scope body copy to this CSS selector')
    .option('--year <yyyy>', 'year of dates written without one (default: this year)', positiveInteger)
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--cache-dir <dir>', 'HTTP cache folder, as for check')
    .action(async (source: string, flags: ExtractFlags) => {
      exitCode = await runExtract(source, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; anything else commander refused is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`storefront: ${oneLine(error)}\n`);
    return 2;
  }
}

interface InitFlags {
  output: string;
  force?: boolean;
  language: string;
  year?: number;
  offline?: boolean;
  cacheDir?: string;
}

async function runInit(sources: string[], flags: InitFlags, io: Io): Promise<number> {
  const toStdout = flags.output === '-';
  const target = path.resolve(io.cwd, toStdout ? 'storefront.yaml' : flags.output);
  if (!toStdout && !flags.force && (await exists(target))) {
    io.stderr(`storefront: ${flags.output} already exists: give --force to overwrite it, or --output another file\n`);
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
          fetcher: createFetcher({ offline: flags.offline, cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir) }),
        })
      : SKELETON;
  } catch (error) {
    if (error instanceof SourceError) {
      io.stderr(`storefront: ${oneLine(error)}\n`);
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
    io.stderr(`storefront: cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}\n`);
    return 2;
  }
  io.stderr(`storefront: drafted ${flags.output}: review it, then run storefront check ${flags.output}\n`);
  return 0;
}

interface ExtractFlags {
  kind?: ChannelKind;
  language: string;
  selector?: string;
  year?: number;
  format: 'pretty' | 'json';
  offline?: boolean;
  cacheDir?: string;
}

async function runExtract(source: string, flags: ExtractFlags, io: Io): Promise<number> {
  try {
    const extraction = await extractSource(source, {
      cwd: io.cwd,
      kind: flags.kind,
      language: flags.language,
      selector: flags.selector,
      year: flags.year ?? new Date().getUTCFullYear(),
      fetcher: createFetcher({ offline: flags.offline, cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir) }),
    });
    io.stdout(flags.format === 'json' ? formatExtractionJson(extraction) : formatExtractionPretty(extraction));
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      io.stderr(`storefront: ${source}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

async function runCheck(specPath: string, flags: CheckFlags, reportFlags: readonly ReportFlag[], io: Io): Promise<number> {
  const progress = (line: string) => io.stderr(`storefront: ${line}\n`);
  let report;
  let targets: Destination[];
  try {
    targets = destinations(reportFlags);
    report = await check(specPath, {
      channels: flags.channel,
      offline: flags.offline,
      failOn: flags.failOn,
      concurrency: flags.concurrency,
      cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir),
      cwd: io.cwd,
      onProgress: io.env.STOREFRONT_QUIET ? undefined : progress,
    });
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      io.stderr(`storefront: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Every report is formatted before any is written: one failure leaves no partial set.
  const texts = targets.map((t) => formatReport(t.format, report, { color: useColor(io, t.output !== undefined) }));
  for (const [i, target] of targets.entries()) {
    if (target.output === undefined) {
      io.stdout(texts[i]);
      continue;
    }
    try {
      await writeAtomic(path.resolve(io.cwd, target.output), texts[i]);
    } catch (error) {
      io.stderr(`storefront: cannot write ${target.output}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}\n`);
      return 2;
    }
    progress(`${target.format} report written to ${target.output}`);
  }
  if (targets.some((t) => t.format === 'github')) await writeStepSummary(report, io, progress);
  return report.summary.passed ? 0 : 1;
}

// A workflow step shows at most 10 annotations of each level: the whole story goes to the
// job summary page, which GitHub renders from this file.
async function writeStepSummary(report: Report, io: Io, progress: (line: string) => void): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file || !Object.hasOwn(formatters, 'markdown')) return;
  try {
    await appendFile(file, formatReport('markdown', report, { color: false }));
  } catch (error) {
    progress(`cannot write the step summary: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}`);
  }
}
