// Worker threads for a run: each source goes to the least busy worker; states come back in
// whatever order they finish, and the caller folds them by their place in the run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceRef, Unresolved } from '../sources/resolve.js';
import { SourceError, type Fetcher } from '../sources/types.js';
import type { ToMain, ToWorker, WorkerData, WorkerSetup } from './protocol.js';
import { openLemmaLine, warmLemmaLookUp } from './lemma-line.js';
import type { SourceState } from './state.js';

export interface Job {
  order: number;
  ref: SourceRef | Unresolved;
}

export interface PoolOptions {
  workers: number;
  /** Each job's size in bytes, where it has one before it is read (see dispatchOrder). */
  sizes?: ReadonlyArray<number | undefined>;
  setup: WorkerSetup;
  fetcher: Fetcher;
  /** Sources fetched over the network at once, across all workers. */
  remoteConcurrency: number;
  /**
   * Whether the workers will read English: compromise then loads here as soon as they are
   * started or, with a state cache, once a worker reads a source not in it (a run that finds
   * every source in the cache asks no lemma).
   */
  readsEnglish?: boolean;
  /** A source's state without a worker (the run's deadline has passed), or undefined to check it. */
  expired?: (ref: SourceRef | Unresolved) => SourceState | undefined;
  onDone(order: number, state: SourceState, reused: boolean): void;
}

// Each worker is a V8 heap of its own: a young generation of V8's default size (up to 48 MB)
// in every one is what made a two-thread run's peak memory exceed one thread's. A smaller one
// is collected more often, at a cost in time: on the bench at 1x, 48 MB ran ~9% faster but
// peaked ~35 MB higher, past the 300 MB such a run is held to (README, "What a run remembers").
const WORKER_YOUNG_GENERATION_MB = 24;

// A file source costs CPU: two per worker keep it busy while the next file is read. A URL or
// a feed mostly waits on the network: as many as the fetch concurrency allows.
const LOCAL_PER_WORKER = 2;
const isRemote = (ref: SourceRef | Unresolved) => 'url' in ref || 'feed' in ref;

// The bundled CLI (scripts/build-bundle.mjs) defines this as its own bundle of the worker,
// from the package's root; the compiled library leaves it undefined.
declare const STOREFRONT_BUNDLED_WORKER: string | undefined;

/**
 * The worker's module: in the bundled CLI, the bundled one (a thread then loads a few files,
 * not ~200 modules); else the compiled one beside this module; run from the TypeScript
 * sources (tests), the built one.
 */
function workerFile(): URL {
  if (typeof STOREFRONT_BUNDLED_WORKER === 'string') return new URL(`../../${STOREFRONT_BUNDLED_WORKER}`, import.meta.url);
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../../dist/campaign/worker.js', import.meta.url);
}

/**
 * The order jobs are handed out in: those without a size first (URLs and feeds, which mostly
 * wait on the network), in run order; then the largest files first. Workers take the next job
 * as they free up, so a run in run order could end with one worker in its largest file (a
 * social export is often last) while the others idle; largest first, it ends on small ones.
 * Ties keep run order. The report does not depend on it: states are folded by their place.
 */
export function dispatchOrder(count: number, sizes: ReadonlyArray<number | undefined> = []): number[] {
  const size = (k: number) => sizes[k] ?? Infinity;
  return Array.from({ length: count }, (_, k) => k).sort((a, b) => (size(a) === size(b) ? a - b : size(b) - size(a)));
}

interface Slot {
  worker: Worker;
  busy: number;
}

export function runPool(jobs: readonly Job[], options: PoolOptions): Promise<void> {
  if (!jobs.length) return Promise.resolve();
  const count = Math.max(1, Math.min(options.workers, jobs.length));
  const perRemote = Math.max(LOCAL_PER_WORKER, Math.ceil(options.remoteConcurrency / count));
  return new Promise<void>((resolve, reject) => {
    const slots: Slot[] = [];
    const lines: Array<{ close(): void }> = [];
    const order = dispatchOrder(jobs.length, options.sizes);
    let next = 0;
    let finished = 0;
    let failed = false;
    let warmed = false;
    const warmLemmas = () => {
      if (warmed || !options.readsEnglish) return;
      warmed = true;
      warmLemmaLookUp();
    };
    const stop = () => Promise.all(slots.map((s) => s.worker.terminate())).finally(() => lines.forEach((line) => line.close()));
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      void stop().finally(() => reject(error));
    };
    const dispatch = () => {
      while (next < jobs.length && !failed) {
        const index = order[next];
        const job = jobs[index];
        const skipped = options.expired?.(job.ref);
        if (skipped) {
          next++;
          options.onDone(job.order, skipped, false);
          if (++finished === jobs.length) void stop().then(() => resolve(), reject);
          continue;
        }
        const limit = isRemote(job.ref) ? perRemote : LOCAL_PER_WORKER;
        const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
        if (slot.busy >= limit) return;
        slot.busy++;
        slot.worker.postMessage({ type: 'check', job: index, order: job.order, ref: job.ref } satisfies ToWorker);
        next++;
      }
    };
    const answer = (slot: Slot, message: ToMain) => {
      if (message.type === 'fetch') {
        options.fetcher.fetch(message.url, message.init).then(
          (fetched) => slot.worker.postMessage({ type: 'fetched', call: message.call, fetched } satisfies ToWorker),
          (error: unknown) => {
            const sourceError = error instanceof SourceError;
            const reply: ToWorker = {
              type: 'fetched',
              call: message.call,
              error: { message: error instanceof Error ? error.message : String(error), sourceError, ...(sourceError ? { line: error.line, column: error.column } : {}) },
            };
            slot.worker.postMessage(reply);
          },
        );
        return;
      }
      if (message.type === 'failed') return fail(new Error(message.message));
      if (message.type === 'reading') return warmLemmas();
      slot.busy--;
      options.onDone(jobs[message.job].order, message.state, message.reused);
      if (++finished === jobs.length) void stop().then(() => resolve(), reject);
      else dispatch();
    };
    for (let i = 0; i < count; i++) {
      const lemmas = openLemmaLine();
      lines.push(lemmas);
      const workerData: WorkerData = { ...options.setup, lemmas: lemmas.line };
      const worker = new Worker(workerFile(), { workerData, transferList: [lemmas.line.port], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (message: ToMain) => answer(slot, message));
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (finished < jobs.length && !failed) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      slots.push(slot);
    }
    dispatch();
    // The workers are starting on their own cores; their first question comes in a few
    // hundred milliseconds, and compromise takes about as long to load. With a state cache,
    // only once a source is read: compromise cost a run that found every source in the cache
    // (the bench at 1x, re-run) a third of its CPU time.
    if (!options.setup.cache) warmLemmas();
  });
}
