// The per-source half of a run, streamed: sources are resolved, then each is read, checked and
// folded into the campaign state as soon as it is done, on this thread (--jobs 1) or on worker
// threads. Only the state and the findings outlive a source.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isUnresolved, resolveSources, type SourceRef, type Unresolved } from '../sources/resolve.js';
import type { Confinement } from '../sources/local.js';
import type { TokenPolicy } from '../sources/feeds/secret-policy.js';
import type { PageBudget } from '../sources/web/sitemap.js';
import type { Fetcher, SourceError } from '../sources/types.js';
import { isAuto } from '../normalize/language.js';
import { hasEnglishLemmas } from '../normalize/lemma.js';
import { unreadableState } from './document.js';
import type { SourceReading } from './source.js';
import type { Spec } from '../spec/types.js';
import { inShard, type Shard } from './shard.js';
import { Handover } from './handover.js';
import { settleEngineAssumptions } from './engine.js';
import { emptyState, mergeStates, placeSource, type CampaignState, type SourceState } from './state.js';

export interface SourceEvent {
  id: string;
  channel: string;
  /** Taken from the state cache: not read nor checked again. */
  reused: boolean;
}

export interface RunOptions {
  /** Selected channel names in spec order. */
  channels: readonly string[];
  /** Where local sources may be read from (src/sources/local.ts). */
  confine?: Confinement;
  /** Largest local source read, in bytes. */
  maxFileSize?: number;
  /** Pages the run's sitemaps may still add, shared by all of them. */
  pageBudget?: PageBudget;
  /** Which token variables feeds may read and where tokens may go. */
  tokens?: TokenPolicy;
  /** Sources to check instead of those the selected channels list (copy given on standard input). */
  given?: SourceRef[];
  /** The run's deadline (--timeout): once it has passed, a source not yet read is this error. */
  deadlinePassed?: () => SourceError | undefined;
  fetcher: Fetcher;
  offline?: boolean;
  /** Pages fetched at once. */
  concurrency?: number;
  /**
   * Threads that read and check sources; 1 runs on this thread. Default: the cores
   * available, one thread per SOURCES_PER_THREAD sources and per BYTES_PER_THREAD of local
   * files at most (a thread's start-up and warm-up is not worth it for a handful of files,
   * nor for a few MB of copy).
   */
  jobs?: number;
  /** Only this share of the sources. */
  shard?: Shard;
  /** Folder of the state cache (and the HTTP cache): unchanged sources reuse their stored state. */
  cacheDir?: string;
  onProgress?: (line: string) => void;
  /** Called once per source as it is folded in (progress, tests counting what was read). */
  onSource?: (event: SourceEvent) => void;
  /** Called once the run knows how many threads check its sources, before any starts (the CLI tunes V8 there). */
  onThreads?: (threads: number) => unknown;
}

export interface RunResult {
  state: CampaignState;
  /** Sources the whole campaign has (every shard included): a merge checks it has them all. */
  total: number;
}

const READ_CONCURRENCY = 8;
export const SOURCES_PER_THREAD = 16;
// A thread costs about 3 s of CPU before it runs at full speed: loading the readers and checks,
// compromise for the spec's brand words, compiling the value patterns, the JIT's warm-up and
// its own tables of recurring text. That is what checking about 4 MB of pages costs once warm
// (~0.8 µs a byte), so a thread is started per 4 MB of local copy at most. Measured on the
// bench's campaigns on two cores (three runs each way): 2.8 MB ran ~5% faster on one thread
// than on two, 5.6 MB ~10% faster on two, 11 MB and more faster still on two.
export const BYTES_PER_THREAD = 4 * 1024 * 1024;

/**
 * Each source's size in bytes where it has one before it is read (local files, standard
 * input); undefined for URLs, sitemaps and feeds, which may be of any size.
 */
async function sizesOf(refs: ReadonlyArray<SourceRef | Unresolved>): Promise<Array<number | undefined>> {
  return Promise.all(
    refs.map(async (ref) => {
      if (isUnresolved(ref)) return 0;
      if (ref.bytes) return ref.bytes.length;
      return ref.file === undefined ? undefined : stat(ref.file).then((s) => s.size, () => 0);
    }),
  );
}

/** The default number of threads for this many readable sources of these sizes (see RunOptions.jobs). */
function defaultThreads(readable: number, sizes: ReadonlyArray<number | undefined>): number {
  const byCount = Math.min(availableParallelism(), Math.ceil(readable / SOURCES_PER_THREAD));
  if (byCount <= 1) return byCount;
  // Only local files (and standard input) have a size before they are read: URLs, sitemaps
  // and feeds may be large, so a run with any keeps the count alone.
  if (sizes.some((size) => size === undefined)) return byCount;
  const bytes = sizes.reduce<number>((sum, size) => sum + size!, 0);
  return Math.max(1, Math.min(byCount, Math.ceil(bytes / BYTES_PER_THREAD)));
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function runSources(spec: Spec, options: RunOptions): Promise<RunResult> {
  const progress = options.onProgress ?? (() => undefined);
  const specDir = path.dirname(spec.file);
  const selected = spec.channels.filter((c) => options.channels.includes(c.name));
  const refs = options.given ?? (await Promise.all(selected.map((c) => resolveSources(c, specDir, { fetcher: options.fetcher, offline: options.offline, confine: options.confine, pageBudget: options.pageBudget })))).flat();
  const jobs = refs.map((ref, order) => ({ order, ref })).filter((job) => !options.shard || inShard(job.ref, options.shard));
  const share = options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${refs.length})` : '';
  progress(`reading ${jobs.length} source${jobs.length === 1 ? '' : 's'}${share}`);

  const state = emptyState();
  let reusedCount = 0;
  const fold = (order: number, sourceState: SourceState, reused: boolean) => {
    mergeStates(state, placeSource(order, sourceState));
    if (reused) reusedCount++;
    for (const finding of sourceState.findings) if (finding.rule === 'source-error') progress(sourceErrorLine(finding));
    options.onSource?.({ id: sourceState.source.id, channel: sourceState.source.channel, reused });
  };
  // The state cache, keyed by the spec's fingerprint: its module (and node:crypto) loads only
  // for a run that keeps one.
  const cacheModule = options.cacheDir ? await import('./cache.js') : undefined;
  const cache = cacheModule && { dir: options.cacheDir!, fingerprint: cacheModule.specFingerprint(spec) };
  const reading: SourceReading = { confine: options.confine, maxFileSize: options.maxFileSize, tokens: options.tokens };
  // Past the deadline a source is not read at all: it becomes the deadline's source-error.
  const expired = (ref: SourceRef | Unresolved): SourceState | undefined => {
    const error = options.deadlinePassed?.();
    return error && unreadableState({ id: ref.id, channel: ref.channel, kind: ref.kind, language: ref.language }, error.message);
  };
  const remoteConcurrency = Math.max(READ_CONCURRENCY, options.concurrency ?? 0);
  const readable = jobs.filter((j) => !isUnresolved(j.ref)).length;
  // Sizes are needed for the default number of threads, and by the threads' order of work.
  const sizes = options.jobs === 1 ? [] : await sizesOf(jobs.map((j) => j.ref));
  const threads = Math.min(options.jobs ?? defaultThreads(readable, sizes), readable);
  await options.onThreads?.(Math.max(1, threads));
  if (threads > 1) {
    const { runPool } = await import('./pool.js');
    await runPool(jobs, {
      workers: threads,
      sizes,
      setup: { spec, reading, ...(cache ? { cache } : {}) },
      readsEnglish: readsEnglish(spec, jobs),
      expired,
      fetcher: options.fetcher,
      remoteConcurrency,
      onDone: fold,
    });
  } else {
    const { checkSourceRef } = await import('./source.js');
    settleEngineAssumptions();
    const stateCache = cacheModule && cache && new cacheModule.StateCache(cache.dir, cache.fingerprint);
    const deps = { spec, fetcher: options.fetcher, reading, ...(stateCache ? { cache: stateCache } : {}) };
    const handover = new Handover();
    // Reading overlaps fetching: let at least as many sources be read as pages are fetched.
    await forEachLimited(jobs, remoteConcurrency, async ({ order, ref }) => {
      const skipped = expired(ref);
      if (skipped) return fold(order, skipped, false);
      const { state: sourceState, reused } = await checkSourceRef(ref as SourceRef | Unresolved, deps);
      // A worker's states arrive as copies; this thread's must be copied too: a finding's text
      // is a slice of its page's, and would keep every page of the run alive. A state from the
      // cache was parsed from its file and holds no page: it is folded as it is.
      const trimmed = handover.trim(order, sourceState);
      fold(order, reused ? trimmed : structuredClone(trimmed), reused);
    });
  }
  if (options.cacheDir) progress(`${jobs.length - reusedCount} of ${jobs.length} sources read and checked, ${reusedCount} unchanged (from the cache)`);
  return { state, total: refs.length };
}

/** Whether a run may read English: its spec, a translation or a source is English or "auto". */
export function readsEnglish(spec: Spec, jobs: ReadonlyArray<{ ref: SourceRef | Unresolved }>): boolean {
  const english = (tag: string | undefined) => !!tag && (isAuto(tag) || hasEnglishLemmas(tag));
  return english(spec.language) || spec.messages.some((m) => Object.keys(m.translations).some(english)) || jobs.some((j) => english(j.ref.language));
}

/** The progress line for a source-error finding. */
function sourceErrorLine(finding: { source?: string; found?: string; location?: { line?: number; column?: number } }): string {
  const { line, column } = finding.location ?? {};
  return `source error: ${finding.source}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${finding.found}`;
}
