// One source from its reference to its state: loaded, looked up in the state cache, read,
// normalized and checked. The same function runs in-process (--jobs 1) and in worker threads.
import type { LocalReadOptions } from '../sources/local.js';
import type { TokenPolicy } from '../sources/feeds/secret-policy.js';
import { readSource, loadSource, type LoadedSource } from '../sources/read.js';
import { isUnresolved, type SourceRef, type Unresolved } from '../sources/resolve.js';
import { SourceError, type Fetcher } from '../sources/types.js';
import type { Spec } from '../spec/types.js';
import type { StateCache } from './cache.js';
import { checkDocumentState, unreadableState, type SourceBase } from './document.js';
import type { SourceState } from './state.js';

/** How a source may be read: plain data, so a worker thread gets it too. */
export interface SourceReading extends LocalReadOptions {
  tokens?: TokenPolicy;
}

export interface SourceDeps {
  spec: Spec;
  /** Every URL a source needs goes through the run's one fetcher (in a worker: a proxy to it). */
  fetcher: Fetcher;
  /** Where local sources may be read from, how large they may be, which tokens feeds may send. */
  reading?: SourceReading;
  cache?: StateCache;
  /** Called before a source is read and checked (not when its state comes from the cache). */
  onReading?: () => void;
}

export interface CheckedSource {
  state: SourceState;
  /** Taken from the state cache: the source was neither read nor checked again. */
  reused: boolean;
}

const baseOf = (ref: SourceRef | Unresolved): SourceBase => ({ id: ref.id, channel: ref.channel, kind: ref.kind, language: ref.language });

export async function checkSourceRef(ref: SourceRef | Unresolved, deps: SourceDeps): Promise<CheckedSource> {
  if (isUnresolved(ref)) return { state: unreadableState(baseOf(ref), ref.reason), reused: false };
  let loaded: LoadedSource | undefined;
  let key: string | undefined;
  // Feeds are read page by page through their API: there are no bytes of their own to key on.
  if (deps.cache && !ref.feed) {
    try {
      loaded = await loadSource(ref, { fetcher: deps.fetcher, ...deps.reading });
    } catch (error) {
      if (error instanceof SourceError) return { state: unreadableState(baseOf(ref), error.message, error.line, error.column), reused: false };
      throw error;
    }
    key = deps.cache.key(ref, loaded);
    const stored = await deps.cache.get(key);
    if (stored) return { state: stored, reused: true };
  }
  deps.onReading?.();
  const read = await readSource(ref, { fetcher: deps.fetcher, ...deps.reading }, loaded);
  const state = read instanceof SourceError ? unreadableState(baseOf(ref), read.message, read.line, read.column) : checkDocumentState(deps.spec, read);
  if (key) await deps.cache!.put(key, state);
  return { state, reused: false };
}
