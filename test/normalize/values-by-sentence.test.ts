// A part's values are read sentence by sentence (normalize/index.ts), so that a sentence met
// before in another part is read once. That is a choice of what a value's context is: its
// sentence. These tests hold the offsets to the part's text, the remembered sentences to what
// reading them afresh gives, and every part of the corpus's real pages and mails to what
// reading the part whole gives.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Part } from '../../src/documents/types.js';
import { normalizeDocument, normalizePart } from '../../src/normalize/index.js';
import { extractValues } from '../../src/normalize/values/index.js';
import { readEml } from '../../src/sources/email/email.js';
import { readMjml } from '../../src/sources/email/mjml.js';
import type { SourceInput } from '../../src/sources/types.js';
import { readHtml } from '../../src/sources/web/web.js';
import { doc } from '../helpers.js';
import { describeShared, sharedPath } from '../support/shared.js';

const body = (text: string): Part => ({ role: 'body', text, anchors: [] });
const raws = (text: string, language = 'en', year = 2026) => {
  const np = normalizePart(body(text), 0, language, { year });
  return np.values.map((v) => [v.type, v.key, np.folded.text.slice(v.start, v.end)]);
};

describe('values read sentence by sentence', () => {
  it('places each value in the part, whichever sentence it is in', () => {
    const text = 'Spring sale!  Save 30% on every plan until 30 April 2026. Nimbus Pro is $49.99 a month; see acme.example/spring.';
    const np = normalizePart(body(text), 0, 'en', { year: 2026 });
    expect(np.sentences.length).toBe(3);
    // Offsets are in the folded text (the double space is one there).
    const folded = np.folded.text;
    expect(np.values.map((v) => [v.type, v.key, folded.slice(v.start, v.end)])).toEqual([
      ['percent', '30', '30%'],
      ['date', '2026-04-30', '30 April 2026'],
      ['money', '49.99 USD', '$49.99'],
      ['url', 'acme.example/spring', 'acme.example/spring'],
    ]);
    expect(np.values).toEqual(extractValues(folded, { language: 'en', year: 2026 }));
  });

  it('gives a sentence met again (remembered from its second sighting) the values read afresh, at its new place', () => {
    const shared = 'Free shipping on orders over $50. ';
    const texts = ['Hello. ' + shared + 'Bye.', 'Welcome back! ' + shared + 'Code SPRING30 ends 31 May.', 'Hi! ' + shared + 'Returns within 30 days.', 'Yo. ' + shared + 'Ok.'];
    for (const text of [...texts, ...texts]) {
      const np = normalizePart(body(text), 0, 'en', { year: 2026 });
      expect(np.values).toEqual(extractValues(np.folded.text, { language: 'en', year: 2026 }));
      expect(np.values.find((v) => v.type === 'money')?.start).toBe(np.folded.text.indexOf('$50'));
    }
  });

  it('reads the year of the campaign and the language into the remembered sentences', () => {
    const sentence = 'Sale ends 7/4. ';
    for (let k = 0; k < 3; k++) {
      expect(raws('A. ' + sentence + 'B.', 'en-US')).toEqual([['date', '2026-07-04', '7/4']]);
      expect(raws('A. ' + sentence + 'B.', 'en-GB')).toEqual([['date', '2026-04-07', '7/4']]);
      expect(raws('A. ' + sentence + 'B.', 'en-GB', 2027)).toEqual([['date', '2027-04-07', '7/4']]);
    }
  });
});

const CORPUS = sharedPath('corpus');

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? corpusFiles(file) : [file];
  });
}

const READERS: Array<[RegExp, (input: SourceInput) => Part[] | Promise<Part[]>]> = [
  [/\.html?$/, readHtml],
  [/\.eml$/, readEml],
  [/\.mjml$/, readMjml],
];

describeShared('values read sentence by sentence on the corpus', () => {
  it('are, on every part of every page and mail, the values of the part read whole', async () => {
    const files = [...corpusFiles(path.join(CORPUS, 'web')), ...corpusFiles(path.join(CORPUS, 'email'))];
    let parts = 0;
    let multiSentence = 0;
    // Twice over: the second time, recurring sentences come from the table.
    for (const pass of [1, 2]) {
      for (const file of files) {
        const reader = READERS.find(([pattern]) => pattern.test(file))?.[1];
        if (!reader) continue;
        const name = path.basename(file);
        const read = await reader({ id: name, name, bytes: readFileSync(file), kind: reader === readHtml ? 'web' : 'email' });
        const nd = normalizeDocument(doc('corpus', name, read, { language: 'auto' }), { year: 2019 });
        for (const np of nd.parts) {
          if (np.part.muted?.length) continue;
          if (pass === 1) parts++;
          if (pass === 1 && np.sentences.length > 1) multiSentence++;
          expect(np.values, `${path.relative(CORPUS, file)}: "${np.folded.text.slice(0, 80)}"`).toEqual(extractValues(np.folded.text, { language: np.language, year: 2019 }));
        }
      }
    }
    // What the corpus holds today (see SOURCES.md; 404 parts of more than one sentence): the
    // comparison covered real text.
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(multiSentence).toBeGreaterThan(300);
    expect(parts).toBeGreaterThan(multiSentence);
  });
});
