// A worker thread of a run (--jobs N): it reads, normalizes and checks the sources the main
// thread hands it, and sends back each one's state, less what it already sent better
// (handover.ts). URLs still go through the main thread's one fetcher (one concurrency
// limit, one HTTP cache), asked over the message port.
import { parentPort, workerData } from 'node:worker_threads';
import { SourceError, type Fetched, type Fetcher, type FetchInit } from '../sources/types.js';
import type { FetchReply, ToMain, ToWorker, WorkerData } from './protocol.js';
import { Handover } from './handover.js';
import { checkSourceRef, type SourceDeps } from './source.js';
import { settleEngineAssumptions } from './engine.js';
import { askOverLine } from './lemma-line.js';
import { answerMissingLemmasWith } from '../normalize/lemma.js';

settleEngineAssumptions();

const setup = workerData as WorkerData;
const port = parentPort!;
const post = (message: ToMain) => port.postMessage(message);
answerMissingLemmasWith(askOverLine(setup.lemmas));

let calls = 0;
const waiting = new Map<number, { resolve: (f: Fetched) => void; reject: (e: Error) => void }>();

const fetcher: Fetcher = {
  fetch(url: string, init?: FetchInit): Promise<Fetched> {
    const call = ++calls;
    return new Promise((resolve, reject) => {
      waiting.set(call, { resolve, reject });
      post({ type: 'fetch', call, url, ...(init ? { init } : {}) });
    });
  },
};

function settle(reply: FetchReply): void {
  const pending = waiting.get(reply.call);
  if (!pending) return;
  waiting.delete(reply.call);
  if (reply.fetched) pending.resolve(reply.fetched);
  else if (reply.error.sourceError) pending.reject(new SourceError(reply.error.message, reply.error.line, reply.error.column));
  else pending.reject(new Error(reply.error.message));
}

// Whether this worker has said it reads a source (see ToMain): once is all the main thread needs.
let saidReading = false;
const deps: SourceDeps = {
  spec: setup.spec,
  fetcher,
  reading: setup.reading,
  onReading: () => {
    if (!saidReading) post({ type: 'reading' });
    saidReading = true;
  },
  // node:crypto and the cache's module load only for a run with a cache.
  ...(setup.cache ? { cache: new (await import('./cache.js')).StateCache(setup.cache.dir, setup.cache.fingerprint) } : {}),
};

const handover = new Handover();

port.on('message', (message: ToWorker) => {
  if (message.type === 'fetched') return settle(message);
  checkSourceRef(message.ref, deps).then(
    ({ state, reused }) => post({ type: 'done', job: message.job, state: handover.trim(message.order, state), reused }),
    (error: unknown) => post({ type: 'failed', job: message.job, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
