// A text (or sentence) that recurs is read once and reused (normalize/index.ts): what a part
// reads as must not depend on whether its text, or one of its sentences, was read before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Part } from '../../src/documents/types.js';
import { normalizePart, tokenize, type NormalizedPart } from '../../src/normalize/index.js';
import { RecurringTexts } from '../../src/normalize/recurring.js';

const part = (text: string, muted?: Array<[number, number]>): Part => ({ role: 'body', text, ...(muted ? { muted } : {}) }) as Part;

const plain = (np: NormalizedPart) =>
  np.sentences.map((s) => ({ start: s.start, end: s.end, tokens: s.tokens.map((t) => [t.start, t.end, t.norm, t.stem, t.stop, t.negation, t.lemma]) }));

// Sentences of the kind shops repeat, in any order and language.
const sentence = fc.constantFrom(
  'Free shipping on orders over $50.',
  'Not available in stores.',
  'Darmowa dostawa od 200 zł!',
  'Nie ma żadnych opłat.',
  'משלוח חינם בהזמנה מעל 200 ש"ח.',
  'Kostenloser Versand ab 50 €.',
  'Sale ends March 31, 2026.',
  'Use code SPRING30 at checkout',
);
const text = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));

describe('recurring text', () => {
  it('gives every sentence the tokens it has when read on its own, wherever it recurs', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom('en', 'pl', 'he', 'de'), (a, b, language) => {
        for (const t of [a, `${b} ${a}`, a, `${a} ${b}`]) {
          const np = normalizePart(part(t), 0, language, { year: 2026 });
          for (const s of np.sentences) {
            const alone = tokenize(np.folded.text, language, s.start, s.end).map((k) => [k.start, k.end, k.norm, k.stem, k.stop, k.negation, k.lemma]);
            expect(s.tokens.map((k) => [k.start, k.end, k.norm, k.stem, k.stop, k.negation, k.lemma])).toEqual(alone);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a text the same the second time, and mutes a value only in the part that shows it struck through', () => {
    const t = 'Now $49, was $79. Free shipping on orders over $50.';
    const first = normalizePart(part(t), 0, 'en', { year: 2026 });
    const struck = t.indexOf('$79');
    const muted = normalizePart(part(t, [[struck, struck + 3]]), 1, 'en', { year: 2026 });
    const again = normalizePart(part(t), 2, 'en', { year: 2026 });
    expect(plain(again)).toEqual(plain(first));
    expect(again.values).toEqual(first.values);
    expect(first.values.map((v) => v.raw)).toEqual(['$49', '$79', '$50']);
    expect(muted.values.map((v) => v.raw)).toEqual(['$49', '$50']);
    expect(again.values.map((v) => v.raw)).toEqual(['$49', '$79', '$50']);
  });

  it('reads a text in each language on its own terms', () => {
    const t = 'No credit card required.';
    const en = normalizePart(part(t), 0, 'en');
    const pl = normalizePart(part(t), 0, 'pl');
    expect(en.sentences[0].tokens[0].negation).toBe(true);
    expect(en.language).toBe('en');
    expect(pl.language).toBe('pl');
    expect(plain(normalizePart(part(t), 0, 'en'))).toEqual(plain(en));
  });
});

describe('RecurringTexts', () => {
  it('keeps a text from its second sighting on, per scope, and only short ones', () => {
    const table = new RecurringTexts<number>(10, 100);
    expect(table.recurs('Menu', 'en')).toBe(false);
    expect(table.recurs('Menu', 'pl')).toBe(false);
    expect(table.recurs('Menu', 'en')).toBe(true);
    table.keep('Menu', 'en', 1);
    expect(table.get('Menu', 'en')).toBe(1);
    expect(table.get('Menu', 'pl')).toBeUndefined();
    const long = 'A sentence too long';
    expect(table.recurs(long, 'en')).toBe(false);
    expect(table.recurs(long, 'en')).toBe(false);
  });

  it('starts again once it holds its capacity in characters', () => {
    const table = new RecurringTexts<number>(10, 20);
    for (let i = 0; i < 4; i++) table.keep(`text ${i}....`, 'en', i); // 10 characters each
    expect(table.get('text 0....', 'en')).toBeUndefined();
    expect(table.get('text 2....', 'en')).toBe(2);
    expect(table.get('text 3....', 'en')).toBe(3);
  });
});
