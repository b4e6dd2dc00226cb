// compromise answers the English words the lemma table lacks (normalize/lemma.ts): brand names,
// product jargon, so on any real site. Loaded, it costs each thread ~0.4 s of CPU and its own
// copy of its lexicon. A run's main thread is idle while its workers check, so it answers for
// all of them: compromise loads once per run. Lemmas are asked for deep inside tokenizing,
// which is synchronous, so a worker asks and waits: it posts the word on its own line, sleeps
// on a shared flag until the main thread has posted the answer, and takes it off the port.
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { compromiseLemma } from '../normalize/lemma.js';

/** One worker's end of its line: handed to it in its setup (the port transferred). */
export interface LemmaLine {
  port: MessagePort;
  /** [0] is 1 once the answer to the word last asked is on the port. */
  answered: Int32Array;
}

type LemmaAnswer = { lemma: string } | { error: string };

/** The main thread's end of a line: answers each word posted on it; `close` when the run ends. */
export function openLemmaLine(lookUp: (word: string) => string = compromiseLemma): { line: LemmaLine; close(): void } {
  const { port1, port2 } = new MessageChannel();
  const answered = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  port1.on('message', (word: string) => {
    // Always answered, a failed look-up with its error, which the worker throws where
    // compromise's own would have been thrown: a worker never waits forever.
    let answer: LemmaAnswer;
    try {
      answer = { lemma: lookUp(word) };
    } catch (error) {
      answer = { error: error instanceof Error ? error.message : String(error) };
    }
    port1.postMessage(answer);
    Atomics.store(answered, 0, 1);
    Atomics.notify(answered, 0);
  });
  return { line: { port: port2, answered }, close: () => port1.close() };
}

/**
 * Loads compromise on this (the main) thread now, while the workers start, instead of on
 * their first question: each worker's first words include the spec's brand names, which no
 * table has, so it would otherwise wait the ~0.4 s compromise takes to load (on the bench,
 * each worker spent ~0.4 s of its run waiting, nearly all of it then). A failure to load is
 * left to the first question, which reports it in the worker that asked.
 */
export function warmLemmaLookUp(lookUp: (word: string) => string = compromiseLemma): void {
  try {
    lookUp('warming');
  } catch {
    // Reported when a worker asks (openLemmaLine).
  }
}

/** A worker's look-up over its line: one word at a time, as tokenizing asks. */
export function askOverLine(line: LemmaLine): (word: string) => string {
  return (word) => {
    Atomics.store(line.answered, 0, 0);
    line.port.postMessage(word);
    Atomics.wait(line.answered, 0, 0);
    const answer = receiveMessageOnPort(line.port)?.message as LemmaAnswer | undefined;
    if (answer && 'lemma' in answer) return answer.lemma;
    throw new Error(`no lemma for "${word}": ${answer?.error ?? 'the main thread did not answer'}`);
  };
}
