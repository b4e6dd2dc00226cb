// ignoringCase (src/normalize/values/ignore-case.ts) writes case folding into a pattern so the
// date grammar compiles without the slow `i` flag; it must match exactly what `iu` matches.
import { describe, expect, it } from 'vitest';
import { DAY_WORD, ORDINAL_DAY_WORD } from '../../src/normalize/values/date-forms.js';
import { caseFolds, ignoringCase } from '../../src/normalize/values/ignore-case.js';
import { MONTH_NAMES, WEEKDAYS } from '../../src/normalize/values/months.js';

const GRAMMAR = [MONTH_NAMES, WEEKDAYS, DAY_WORD, ORDINAL_DAY_WORD, 'efnstEFNST day of de the st nd rd th'].join('');
// Every letter of the grammar, in both cases (text may write either).
const cased = [...new Set([...GRAMMAR, ...GRAMMAR.toUpperCase()])].filter((c) => c.toLowerCase() !== c.toUpperCase());
const everyBmpCharacter = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).filter((c) => c < '\uD800' || c > '\uDFFF');

describe('ignoringCase', () => {
  it('folds every letter of the date grammar exactly as V8 does under iu', () => {
    expect(cased.length).toBeGreaterThan(60);
    for (const letter of cased) {
      const iu = new RegExp(`^${letter}$`, 'iu');
      const matched = everyBmpCharacter.filter((c) => iu.test(c));
      expect([...caseFolds(letter)].sort(), letter).toEqual(matched.sort());
    }
  });

  it('gives \\p{L} the one character that only iu adds to it', () => {
    const added = everyBmpCharacter.filter((c) => /[\p{L}\p{N}]/iu.test(c) && !/[\p{L}\p{N}]/u.test(c));
    expect(added).toEqual(['\u0345']);
    const rewritten = new RegExp(ignoringCase('^[\\p{L}\\p{N}]$'), 'u');
    expect(everyBmpCharacter.filter((c) => rewritten.test(c)).length).toBe(everyBmpCharacter.filter((c) => /^[\p{L}\p{N}]$/iu.test(c)).length);
  });

  it('matches what the iu pattern matches, at the same places', () => {
    const source = String.raw`(?<![\p{L}])(?:[בל])?(${MONTH_NAMES})\.?(?![\p{L}])[\s-](\d{1,2})(?:st|nd|rd|th)?`;
    const [iu, u] = [new RegExp(source, 'giu'), new RegExp(ignoringCase(source), 'gu')];
    const texts = ['ſeptember 3', 'SEPTEMBER 30th', 'KWIETNIA 5', 'Kwietnia-7', 'PAŹDZIERNIKA 12', 'בנובמבר 30', 'Março 3', 'JÄNNER 2', 'xmay 5', 'may 5th of'];
    for (const text of texts) expect([...text.matchAll(u)].map((m) => [m.index, ...m]), text).toEqual([...text.matchAll(iu)].map((m) => [m.index, ...m]));
  });

  it('refuses what it cannot rewrite exactly', () => {
    for (const source of ['\\bmay', 'a\\w', '(?<name>x)', '[a-z]', '\\p{Lu}']) expect(() => ignoringCase(source), source).toThrow(/not supported/);
  });
});
