// Near words: prepared once per fact, found by looking each token up, so a spec with 10,000
// near words costs what one does per token (counted, not timed), and finds the same things.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNear, findNearAny, indexNear, prepareNear, type NearIndex } from '../../src/checks/near.js';
import { tokenize } from '../../src/normalize/index.js';
import { doc, findings, makeSpec } from '../helpers.js';

/** Counts the index lookups a search makes: the work per token. */
function counted(index: NearIndex): { index: NearIndex; lookups: () => number } {
  let n = 0;
  class CountingMap<K, V> extends Map<K, V> {
    override get(key: K): V | undefined {
      n++;
      return super.get(key);
    }
  }
  return { index: { ...index, byHead: new CountingMap(index.byHead) }, lookups: () => n };
}

const tokens = (text: string) => tokenize(text.toLowerCase(), 'en');

describe('findNearAny', () => {
  it('matches as before: long words as prefixes, short ones whole, phrases word by word, Hebrew prefixes', () => {
    const index = indexNear(['off', 'discount', 'sale ends', 'הנחה'].map((p) => prepareNear(p, 'en')));
    const text = tokens('discounts offer off; the sale ends soon, sale now, ובהנחה');
    expect(findNearAny(text, index).map(([a, b]) => text.slice(a, b + 1).map((t) => t.norm).join(' '))).toEqual(['discounts', 'off', 'sale ends', 'ובהנחה']);
    // The single-phrase form agrees.
    const sale = text.findIndex((t) => t.norm === 'sale');
    expect(findNear(text, prepareNear('sale ends', 'en'))).toEqual([[sale, sale + 1]]);
  });

  it('looks each token up a number of times bounded by its length, whatever the number of near words', () => {
    const few = indexNear(['off'].map((p) => prepareNear(p, 'en')));
    const many = indexNear(Array.from({ length: 10_000 }, (_, i) => prepareNear(`word${i}x`, 'en')).concat(prepareNear('off', 'en')));
    const text = tokens('Take 30% off every running shoe this spring, while stocks last. '.repeat(50));
    const letters = text.reduce((n, t) => n + t.norm.length, 0);
    const a = counted(few);
    const b = counted(many);
    const hits = findNearAny(text, a.index);
    expect(hits).toHaveLength(50);
    expect(findNearAny(text, b.index)).toEqual(hits);
    // Prefixes up to the longest first word are looked up: never more than the letters.
    expect(b.lookups()).toBeLessThanOrEqual(2 * letters);
    expect(a.lookups()).toBeLessThanOrEqual(3 * text.length);
  });
});

describe('the index of heads', () => {
  it('finds exactly what comparing every phrase at every token finds, Hebrew prefixes included', () => {
    // Few letters, so that heads repeat and words are prefixes of one another.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'ab', 'ו', 'ה', 'נח', 'ח'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.array(word, { maxLength: 30 }), (phrases, words) => {
        const prepared = phrases.map((p) => prepareNear(p.join(' '), 'he'));
        const text = tokenize(words.join(' '), 'he');
        const forms = (bare: string) => (/^[\u05D0-\u05EA]/.test(bare) ? [bare, bare.replace(/^[והבלמשכ]{1,2}(?=[\u05D0-\u05EA])/, '')] : [bare]);
        const matches = (bare: string, w: string) => forms(bare).some((f) => (w.length > 3 ? f.startsWith(w) : f === w));
        const expected: Array<[number, number]> = [];
        text.forEach((_, i) => {
          const seen = new Set<(typeof prepared)[number]>();
          // The index's order: per token, phrases by their first word's length, then as listed.
          const byLength = [...new Set(prepared)].map((p, order) => ({ p, order })).sort((x, y) => x.p.words[0].length - y.p.words[0].length || x.order - y.order);
          for (const { p } of byLength) {
            if (seen.has(p) || i + p.words.length > text.length) continue;
            if (p.words.every((w, k) => matches(text[i + k].bare, w))) seen.add(p), expected.push([i, i + p.words.length - 1]);
          }
        });
        const found = findNearAny(text, indexNear(prepared));
        expect(new Set(found.map(String))).toEqual(new Set(expected.map(String)));
        expect(found).toHaveLength(expected.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a fact with 10,000 near words over 2,000 sentences', () => {
  it('still finds the wrong value next to its near word', () => {
    const near = [...Array.from({ length: 10_000 }, (_, i) => `context${i}`), 'off'];
    const spec = makeSpec({ facts: [{ id: 'discount', type: 'percent', value: '30', near }] });
    const copy = `${'Running shoes are 30% cheaper for members. '.repeat(2000)}Take 40% off today.`;
    const out = findings(spec, [doc('site', 'a.html', [copy])]).filter((f) => f.rule === 'fact-mismatch');
    expect(out.map((f) => f.found)).toEqual(['40']);
  });
});
