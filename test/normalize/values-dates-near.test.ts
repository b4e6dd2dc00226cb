// The named date forms are searched near month names only (scan.ts matchesNear): each must
// find exactly what a search through the whole text finds, longest forms included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_FIRST, DAY_FIRST_REACH, MONTH_FIRST, MONTH_FIRST_REACH, MONTH_NAME_STARTS } from '../../src/normalize/values/date.js';
import { JOINED, JOINED_REACH } from '../../src/normalize/values/date-forms.js';
import { MONTH_NAME_LIST, WEEKDAY_NAMES } from '../../src/normalize/values/months.js';
import { matchesNear, matchStarts } from '../../src/normalize/values/scan.js';

const FORMS = [
  { name: 'month first', pattern: MONTH_FIRST, reach: MONTH_FIRST_REACH },
  { name: 'day first', pattern: DAY_FIRST, reach: DAY_FIRST_REACH },
  { name: 'joined', pattern: JOINED, reach: JOINED_REACH },
];

const shape = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => ({ index: m.index, groups: [...m] }));

const cased = (word: string) => fc.constantFrom(word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1));
// The pieces of every named form, at their longest: weekdays with "." and ",", days in words,
// ranges, "day of", Hebrew prefixes, four-digit numbers joined by "-" and "/".
const piece = fc.oneof(
  fc.constantFrom(...MONTH_NAME_LIST).chain(cased),
  fc.constantFrom(...WEEKDAY_NAMES).chain(cased),
  fc.constantFrom('twenty-seventh', 'Twenty seventh', 'thirtieth', 'second', '31st', '1', '24', '2026', '1999', '26', '05'),
  fc.constantFrom(' ', ', ', '.', ',', '-', '–', ' - ', '/', ' day of ', ' of ', ' de ', 'the ', 'ב', 'ל', 'ה-', 'x', 'the sale ', '\n'),
);
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('named date forms searched near month names', () => {
  for (const { name, pattern, reach } of FORMS) {
    it(`${name}: the same matches as a search of the whole text`, () => {
      fc.assert(
        fc.property(text, (t) => {
          expect(shape(matchesNear(t, pattern(), matchStarts(t, MONTH_NAME_STARTS), reach))).toEqual(shape(t.matchAll(pattern())));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('finds the longest forms, which start furthest from their month', () => {
    const longest = [
      ['Wednesday., בJuly 4, 2026', MONTH_FIRST, MONTH_FIRST_REACH],
      ['twenty-seventh - 30th. day of בJuly 2026', DAY_FIRST, DAY_FIRST_REACH],
      ['2026-2026-July', JOINED, JOINED_REACH],
    ] as const;
    for (const [t, pattern, reach] of longest) {
      const found = matchesNear(t, pattern(), matchStarts(t, MONTH_NAME_STARTS), reach);
      expect(shape(found)).toEqual(shape(t.matchAll(pattern())));
      expect(found[0].index).toBe(0);
    }
  });

  it('month names are found where they overlap', () => {
    // "marzec" holds "mar" and "marzec" at one start; "junijuli" two starts.
    expect(matchStarts('x marzec junijuli', MONTH_NAME_STARTS)).toEqual([2, 9, 13]);
  });
});
