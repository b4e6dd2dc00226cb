// The library's main entry: spec → sources → documents → normalize → checks → report.
// A run is streamed (src/campaign/): each source is read, normalized and checked on its own,
// on worker threads when there are several, and only what the campaign-wide rules need is
// kept; those rules then run once on that state.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateExamples } from './check-examples.js';
import { validateFactValues } from './check-facts.js';
import { checkDocumentState } from './campaign/document.js';
import { emptyState, mergeStates, placeSource } from './campaign/state.js';
import { reportFromState } from './campaign/report.js';
import { crossChannelRules, factRules, messageRules, termRules } from './campaign/rules.js';
import type { RunResult, SourceEvent } from './campaign/run.js';
import type { Shard } from './campaign/shard.js';
import { mergeStateFiles, parseStateFile, StateFileError, toStateFile, type StateFile } from './campaign/state-file.js';
import type { Document } from './documents/types.js';
import type { CoverageEntry, Finding, Report } from './findings/types.js';
import { runDeadline } from './sources/deadline.js';
import { lazyFetcher } from './sources/http/lazy-fetcher.js';
import { confinementFor } from './sources/local.js';
import { DEFAULT_MAX_PAGES } from './sources/limits.js';
import type { PrivateNetworkAllowance } from './sources/http/net-policy.js';
import type { Fetcher } from './sources/types.js';
import { loadSpec } from './spec/load.js';
import { UsageError } from './usage-error.js';
import type { FailOn, Spec } from './spec/types.js';

export { CHECKS } from './campaign/document.js';
export { UsageError } from './usage-error.js';
export type { SourceEvent } from './campaign/run.js';
export type { Shard } from './campaign/shard.js';
export { StateFileError, type StateFile } from './campaign/state-file.js';

export interface CheckOptions {
  /** Only these channels (names from the spec). */
  channels?: string[];
  /** Never touch the network: URL sources become source errors. */
  offline?: boolean;
  /** Pages fetched at once (default 8). */
  concurrency?: number;
  /** A fetcher of the caller's (tests, embedders); default: one built from the options above. */
  fetcher?: Fetcher;
  /** Absolute folder of the HTTP cache; with offline, URLs are served from it. */
  cacheDir?: string;
  /** Overrides the spec's rules.fail_on. */
  failOn?: FailOn;
  /** Where relative paths are shown from (default process.cwd()). */
  cwd?: string;
  /** Today as YYYY-MM-DD, for exceptions' expiry (default: the clock's UTC date). */
  today?: string;
  /** Human-facing progress lines (the CLI sends them to stderr). */
  onProgress?: (line: string) => void;
  /**
   * Threads that read and check sources (default: the cores available, for campaigns large
   * enough to be worth a thread's start-up); 1 runs on this thread. The report is the same
   * byte for byte whatever the number.
   */
  jobs?: number;
  /**
   * Keep each source's state in cacheDir and reuse it while the source's bytes, the spec and
   * the tool version are unchanged (default: on whenever cacheDir is given).
   */
  stateCache?: boolean;
  /** Called once per source as its state is taken in: read and checked, or reused from the cache. */
  onSource?: (event: SourceEvent) => void;
  /** Called once the run knows how many threads check its sources (1: this one), before any starts. */
  onThreads?: (threads: number) => unknown;
  /** Local sources must stay inside the spec's folder or this one (default: the nearest folder above the spec holding `.git`). */
  root?: string;
  /** Largest local source read, in bytes (default 10 MB). */
  maxFileSize?: number;
  /** Findings listed per rule and source, then one "+N more" (default 10000; 0: all). */
  maxFindings?: number;
  /**
   * Fetch from loopback, private and link-local addresses (refused by default): true for any,
   * or a list of host names. The CLI sets it from --allow-private-network / STOREFRONT_ALLOW_PRIVATE_NETWORK.
   */
  allowPrivateNetwork?: PrivateNetworkAllowance;
  /** Hosts (https) or origins an API token may be sent to besides the platform's own API hosts. */
  allowTokenHosts?: string[];
  /** Environment variables a spec may name as token_env besides STOREFRONT_* ones. */
  allowTokenEnv?: string[];
  /** Deadline of the whole run in seconds: sources not read by then become source errors. */
  timeout?: number;
  /** Most pages the run's sitemaps may add, all together (default 50,000). */
  maxPages?: number;
  /** Signs HTTP cache entries (default STOREFRONT_CACHE_KEY, else a key in the user's cache home). */
  cacheKey?: string;
  /**
   * Copy given in memory (the CLI's standard input) checked as the only source of one
   * channel, instead of the sources the spec lists for it; only that channel is checked.
   * `name` picks the reader by its extension (post.txt, page.html, mail.eml).
   */
  stdin?: { channel: string; name: string; bytes: Uint8Array };
}

function selectChannels(spec: Spec, wanted: string[] | undefined): string[] {
  const all = spec.channels.map((c) => c.name);
  if (!wanted?.length) return all;
  const unknown = wanted.filter((name) => !all.includes(name));
  if (unknown.length) throw new UsageError(`unknown channel "${unknown[0]}" (the spec defines: ${all.join(', ')})`);
  return all.filter((name) => wanted.includes(name));
}

export async function check(specPath: string, options: CheckOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const shown = path.relative(cwd, path.resolve(cwd, specPath)).split(path.sep).join('/') || specPath;
  const spec = await loadSpec(path.resolve(cwd, specPath), shown);
  return checkSpec(spec, { ...options, specName: shown });
}

export { checkDocuments } from './campaign/in-memory.js';

/** The same, for a spec already loaded (tests and embedders). */
export async function checkSpec(spec: Spec, options: CheckOptions & { specName?: string } = {}): Promise<Report> {
  const specName = options.specName ?? path.basename(spec.file);
  const { state, channels } = await runSpec(spec, options, specName);
  return reportFromState(spec, state.state, { channels, specName, failOn: options.failOn, today: options.today, maxFindings: options.maxFindings });
}

/**
 * The per-source half only, for one shard of the sources (default: all of them): the state
 * `merge` turns into the report (src/campaign/state-file.ts).
 */
export async function checkState(specPath: string, options: CheckOptions & { shard?: Shard } = {}): Promise<StateFile> {
  const cwd = options.cwd ?? process.cwd();
  const shown = path.relative(cwd, path.resolve(cwd, specPath)).split(path.sep).join('/') || specPath;
  const spec = await loadSpec(path.resolve(cwd, specPath), shown);
  const shard = options.shard ?? { index: 1, count: 1 };
  const { state, channels } = await runSpec(spec, { ...options, shard }, shown);
  const { specFingerprint } = await import('./campaign/cache.js');
  return toStateFile({ fingerprint: specFingerprint(spec), specName: shown, spec, channels, sources: state.total, shard, state: state.state });
}

async function runSpec(spec: Spec, options: CheckOptions & { shard?: Shard }, specName: string): Promise<{ state: RunResult; channels: string[] }> {
  validateFactValues(spec, specName);
  validateExamples(spec, specName);
  const stdin = options.stdin;
  const channels = selectChannels(spec, stdin ? [stdin.channel] : options.channels);
  const progress = options.onProgress ?? (() => undefined);
  const deadline = runDeadline(options.timeout);
  // One fetcher for the whole run: one concurrency limit and one cache for every URL.
  const fetcher =
    options.fetcher ??
    lazyFetcher({
      offline: options.offline,
      cacheDir: options.cacheDir,
      concurrency: options.concurrency,
      allowPrivateNetwork: options.allowPrivateNetwork,
      signal: deadline.signal,
      cacheKey: options.cacheKey,
      onWarning: progress,
    });
  const { runSources } = await import('./campaign/run.js');
  // A spec from a pull request may name anything: local sources stay inside the repository.
  const confine = await confinementFor(path.dirname(spec.file), options.root);
  const state = await runSources(spec, {
    channels,
    confine,
    maxFileSize: options.maxFileSize,
    fetcher,
    offline: options.offline,
    concurrency: options.concurrency,
    jobs: options.jobs === undefined ? undefined : Math.max(1, options.jobs),
    shard: options.shard,
    cacheDir: options.stateCache === false ? undefined : options.cacheDir,
    onProgress: options.onProgress,
    onSource: options.onSource,
    onThreads: options.onThreads,
    // One page budget for every sitemap of the run.
    pageBudget: { remaining: options.maxPages ?? DEFAULT_MAX_PAGES },
    tokens: { allowTokenHosts: options.allowTokenHosts, allowTokenEnv: options.allowTokenEnv },
    deadlinePassed: () => deadline.passed(),
    // Standard input replaces the channel's own sources.
    given: stdin && spec.channels.filter((c) => c.name === stdin.channel).map((c) => ({ id: stdin.name, name: stdin.name, channel: c.name, kind: c.kind, language: c.language, bytes: stdin.bytes })),
  });
  deadline.dispose();
  return { state, channels };
}

/** The report of a run's state: one written by `checkState`, or the shards' states merged. */
export function reportFromStates(
  merged: Pick<StateFile, 'spec' | 'specName' | 'channels' | 'state'>,
  options: Pick<CheckOptions, 'failOn' | 'today' | 'maxFindings'> = {},
): Report {
  return reportFromState(merged.spec, merged.state, { channels: merged.channels, specName: merged.specName, failOn: options.failOn, today: options.today, maxFindings: options.maxFindings });
}

/**
 * `storefront merge`: the state files of one run's shards (check --shard i/n --format state),
 * read, checked to be every shard of one spec once, and folded into the report a single run
 * would give. A file that cannot be read or merged is a StateFileError naming it.
 */
export async function merge(files: readonly string[], options: Pick<CheckOptions, 'cwd' | 'failOn' | 'today' | 'maxFindings'> = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const read = [];
  for (const name of files) {
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, name), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StateFileError(`${name}: ${code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? 'error'})`}`);
    }
    read.push({ name, file: parseStateFile(text, name) });
  }
  return reportFromStates(mergeStateFiles(read), options);
}
