// English lemmas come from a precomputed table first (data/english-lemmas.txt, made by
// `npm run lemmas` from compromise) and from compromise only for a word the table lacks. The
// answers must be exactly compromise's: every entry is checked against compromise here, and
// compromiseLemma against the formulation lemmas were computed with before the table.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, foldText } from '../../src/normalize/fold.js';
import { compromiseLemma, ENGLISH_LEMMAS_FILE, isLemmaExempt, lemmatize } from '../../src/normalize/lemma.js';
import { encodeEntry, encodeTable, LemmaTable } from '../../src/normalize/lemma-table.js';
import { splitWords } from '../../src/normalize/segment.js';

const text = readFileSync(ENGLISH_LEMMAS_FILE, 'utf8');
const table = LemmaTable.fromText(text);
const words = text.split('\n').filter(Boolean).map((line) => line.split('\t')[0]);

type JsonDoc = { compute(name: string): void; json(): Array<{ terms: Array<{ normal: string; root?: string }> }> };
const nlp = createRequire(import.meta.url)('compromise') as (text: string) => JsonDoc;
/** How a lemma was computed before the table: through compromise's json(). */
function lemmaAsBefore(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  const doc = nlp(word);
  doc.compute('root');
  const term = doc.json()[0]?.terms[0];
  const lemma = term?.root || term?.normal || word;
  return lemma.includes(' ') ? word : lemma;
}

function fixtureWords(file: string): string[] {
  const folded = foldText(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).text;
  return splitWords(folded).map((span) => foldCase(folded.slice(span.start, span.end), 'en'));
}

describe('the English lemma table', () => {
  it('holds the common words of campaign copy, sorted, each once', () => {
    expect(words.length).toBeGreaterThan(80_000);
    for (const word of ['order', 'orders', 'bought', 'shipping', 'free', 'discount', 'subscription', 'happier']) {
      expect(table.get(word)).toBeDefined();
    }
    const sorted = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(words).toEqual(sorted);
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter(isLemmaExempt)).toEqual([]);
  });

  it('agrees with compromise on every entry', () => {
    const disagreements = words.filter((word) => table.get(word) !== compromiseLemma(word));
    expect(disagreements).toEqual([]);
  }, 300_000);

  it('gives the lemmas computed before it, on a sample of its words and on the fixtures', () => {
    const sample = words.filter((_, i) => i % 20 === 0);
    sample.push(...fixtureWords('fixtures/example/site/spring.html'), ...fixtureWords('fixtures/example/email/launch.eml'));
    const differing = sample.filter((word) => lemmatize(word, 'en') !== lemmaAsBefore(word));
    expect(differing).toEqual([]);
    expect(lemmatize('bought', 'en')).toBe('buy');
    expect(lemmatize('orders', 'en')).toBe('order');
  }, 300_000);

  it('leaves a word it lacks to compromise, with the same answer as before', () => {
    const unknown = ['datapilotting', 'ledgerlies', 'shopifying', 'risk-freeness', 'swiftshipped', 'acmecloud.example'];
    for (const word of unknown) {
      expect(table.get(word)).toBeUndefined();
      expect(lemmatize(word, 'en')).toBe(lemmaAsBefore(word));
    }
    expect(lemmatize('swiftshipped', 'en')).toBe('swiftship');
  });
});

describe('LemmaTable', () => {
  it('encodes a lemma as characters dropped and a suffix', () => {
    expect(encodeEntry('order', 'order')).toBe('order');
    expect(encodeEntry('orders', 'order')).toBe('orders\t1');
    expect(encodeEntry('bought', 'buy')).toBe('bought\t5uy');
    expect(encodeEntry('was', 'is')).toBe('was\t3is');
    // A suffix starting with a digit would read as part of the count.
    expect(encodeEntry('abc', 'ab1')).toBe('abc\t2b1');
    expect(() => encodeEntry('abc', '1bc')).toThrow(/cannot be encoded/);
    expect(() => encodeEntry('a\tb', 'a')).toThrow(/tab or newline/);
  });

  it('finds exactly the entries it was made from', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', "'", '-', '.', 'z', 'ł'), minLength: 1, maxLength: 6 });
    const lemma = fc.string({ unit: fc.constantFrom('a', 'b', 'y', '1', 'z'), minLength: 0, maxLength: 6 }).filter((s) => !/^\d/.test(s));
    fc.assert(
      fc.property(fc.dictionary(word, fc.option(lemma, { nil: undefined })), fc.array(word), (entries, probes) => {
        const pairs = Object.entries(entries).map(([w, l]) => [w, l ?? w] as const);
        const built = LemmaTable.fromText(encodeTable(pairs));
        const expected = new Map(pairs);
        for (const [w, l] of pairs) expect(built.get(w)).toBe(l);
        for (const probe of probes) expect(built.get(probe)).toBe(expected.get(probe));
      }),
    );
  });

  it('knows nothing when empty', () => {
    expect(LemmaTable.fromText('').get('order')).toBeUndefined();
  });
});
