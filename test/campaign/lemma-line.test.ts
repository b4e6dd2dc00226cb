// A run's workers ask their main thread for the lemmas of English words the lemma table lacks
// (src/campaign/lemma-line.ts), so compromise loads once per run, not once per thread.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openLemmaLine, warmLemmaLookUp, type LemmaLine } from '../../src/campaign/lemma-line.js';
import { readsEnglish } from '../../src/campaign/run.js';
import type { Spec } from '../../src/spec/types.js';
import { check } from '../../src/check.js';
import { compromiseLemma } from '../../src/normalize/lemma.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A worker thread runs compiled code: the built module, as a run's workers do.
const builtLine = pathToFileURL(path.join(root, 'dist/campaign/lemma-line.js')).href;

// Made-up words: in no dictionary, so in no lemma table either, and compromise still inflects them.
const WORDS = ['zorblaxes', 'flimbered', 'flimbers', 'glorpified', 'snazzifies', 'quibbletons'];

/** Has a worker ask for each word over the line, in order, and returns its answers. */
function askInWorker(line: LemmaLine, words: string[]): Promise<string[]> {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.module).then(({ askOverLine }) => {
      const ask = askOverLine(workerData.line);
      parentPort.postMessage(workerData.words.map(ask));
    });`;
  const worker = new Worker(code, { eval: true, workerData: { module: builtLine, line, words }, transferList: [line.port] });
  return new Promise((resolve, reject) => {
    worker.once('message', (answers: string[]) => void worker.terminate().then(() => resolve(answers)));
    worker.once('error', reject);
  });
}

describe('lemma line', () => {
  it("answers a worker's words with compromise's lemmas, each as it is asked", async () => {
    const asked: string[] = [];
    const { line, close } = openLemmaLine((word) => (asked.push(word), compromiseLemma(word)));
    try {
      const answers = await askInWorker(line, WORDS);
      expect(answers).toEqual(WORDS.map(compromiseLemma));
      expect(answers).toEqual(['zorblax', 'flimber', 'flimber', 'glorpify', 'snazzify', 'quibbleton']);
      expect(asked).toEqual(WORDS);
    } finally {
      close();
    }
  }, 60_000);

  it('passes a failed look-up on to the worker, which throws it where compromise would have', async () => {
    const { line, close } = openLemmaLine((word) => {
      throw new Error(`cannot read ${word}`);
    });
    try {
      await expect(askInWorker(line, ['zorblaxes'])).rejects.toThrow('no lemma for "zorblaxes": cannot read zorblaxes');
    } finally {
      close();
    }
  }, 60_000);

  it('warms the look-up with one word, leaving a failure to load to the first question', () => {
    const asked: string[] = [];
    warmLemmaLookUp((word) => (asked.push(word), compromiseLemma(word)));
    expect(asked).toHaveLength(1);
    expect(() =>
      warmLemmaLookUp(() => {
        throw new Error('compromise is missing');
      }),
    ).not.toThrow();
  });

  it('warms it for a run that may read English: its spec, a translation or a source in English or "auto"', () => {
    const spec = (language: string, translations: Record<string, string> = {}) => ({ language, messages: [{ translations }] }) as unknown as Spec;
    const jobs = (...languages: string[]) => languages.map((language) => ({ ref: { language } as never }));
    expect(readsEnglish(spec('en'), jobs('pl'))).toBe(true);
    expect(readsEnglish(spec('en-GB'), jobs())).toBe(true);
    expect(readsEnglish(spec('pl'), jobs('pl', 'he'))).toBe(false);
    expect(readsEnglish(spec('pl'), jobs('pl', 'auto'))).toBe(true);
    expect(readsEnglish(spec('pl', { 'en-US': 'Free delivery' }), jobs('pl'))).toBe(true);
    // "eng" and "enx" are not English tags.
    expect(readsEnglish(spec('de', { enx: 'x' }), jobs('de'))).toBe(false);
  });

  it('gives a two-thread run the lemmas a one-thread run computes: the same report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-lemmas-'));
    mkdirSync(path.join(dir, 'site'));
    const pages = ['Zorblaxes flimbered every invoice for you.', 'Our quibbletons snazzifies the ledger.', 'Glorpified reports, flimbered invoices.'];
    pages.forEach((text, i) => writeFileSync(path.join(dir, 'site', `p${i}.html`), `<html><body><main><p>${text}</p></main></body></html>`));
    writeFileSync(
      path.join(dir, 'storefront.yaml'),
      ['version: 1', 'campaign: Lemmas', 'language: en', 'channels:', '  site:', '    kind: web', '    sources: ["site/*.html"]', 'messages:', '  - id: zorblax', '    text: "The zorblax flimbers every invoice"', ''].join('\n'),
    );
    const spec = path.join(dir, 'storefront.yaml');
    const one = await check(spec, { jobs: 1 });
    const two = await check(spec, { jobs: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    // The message is matched through the made-up words' lemmas ("zorblaxes" as "zorblax").
    expect(one.findings.some((f) => f.rule === 'message-missing')).toBe(false);
  }, 60_000);
});
