// The values grammar: number words per language, currency names, scale and percent words,
// the price-before-a-date resolver and the ambiguous-date rule of bare `en` (README "Values:
// how prices, percentages and dates are read"), down to the fact and cross-channel checks.
import { describe, expect, it } from 'vitest';
import { numberLexicon, parseNumberPhrase } from '../../src/normalize/values/grammar/number-words.js';
import { extractValues } from '../../src/normalize/values/index.js';
import { doc, findings, makeSpec } from '../helpers.js';

const read = (text: string, language: string) =>
  extractValues(text, { language, year: 2026 }).map((v) => (v.alternatives ? [v.type, v.key, v.alternatives] : [v.type, v.key]));

describe('number words', () => {
  it.each([
    ['en', 'one hundred twenty five', 125],
    ['en', 'three thousand', 3000],
    ['en', 'two point five', 2.5],
    ['de', 'siebenunddreißig', 37],
    ['de', 'einhundertneunundneunzig', 199],
    ['nl', 'vijfenveertig', 45],
    ['fr', 'soixante-dix', 70],
    ['fr', 'trois cent cinq', 305],
    ['es', 'quinientos treinta y cinco', 535],
    ['es', 'mil millones', 1e9],
    ['es', 'cuatrocientos cincuenta y dos mil trescientos', 452300],
    ['es', 'cuarenta y siete coma veintiocho', 47.28],
    ['pl', 'dwadzieścia pięć', 25],
  ])('%s "%s" is %d', (language, words, value) => {
    expect(parseNumberPhrase(words.split(/[\s-]+/), numberLexicon(language)!)).toBe(value);
  });

  it.each([
    ['en', 'five twenty'],
    ['en', 'one two'],
    ['en', 'twenty and'],
    ['de', 'siebenzwanzig'],
  ])('%s "%s" is not one number', (language, words) => {
    expect(parseNumberPhrase(words.split(/[\s-]+/), numberLexicon(language)!)).toBeUndefined();
  });
});

describe('money and percent grammar', () => {
  it('reads a number in words whole or not at all', () => {
    // "nineteen" would be the end of a longer number the grammar cannot read here.
    expect(read('Save twenty percent today', 'en')).toEqual([['percent', '20']]);
    expect(read('a twenty percent discount', 'en')).toEqual([['percent', '20']]);
    expect(read('uno sobre tres por ciento', 'es')).toEqual([]);
  });

  it('does not read an article alone as one', () => {
    expect(read('Save a dollar on every order', 'en')).toEqual([]);
  });

  it('reads names that are also words only after a scale word', () => {
    expect(read('Trois livres offerts', 'fr')).toEqual([]);
    expect(read('361 millions de livres', 'fr')).toEqual([['money', '361000000.00 GBP']]);
  });

  it('takes country letters before or after a dollar sign', () => {
    expect(read('about c $ 1.34 a share, hk$ 10 and 1,34 $ c', 'en')).toEqual([
      ['money', '1.34 CAD'],
      ['money', '10.00 HKD'],
      ['money', '1.34 CAD'],
    ]);
    expect(read('Get a $10 gift card', 'en')).toEqual([['money', '10.00 USD']]);
  });

  it('reads a cent in the campaign currency', () => {
    expect(read('Only 50 cents', 'en-CA')).toEqual([['money', '0.50 CAD']]);
    expect(read('Nur 50 Cent', 'de')).toEqual([['money', '0.50 EUR']]);
  });

  it('never lets a price become a day', () => {
    expect(read('Save $10 March 1-15', 'en')).toEqual([
      ['money', '10.00 USD'],
      ['date', '2026-03-01'],
      ['date', '2026-03-15'],
    ]);
    expect(read('Spare 10 € 12 mars', 'fr')).toEqual([
      ['money', '10.00 EUR'],
      ['date', '2026-03-12'],
    ]);
  });
});

describe('ambiguous numeric dates', () => {
  it('are read both ways under a bare en, once under en-US and en-GB', () => {
    expect(read('Sale ends 3/7/2026', 'en')).toEqual([['date', '2026-07-03', ['2026-03-07']]]);
    expect(read('Sale ends 3/7/2026', 'en-US')).toEqual([['date', '2026-03-07']]);
    expect(read('Sale ends 3/7/2026', 'en-GB')).toEqual([['date', '2026-07-03']]);
  });

  it('have one reading when a part is over 12 or the text fixes the order', () => {
    expect(read('Sale ends 3/17/2026', 'en')).toEqual([['date', '2026-03-17']]);
    expect(read('From 3/7/2026 to 12/31/2026', 'en')).toEqual([
      ['date', '2026-03-07'],
      ['date', '2026-12-31'],
    ]);
  });

  const spec = makeSpec({ facts: [{ id: 'ends', type: 'date', value: '2026-03-07', near: ['ends'] }] });
  const mismatches = (text: string) => findings(spec, [doc('site', 'a.html', [text])]).filter((f) => f.rule === 'fact-mismatch');

  it('agree with a fact that either reading equals', () => {
    expect(mismatches('Sale ends 3/7/2026.')).toEqual([]);
    expect(mismatches('Sale ends 7/3/2026.')).toEqual([]);
  });

  it('contradict a fact that neither reading equals', () => {
    expect(mismatches('Sale ends 4/7/2026.')).toHaveLength(1);
    expect(mismatches('Sale ends 3/17/2026.')).toHaveLength(1);
  });

  it('are one value for the cross-channel comparison', () => {
    const plain = makeSpec({ rules: { crossChannel: true } } as never);
    const out = findings(plain, [doc('site', 'a.html', ['Sale ends 3/7/2026.']), doc('newsletter', 'n.eml', ['Sale ends 7/3/2026.'])]);
    expect(out.filter((f) => f.rule === 'cross-channel-conflict')).toEqual([]);
  });
});
