import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, rawSpan } from '../../src/normalize/fold.js';
import { splitSentences, splitWords } from '../../src/normalize/segment.js';

describe('foldText', () => {
  it('folds quotes, dashes, compatibility forms, invisible marks and whitespace', () => {
    expect(foldText('“Don’t miss it” — 30\u00A0%\u200F off\n\n the ﬁnal  pair…').text).toBe(
      `"Don't miss it" - 30 % off the final pair...`,
    );
  });

  it('keeps combining marks with their letter and composes them (NFKC)', () => {
    expect(foldText('Darmowa dostawe\u0328').text).toBe('Darmowa dostawę');
  });

  it('folds Hebrew geresh and gershayim to ASCII quotes', () => {
    expect(foldText('49.90 ש״ח').text).toBe('49.90 ש"ח');
  });

  it('maps every folded span back to the raw text it came from', () => {
    const raw = '  Go Pro for just\n $59.99\u00A0a month ﬁt';
    const folded = foldText(raw);
    const at = folded.text.indexOf('$59.99');
    const [start, end] = rawSpan(folded, at, at + 6);
    expect(raw.slice(start, end)).toBe('$59.99');
    const fi = folded.text.indexOf('fit');
    const [s2, e2] = rawSpan(folded, fi, fi + 3);
    expect(raw.slice(s2, e2)).toBe('ﬁt');
  });

  it('never loses the offset map on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const folded = foldText(raw);
        expect(folded.toRaw.length).toBe(folded.text.length + 1);
        for (let i = 1; i < folded.toRaw.length; i++) expect(folded.toRaw[i]).toBeGreaterThanOrEqual(folded.toRaw[i - 1]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('segmentation', () => {
  it('does not end a sentence after an abbreviation', () => {
    const text = 'Sale ends Jan. 5 at noon. Dr. Kowalski recommends it. Shop now!';
    expect(splitSentences(text, 'en').map((s) => text.slice(s.start, s.end))).toEqual([
      'Sale ends Jan. 5 at noon.',
      'Dr. Kowalski recommends it.',
      'Shop now!',
    ]);
  });

  it('splits a very long text in chunks without losing sentences', () => {
    const text = 'Free shipping on orders over $50. '.repeat(3000).trim();
    expect(splitSentences(text, 'en')).toHaveLength(3000);
  });

  it('keeps decimals, contractions and Hebrew gershayim inside words', () => {
    const text = `Don't pay $49.99 or 49,90 ש"ח today`;
    expect(splitWords(text).map((s) => text.slice(s.start, s.end))).toEqual(["Don't", 'pay', '49.99', 'or', '49,90', 'ש"ח', 'today']);
  });
});
