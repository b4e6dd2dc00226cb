// Properties of value extraction over generated input, and its cost on long hostile text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractValues, factKey, type Value } from '../../src/normalize/values/index.js';

const LANGUAGES = ['en', 'en-US', 'pl', 'he', 'de', 'it', 'xx'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Text made of the pieces values are made of, so the generator reaches the extractors.
const valueish = fc
  .array(
    fc.constantFrom(
      ...['$', '€', 'zł', 'USD', ' ', '  ', '\u00A0', '\u202F', '\u200F', '%', '-', '–', '.', ',', '/', ':', '#', '@', 'www.', 'http://', '.com', '/x'],
      ...['April', 'may', 'listopada', 'בנובמבר', 'ה-', 'was', 'zamiast', 'percent', 'SPRING', 'p.m.', 'AM', 'k', 'million', 'ש"ח', 'ש״ח'],
      ...['0', '1', '12', '30', '2026', '999', '1 299', ',-', 'th', ' of ', 'Thursday, '],
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

const KEY_SHAPE: Record<Value['type'], RegExp> = {
  money: /^\d+\.\d\d [A-Z]{3}$/,
  percent: /^\d+(?:\.\d+)?$/,
  number: /^\d+(?:\.\d+)?$/,
  date: /^\d{4}-\d\d-\d\d$/,
  code: /^[A-Z0-9]{5,20}$/,
  url: /^[^/\s]+\.[^/\s]+(?:\/\S*)?$/,
};

function checkOffsets(text: string, language: string): void {
  const values = extractValues(text, { language, year: 2026 });
  let end = 0;
  for (const v of values) {
    expect(text.slice(v.start, v.end)).toBe(v.raw);
    expect(v.raw.trim()).toBe(v.raw);
    expect(v.start).toBeGreaterThanOrEqual(end);
    expect(v.end).toBeGreaterThan(v.start);
    expect(v.key).toMatch(KEY_SHAPE[v.type]);
    end = v.end;
  }
}

describe('extractValues properties', () => {
  it('gives one key for one amount written as $X, X USD, USD X and X dollars', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), (cents, grouped) => {
        const amount = (cents / 100).toFixed(2);
        const written = grouped ? Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 }) : amount;
        const keys = [`$${written}`, `${written} USD`, `USD ${written}`, `${written} dollars`].map((form) => {
          const values = extractValues(`Now only ${form} today`, { language: 'en' });
          expect(values).toHaveLength(1);
          return values[0].key;
        });
        expect(new Set(keys)).toEqual(new Set([`${amount} USD`]));
        expect(factKey('money', `${amount} USD`, { language: 'en' })).toBe(`${amount} USD`);
      }),
    );
  });

  it('gives one key for one date written as ISO, "Month D, YYYY" and "D Month YYYY"', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const forms = [iso, `${MONTHS[m - 1]} ${d}, ${y}`, `${d} ${MONTHS[m - 1]} ${y}`];
        for (const form of forms) {
          const values = extractValues(`Sale ends ${form}.`, { language: 'en' });
          expect(values.map((v) => [v.type, v.key])).toEqual([['date', iso]]);
        }
      }),
    );
  });

  it('never throws and keeps exact, ordered, non-overlapping offsets on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(...LANGUAGES), (text, language) => checkOffsets(text, language)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...LANGUAGES), (text, language) => checkOffsets(text, language)),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps exact offsets on text built from value pieces', () => {
    fc.assert(
      fc.property(valueish, fc.constantFrom(...LANGUAGES), (text, language) => checkOffsets(text, language)),
      { numRuns: 1000 },
    );
  });
});

describe('extractValues cost', () => {
  // Shapes that make careless patterns backtrack: long digit runs, long separator chains,
  // repeated month names and cues, long URL-like tokens. 200 KB each must stay fast.
  const hostile = [
    '1'.repeat(200_000),
    '111 '.repeat(50_000),
    '1,'.repeat(100_000),
    '1.1.'.repeat(50_000),
    'a.'.repeat(100_000),
    'www.'.repeat(50_000),
    '$1-'.repeat(60_000),
    '1-'.repeat(100_000),
    'April '.repeat(30_000),
    'was '.repeat(50_000) + '$5',
    '% '.repeat(100_000),
    'ABC1'.repeat(50_000),
  ];
  for (const text of hostile) {
    it(`stays linear on ${JSON.stringify(text.slice(0, 8))}…`, () => {
      const started = performance.now();
      extractValues(text, { language: 'en', year: 2026 });
      expect(performance.now() - started).toBeLessThan(1500);
    });
  }

  it('reads realistic copy at several megabytes per second', () => {
    const sentence = 'Save 20% now: Pro for $49.99 (was $59.99) until March 3, 2027 with SPRING30 at runfast.example/spring — over 1,200 stores. ';
    const text = sentence.repeat(8_000);
    extractValues(sentence, { language: 'en' });
    const started = performance.now();
    const values = extractValues(text, { language: 'en' });
    const seconds = (performance.now() - started) / 1000;
    expect(values).toHaveLength(7 * 8_000);
    expect(text.length / seconds).toBeGreaterThan(1_000_000);
  });
});
