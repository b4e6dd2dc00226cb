// Near words: prepared once per fact, found by looking each token up, so a spec with 10,000
// near words costs what one does per token (counted, not timed), and finds the same things.
import { describe, expect, it } from 'vitest';
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

describe('the words an index has met', () => {
  it('are looked up in it once each, and find the same phrases every time they recur', () => {
    const { index, lookups } = counted(indexNear(['off', 'discount', 'sale ends', 'הנחה'].map((p) => prepareNear(p, 'en'))));
    const text = tokens('discounts offer off; the sale ends soon, sale now, ובהנחה. Discounts off, ובהנחה: the sale ends');
    const first = findNearAny(text, index);
    expect(first.map(([a, b]) => text.slice(a, b + 1).map((t) => t.norm).join(' '))).toEqual(['discounts', 'off', 'sale ends', 'ובהנחה', 'discounts', 'off', 'ובהנחה', 'sale ends']);
    const distinct = new Set(text.map((t) => t.bare)).size;
    // A word is looked up as it is and, in Hebrew, without its prefix: at most twice.
    expect(lookups()).toBeLessThanOrEqual(2 * distinct);
    const before = lookups();
    expect(findNearAny(text, index)).toEqual(first);
    expect(lookups()).toBe(before);
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
