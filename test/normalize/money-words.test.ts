// The loop over currency words in extractMoney visits only the words NAMED_WORD finds; it must
// find every word the loop's exact test (lower case in the list, or a code as written) accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractValues } from '../../src/normalize/values/index.js';
import { isCodeWord } from '../../src/normalize/values/currency.js';
import { NAMED_WORD_LIST, namedWordPattern } from '../../src/normalize/values/money.js';

const letters = new Set(NAMED_WORD_LIST.join(''));
const everyBmpCharacter = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).filter((c) => c < '\uD800' || c > '\uDFFF');
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the currency words the money loop looks for', () => {
  it('are found in any case that lower-cases to them', () => {
    expect(NAMED_WORD_LIST.length).toBeGreaterThan(200);
    // Lower case per character is lower case per word: no final sigma in the list.
    expect([...letters].some((c) => c === 'σ' || c === 'ς')).toBe(false);
    for (const c of everyBmpCharacter) {
      const lower = c.toLowerCase();
      if (lower.length === 1) {
        if (letters.has(lower)) expect(new RegExp(`^${escape(lower)}$`, 'iu').test(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(true);
      } else {
        expect(NAMED_WORD_LIST.some((w) => w.includes(lower)), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
      }
    }
  });

  it('read amounts in words whatever the case and surroundings', () => {
    expect(extractValues('It costs five DOLLARS today', { language: 'en' }).map((v) => [v.raw, v.key])).toEqual([['five DOLLARS', '5.00 USD']]);
    expect(extractValues('sieben Euroͅ', { language: 'de' }).map((v) => v.raw)).toEqual(extractValues('sieben Euro', { language: 'de' }).map((v) => v.raw));
  });

  it('find every word the loop accepts, at its place, over text made of such words and marks', () => {
    const named = new Set(NAMED_WORD_LIST.filter((w) => !isCodeWord(w)));
    const piece = fc.constantFrom('five', 'one', 'sieben', 'dollars', 'DOLLARS', 'Euro', 'euro', 'cents', 'ſ', 'K', 'İ', 'i\u0307', '\u0345', '¢', '元', 'USD', 'usd', 'Usd', 'zł', 'ZŁ', 'new', 'NEW', ' ', '-', '\u00a0', ',', '.', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        // The words the loop used to visit (every run of letters) that its exact test accepts.
        const accepted = [...text.matchAll(/[\p{L}元¢]+/gu)]
          .filter((m) => m.index > 0 && /[\s\-]/.test(text[m.index - 1]) && (named.has(m[0].toLowerCase()) || isCodeWord(m[0])))
          .map((m) => [m.index, m[0]]);
        const found = [...text.matchAll(namedWordPattern())].map((m) => [m.index, m[0]]);
        for (const word of accepted) expect(found).toContainEqual(word);
      }),
      { numRuns: 5000 },
    );
  });
});
