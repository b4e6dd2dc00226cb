// A fetcher made on the first URL fetched: a run of local files never loads the HTTP stack
// (fetch.ts with its agent, address policy and cache: ~20 ms of a small check's start).
import type { FetcherOptions } from './fetch.js';
import type { Fetcher } from '../types.js';

export function lazyFetcher(options: FetcherOptions = {}): Fetcher {
  let fetcher: Promise<Fetcher> | undefined;
  return {
    async fetch(url, init) {
      fetcher ??= import('./fetch.js').then(({ createFetcher }) => createFetcher(options));
      return (await fetcher).fetch(url, init);
    },
  };
}
