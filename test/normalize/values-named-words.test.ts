// The words amounts in words are looked for before (money.ts namedWords): found by a scan
// that skips most words unread, they must be exactly the runs of letters the plain reading
// takes: after a space or hyphen, one of the named words in lower case, or a code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINOR_UNITS } from '../../src/normalize/values/grammar/currency-names.js';
import { CODE_WORD_LIST, isCodeWord, NAME_FIRST_WORDS } from '../../src/normalize/values/currency.js';
import { namedWords } from '../../src/normalize/values/money.js';

const NAMED = new Set([...MINOR_UNITS.map(([w]) => w), ...NAME_FIRST_WORDS]);

function plainReading(text: string): Array<[number, string]> {
  return [...text.matchAll(/[\p{L}元¢]+/gu)]
    .filter((m) => m.index > 0 && /[\s\-]/.test(text[m.index - 1]) && (NAMED.has(m[0].toLowerCase()) || isCodeWord(m[0])))
    .map((m) => [m.index, m[0]]);
}

const cased = (word: string) => fc.constantFrom(word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1));
const piece = fc.oneof(
  fc.constantFrom(...NAMED).chain(cased),
  fc.constantFrom(...CODE_WORD_LIST),
  fc.constantFrom('five', 'million', 'euros', 'dollarss', 'Kč', 'zł', 'שקל', '元', '¢', 'ſ', '\u212A', 'İ', '𝒜', 'é', 'e\u0301', 'x'),
  fc.constantFrom(' ', '-', '\u00A0', '\u3000', '\u2009', '\t', '\n', '.', ',', '5', '$', '/'),
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('named words of amounts in words', () => {
  it('are the runs of letters the plain reading takes, in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(namedWords(t).map((m) => [m.index, m[0]])).toEqual(plainReading(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a word of ASCII letters followed by a letter beyond ASCII as one word', () => {
    // "euroé" is not "euro": the run goes on past the ASCII letters.
    expect(namedWords('5 euroé 5 euro').map((m) => [m.index, m[0]])).toEqual([[10, 'euro']]);
    const mixed = 'zwei Euro, drei dollars-x usd';
    expect(namedWords(mixed).map((m) => [m.index, m[0]])).toEqual([[5, 'Euro'], [16, 'dollars'], [26, 'usd']]);
  });
});
