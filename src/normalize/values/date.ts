// Dates in English, Polish and Hebrew copy (and German, French, Italian, Spanish month
// names), resolved to ISO days. A date without a year takes `options.year`; without one
// it is not reported but still keeps its digits from being read as numbers. Invalid days
// (February 30, "17/29/11") are not dates either. Numeric day/month order follows the
// language (SPEC.md §7): en-US month first, every other language (plain "en" too) day
// first; a number over 12 fixes the order of its own date, and of the text's other dates
// when all such evidence in the text agrees.
import { candidate, NOT_AFTER_WORD, RANGE_DASH, type Candidate } from './candidate.js';
import { CURRENCY_AFTER } from './currency.js';
import { MONTH_NAMES, monthNumber, WEEKDAYS } from './months.js';
import { primaryLanguage, usesDecimalPoint } from './number.js';
import type { ExtractOptions } from './types.js';

const ORDINAL = '(?:st|nd|rd|th)?';
// Hebrew writes the month with ב or ל before it: "30 בנובמבר", "ה-30 לנובמבר".
const MONTH = String.raw`(?<![\p{L}])(?:[בל])?(${MONTH_NAMES})\.?(?![\p{L}])`;
const YEAR = String.raw`(?:,?\s(?:de\s)?(\d{4})(?!\d))?`;

// April 30, 2026 / Thursday, September 13, 2018 / Apr 30th / Nov. 30 / March 1-31, 2026
const MONTH_FIRST = new RegExp(
  String.raw`(?:(?<![\p{L}])${WEEKDAYS},?\s)?${MONTH}\s(\d{1,2})${ORDINAL}(?:\s?${RANGE_DASH}\s?(\d{1,2})${ORDINAL})?(?![\p{L}\p{N}%]|[.,:]\d)${YEAR}`,
  'giud',
);
// 30 April 2026 / 30th of April / 30 listopada 2026 / 12. Juni 2018 / 30 בנובמבר 2026 / 1-30 listopada
const DAY_FIRST = new RegExp(
  String.raw`${NOT_AFTER_WORD}(\d{1,2})${ORDINAL}\.?(?:\s?${RANGE_DASH}\s?(\d{1,2})${ORDINAL}\.?)?\s(?:of\s|de\s)?${MONTH}${YEAR}`,
  'giud',
);
// 2026-04-30, 2026/04/30, 2026.04.30, "ב-2026-11-30" (a Hebrew prefix and hyphen before it)
const ISO = /(?<![\p{L}\p{N}.,/]|(?<![\u05D0-\u05EA])-)(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\p{N}]|[./-]\d)/gu;
// 30.11.2026, 30/11/2026, 4/30/2026, 30-11-2026, 30/11/26, 30/11, 30.11. (not en)
// A hyphen before makes a chain ("555-12/11") unless it follows a Hebrew prefix ("ה-30.11.2026").
const NUMERIC = /(?<![\p{L}\p{N}.,/:$€£¥₪]|(?<![\u05D0-\u05EA])-)(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\p{N}]|[./:-]\d)/gu;

// English month names that are also ordinary words; written in lower case they are the word.
const ENGLISH_WORD_MONTH = /^(?:may|march|mar)$/;

/** The ISO day, or undefined when there is no such day (February 30, month 29). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function fullYear(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

/** A lower-case "may" is the verb ("prices 5 may vary"); "May" and "MAY" are the month. */
function isMonthName(written: string): boolean {
  return !(ENGLISH_WORD_MONTH.test(written) && written === written.toLowerCase());
}

export function extractDates(text: string, options: ExtractOptions): Candidate[] {
  const out: Candidate[] = [];
  const language = (options.language ?? '').toLowerCase().replace('_', '-');
  const add = (start: number, end: number, year: number | undefined, month: number | undefined, day: number) => {
    const y = year ?? options.year;
    const key = y === undefined || month === undefined ? undefined : isoDate(y, month, day);
    const c = candidate('date', text, start, end, key ?? '');
    if (c) out.push(key === undefined ? { ...c, hidden: true } : c);
  };

  for (const m of text.matchAll(ISO)) {
    add(m.index, m.index + m[0].length, Number(m[1]), Number(m[3]), Number(m[4]));
  }
  // A date with its month named: one day, or a range ("March 1–31, 2026", "1–31 March") whose
  // days share the month and year. Says whether it was a range.
  const addNamed = (m: RegExpExecArray, dayGroup: number, secondGroup: number, month: number | undefined): boolean => {
    const year = fullYear(m[4]);
    const end = m.index + m[0].length;
    if (m[secondGroup] === undefined) {
      add(m.index, end, year, month, Number(m[dayGroup]));
      return false;
    }
    const [secondStart] = m.indices![secondGroup];
    add(m.index, firstRangeEnd(text, m.indices![dayGroup][1], secondStart), year, month, Number(m[dayGroup]));
    add(secondStart, end, year, month, Number(m[secondGroup]));
    return true;
  };
  for (const m of text.matchAll(MONTH_FIRST)) {
    if (isMonthName(m[1])) addNamed(m, 2, 3, monthNumber(m[1]));
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    if (!isMonthName(m[3])) continue;
    const month = monthNumber(m[3]);
    if (addNamed(m, 1, 2, month)) continue;
    // "od 24 do 30 listopada", "from 24 to 30 November", "מ-24 עד 30 בנובמבר": the first
    // day of a range written in words takes the second's month and year.
    const from = Math.max(0, m.index - 24);
    const opening = WORD_RANGE_START.exec(text.slice(from, m.index));
    if (opening) {
      const [dayStart, dayEnd] = opening.indices![1];
      add(from + dayStart, from + dayEnd, fullYear(m[4]), month, Number(opening[1]));
    }
  }
  const numeric = [...text.matchAll(NUMERIC)];
  const order = numericOrder(numeric, language);
  for (const m of numeric) {
    const [, first, separator, second, yearWritten] = m;
    let end = m.index + m[0].length;
    if (yearWritten === undefined) {
      if (separator === '-') continue;
      if (separator === '.') {
        // "do 30.11." is a date in Polish or German copy; "2.5" is a number everywhere.
        const closed = primaryLanguage(language) !== 'en' && second.length === 2 && text[end] === '.';
        if (closed) end += 1;
        else if (!isShortDottedDate(text, m.index, end, first, second, language)) continue;
      }
      // "24/7" is availability and "1/2" a fraction, not the 24th of July or 1 February.
      if (separator === '/' && (m[0] === '24/7' || (first.length === 1 && second.length === 1))) continue;
    }
    const [a, b] = [Number(first), Number(second)];
    // "49.90." ends a sentence with a price, not a date: no day and month are that large.
    if (yearWritten === undefined && !((a <= 31 && b <= 12) || (a <= 12 && b <= 31))) continue;
    const [month, day] = (forcedOrder(a, b) ?? order) === 'month-first' ? [a, b] : [b, a];
    add(m.index, end, fullYear(yearWritten), month, day);
  }
  return out;
}

// The start of a range in words, right before its second day: "od 24 do ", "from 24th to ",
// "between 24 and ", "מ-24 עד ". Group 1 is the first day.
const WORD_RANGE_START = /(?<![\p{L}\p{N}])(?:od|from|between|מ|מה)[\s\-\u05BE]*(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:do|to|and|until|till|עד|ועד)\s+$/diu;

// Words right before a day that make "30.11" a date rather than a decimal: pl "do", "od",
// "dnia"; he "עד", "מיום", "בתאריך", and the prefixes ב מ ה ("ב-30.11", "עד ה-30.11").
const DATE_CUE = /(?:(?<![\p{L}])(?:do|od|dnia|dn\.|until|till|from|through|עד|מיום|מתאריך|בתאריך|תאריך|החל|[בהמ]|עד ה|מה)[\s\-\u05BE]*)$/iu;
// What makes "12.10" an amount: a percent sign or word, a currency or a unit after it.
const AMOUNT_AFTER = new RegExp(String.raw`^[\s\u00A0\u202F]?(?:%|${CURRENCY_AFTER}|אחוז|procent|proc\.|kg|km|cm|ml|l\b|GB|GHz)`, 'u');

/**
 * "30.11" without a year or closing full stop, in a language other than English: a date
 * when a date cue stands before it ("do 30.11", "עד 30.11", "ב-30.4"), or, in a language
 * that writes decimals with a comma (pl, de), when its month has two digits. Never when
 * a unit, currency or percent follows ("12.10 zł"), never two single digits ("2.5").
 */
function isShortDottedDate(text: string, start: number, end: number, first: string, second: string, language: string): boolean {
  const primary = primaryLanguage(language);
  if (primary === 'en' || (first.length === 1 && second.length === 1)) return false;
  if (isoDate(2000, Number(second), Number(first)) === undefined) return false;
  if (AMOUNT_AFTER.test(text.slice(end, end + 12))) return false;
  if (DATE_CUE.test(text.slice(Math.max(0, start - 12), start))) return true;
  // Where the decimal separator is a point (he), "30.11" is a date only after a cue.
  return second.length === 2 && !usesDecimalPoint(primary);
}

type Order = 'month-first' | 'day-first';

function forcedOrder(a: number, b: number): Order | undefined {
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return undefined;
}

/**
 * The order of ambiguous numeric dates: the language's (en-US month first, others day
 * first), unless the same text writes an unambiguous date the other way round and none
 * the language's way ("between 10/01/01 and 12/31/01" is American whatever the tag says).
 */
function numericOrder(matches: RegExpExecArray[], language: string): Order {
  const byLanguage: Order = language === 'en-us' ? 'month-first' : 'day-first';
  // Only dates with a year count as evidence: "24/7" is not a date written day first.
  const dated = matches.filter((m) => m[4] !== undefined);
  const seen = new Set(dated.map((m) => forcedOrder(Number(m[1]), Number(m[3]))).filter((o) => o !== undefined));
  return seen.size === 1 ? [...seen][0] : byLanguage;
}

/** End of a range's first day: before the dash and its spaces, after any ordinal or dot. */
function firstRangeEnd(text: string, dayEnd: number, secondStart: number): number {
  const between = text.slice(dayEnd, secondStart);
  const kept = /^(?:st|nd|rd|th)?\.?/i.exec(between)?.[0].length ?? 0;
  return dayEnd + kept;
}
