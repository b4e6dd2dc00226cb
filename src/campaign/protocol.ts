// The messages between the main thread and its worker threads: plain data, structured-cloned.
import type { Fetched, FetchInit } from '../sources/types.js';
import type { SourceRef, Unresolved } from '../sources/resolve.js';
import type { Spec } from '../spec/types.js';
import type { SourceReading } from './source.js';
import type { SourceState } from './state.js';
import type { LemmaLine } from './lemma-line.js';

/** What every worker starts with. */
export interface WorkerSetup {
  spec: Spec;
  /** The state cache (--cache-dir), if any: its folder and the spec's fingerprint that keys it. */
  cache?: { dir: string; fingerprint: string };
  /** Where local sources may be read from, how large they may be, which tokens feeds may send. */
  reading: SourceReading;
}

/** A worker's setup: the run's, and its own line to the main thread for lemmas. */
export interface WorkerData extends WorkerSetup {
  lemmas: LemmaLine;
}

export type FetchReply =
  | { type: 'fetched'; call: number; fetched: Fetched; error?: undefined }
  | { type: 'fetched'; call: number; fetched?: undefined; error: { message: string; sourceError: boolean; line?: number; column?: number } };

/** `order`: the source's place in the run, which decides what its state adds to the merge (handover.ts). */
export type ToWorker = { type: 'check'; job: number; order: number; ref: SourceRef | Unresolved } | FetchReply;

/**
 * `reading`: the worker is about to read and check a source of its own (not one from the state
 * cache), sent once per worker: the first tells the main thread that lemmas will be asked for.
 */
export type ToMain =
  | { type: 'fetch'; call: number; url: string; init?: FetchInit }
  | { type: 'reading' }
  | { type: 'done'; job: number; state: SourceState; reused: boolean }
  | { type: 'failed'; job: number; message: string };
