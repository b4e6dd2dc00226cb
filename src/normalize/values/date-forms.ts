// Date forms beyond "April 30, 2026" and "30.11.2026": days in words ("May twenty-first",
// "second of Aug"), month names joined by "/" or "-" ("Oct/2", "Sep-23-2026", "05-Aug-2026",
// "2026/aug/01"), and numeric ranges ("10/1-10/7", "5/1-5/7, 2026", "10/1/2026-10/7/2026").
import { RANGE_DASH } from './candidate.js';
import { ignoringCase } from './ignore-case.js';
import { MONTH_NAMES, monthNumber } from './months.js';
import { lazy, matchesNear } from './scan.js';

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];

/** English days in words, by day: "first", "twenty-first", "twenty one", "thirtieth". */
const DAY_WORDS = new Map<string, number>();
ORDINALS.forEach((w, i) => i > 0 && DAY_WORDS.set(w, i));
TEENS.forEach((w, i) => DAY_WORDS.set(w, 10 + i));
DAY_WORDS.set('twentieth', 20).set('thirtieth', 30).set('twenty', 20).set('thirty', 30);
for (const [tens, base] of [['twenty', 20], ['thirty', 30]] as const) {
  for (let u = 1; u <= (base === 30 ? 1 : 9); u++) {
    for (const sep of [' ', '-']) {
      DAY_WORDS.set(`${tens}${sep}${ORDINALS[u]}`, base + u);
      DAY_WORDS.set(`${tens}${sep}${UNITS[u]}`, base + u);
    }
  }
}
const bySpecificity = (a: string, b: string) => b.length - a.length;

/** Days in words (regex source, no captures), longest first. */
// A day in words followed by more number words is the start of a year in words
// ("January nineteen eighty six"), not a day.
const MORE_NUMBER_WORDS = String.raw`(?![\s-](?:hundred|thousand|\p{L}+(?:ty|teen)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\p{L}]))`;
export const DAY_WORD = `(?:${[...DAY_WORDS.keys()].sort(bySpecificity).join("|")})(?![\\p{L}]|-\\p{L})${MORE_NUMBER_WORDS}`;
/** Ordinal days in words only ("second", "twenty-first"): what may stand before "of <month>". */
const ORDINAL_DAY_WORDS = [...DAY_WORDS.keys()].filter((w) => /(?:st|nd|rd|th)$/.test(w)).sort(bySpecificity);
export const ORDINAL_DAY_WORD = `(?:${ORDINAL_DAY_WORDS.join('|')})(?![\\p{L}])`;
/** The longest ordinal day in words ("twenty-seventh"), in characters. */
export const LONGEST_ORDINAL_DAY_WORD = ORDINAL_DAY_WORDS[0].length;

/** The day a written day is: digits with or without an ordinal suffix, or words. */
export function dayOf(written: string): number {
  const digits = /^\d+/.exec(written);
  return digits ? Number(digits[0]) : (DAY_WORDS.get(written.toLowerCase().replace(/\s+/g, ' ')) ?? NaN);
}

// "Oct/2", "Jan-1", "Sep-23-2026", "September-2026-23", "05-Aug-2026", "2026/aug/01", "2026/23/Sep".
// Built when a text first names a month.
export const JOINED = lazy(() => new RegExp(
  ignoringCase(
    String.raw`(?=\d|\p{L}{3,12}[-/]\d)(?<![\p{L}\p{N}/.])(?:(\d{1,4})([-/])(?:(\d{1,4})\2)?(${MONTH_NAMES})(?:\2(\d{1,4}))?|(${MONTH_NAMES})([-/])(\d{1,4})(?:\7(\d{1,4}))?)(?![\p{L}\p{N}]|[-/]\d)`,
  ),
  'gu',
));

export interface DateParts {
  start: number;
  end: number;
  year: string | undefined;
  month: number;
  day: number;
}

// How far before its month name a joined date starts: "2026-2026-" (two numbers and separators).
export const JOINED_REACH = 10;

/**
 * Dates with a month name joined to its numbers by "/" or "-". The four-digit number is the
 * year. `months`: where month names start in the text (see matchesNear).
 */
export function joinedMonthDates(text: string, months: readonly number[]): DateParts[] {
  const out: DateParts[] = [];
  for (const m of matchesNear(text, JOINED(), months, JOINED_REACH)) {
    const monthWritten = m[4] ?? m[6];
    const month = monthNumber(monthWritten);
    if (month === undefined) continue;
    const numbers = (m[4] ? [m[1], m[3], m[5]] : [m[8], m[9]]).filter((n): n is string => n !== undefined);
    if (numbers.length === 0 || numbers.length > 2) continue;
    const years = numbers.filter((n) => n.length === 4);
    let year: string | undefined;
    let day: string | undefined;
    if (years.length === 1) {
      year = years[0];
      day = numbers.find((n) => n.length <= 2);
      if (numbers.length === 2 && day === undefined) continue;
    } else if (years.length === 0 && numbers.length === 2 && numbers.every((n) => n.length <= 2)) {
      // "05-Aug-26": the day before the month, the year after it.
      if (!m[4] || m[1] === undefined || m[5] === undefined) continue;
      [day, year] = [m[1], m[5]];
    } else if (years.length === 0 && numbers.length === 1 && numbers[0].length <= 2) {
      day = numbers[0];
    } else continue;
    if (day === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year, month, day: Number(day) });
  }
  return out;
}

// "10/1-10/7", "10/1/2026-10/7/2026", "10-1-2026-10-7-2026", "5/1-5/7/2026", "5/1-5/7, 2026".
const NUMERIC_RANGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/:-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?\s?${RANGE_DASH}\s?(\d{1,2})\2(\d{1,2})(?:\2(\d{4}|\d{2}))?(?:,\s?(\d{4}))?(?![\p{N}]|[./:-]\d)`,
  'gud',
);

export interface NumericRangeEnd {
  start: number;
  end: number;
  a: number;
  b: number;
  year: string | undefined;
}

/** Both ends of a numeric range; a year written once (at the end) counts for both. */
export function numericRanges(text: string): Array<[NumericRangeEnd, NumericRangeEnd]> {
  const out: Array<[NumericRangeEnd, NumericRangeEnd]> = [];
  for (const m of text.matchAll(NUMERIC_RANGE)) {
    // "10-1-10-7" without a year is a chain of numbers (a code, a score), not a range of days.
    // "9.30-4.30pm" is a span of hours: a dotted range needs its year.
    if ((m[2] === '-' || m[2] === '.') && m[4] === undefined && m[7] === undefined) continue;
    const shared = m[7] ?? m[8];
    const firstEnd = m.indices![4]?.[1] ?? m.indices![3][1];
    out.push([
      { start: m.index, end: firstEnd, a: Number(m[1]), b: Number(m[3]), year: m[4] ?? shared },
      { start: m.indices![5][0], end: m.index + m[0].length, a: Number(m[5]), b: Number(m[6]), year: m[7] ?? m[8] ?? m[4] },
    ]);
  }
  return out;
}
