// Dates in English, Polish and Hebrew copy (and German, French, Italian, Spanish month
// names), resolved to ISO days. A date without a year takes `options.year`; without one
// it is not reported but still keeps its digits from being read as numbers. Invalid days
// (February 30, "17/29/11") are not dates either. Numeric day/month order follows the
// language (SPEC.md §7): en-US month first, every other language (plain "en" too) day
// first; a number over 12 fixes the order of its own date, and of the text's other dates
// when all such evidence in the text agrees.
import { candidate, NOT_AFTER_WORD, RANGE_DASH, type Candidate } from './candidate.js';
import { CURRENCY_AFTER_WORD, currencyCode, currencyNameAt } from './currency.js';
import { dayOf, DAY_WORD, joinedMonthDates, LONGEST_ORDINAL_DAY_WORD, numericRanges, ORDINAL_DAY_WORD } from './date-forms.js';
import { ignoringCase } from './ignore-case.js';
import { MONTH_NAMES, monthNumber, WEEKDAY_NAMES, WEEKDAYS } from './months.js';
import { primaryLanguage } from '../language.js';
import { usesDecimalPoint } from './number.js';
import { isAsciiDigit, lazy, matchesNear, matchStarts } from './scan.js';
import type { ExtractOptions } from './types.js';

const ORDINAL = '(?:st|nd|rd|th)?';
// Hebrew writes the month with ב or ל before it: "30 בנובמבר", "ה-30 לנובמבר".
const MONTH = String.raw`(?<![\p{L}])(?:[בל])?(${MONTH_NAMES})\.?(?![\p{L}])`;
// ", 2026", " , 1994" (a space before the comma), "of 1995", "in 2020", "de 2026".
const YEAR = String.raw`(?:\s?,?\s(?:de\s|(?:of|in)\s(?=(?:19|20)\d\d))?(\d{4})(?!\d))?`;

// April 30, 2026 / Thursday, September 13, 2018 / Apr 30th / Nov. 30 / March 1-31, 2026
// The named forms read names in any case: `ignoringCase` (ignore-case.ts) instead of the `i`
// flag. They are built when a text first names a month.
export const MONTH_FIRST = lazy(() => new RegExp(
  ignoringCase(String.raw`(?:(?<![\p{L}])${WEEKDAYS},?\s)?${MONTH},?\s(?:the\s)?(\d{1,2}${ORDINAL}|${DAY_WORD})(?:\s?${RANGE_DASH}\s?(\d{1,2})${ORDINAL})?(?![\p{L}\p{N}%]|[.,:]\d)${YEAR}`),
  'gud',
));
// 30 April 2026 / 30th of April / 30 listopada 2026 / 12. Juni 2018 / 30 בנובמבר 2026 / 1-30 listopada
export const DAY_FIRST = lazy(() => new RegExp(
  ignoringCase(
    String.raw`(?:${NOT_AFTER_WORD}(\d{1,2})${ORDINAL}\.?|(?=[efnstEFNST])(?<![\p{L}])(${ORDINAL_DAY_WORD}))(?:\s?${RANGE_DASH}\s?(\d{1,2})${ORDINAL}\.?)?\s(?:day\sof\s|of\s|de\s)?${MONTH}${YEAR}`,
  ),
  'gud',
));
// 2026-04-30, 2026/04/30, 2026.04.30, "ב-2026-11-30" (a Hebrew prefix and hyphen before it)
const ISO = /(?<![\p{L}\p{N}.,/]|(?<![\u05D0-\u05EA])-)(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\p{N}]|[./-]\d)/gu;
// 30.11.2026, 30/11/2026, 4/30/2026, 30-11-2026, 30/11/26, 30/11, 30.11. (not en)
// A hyphen before makes a chain ("555-12/11") unless it follows a Hebrew prefix ("ה-30.11.2026").
const NUMERIC = /(?<![\p{L}\p{N}.,/:$€£¥₪]|(?<![\u05D0-\u05EA])-)(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2})|,(\d{4}))?(?![\p{N}]|[./:-]\d)/gu;

// Cheap gates, tried once per text: every named form (MONTH_FIRST, DAY_FIRST, the joined
// forms of date-forms.ts) holds a month name as MONTH reads it, and every numeric one (ISO,
// NUMERIC, numeric ranges) two digits joined by "-", "." or "/". Most texts hold neither.
const MONTH_WORD = new RegExp(ignoringCase(MONTH), 'u');
// Every place a month name starts, even inside a word: MONTH_WORD matches only where this
// does, and without MONTH's look-behind at every position it scans a text several times
// faster. The named forms are searched near these places only.
export const MONTH_NAME_STARTS = new RegExp(ignoringCase(`(?:${MONTH_NAMES})`), 'gu');

// How far before its month name each named form may start (see matchesNear). MONTH_FIRST: a
// weekday, its full stop, a comma and a space, then "ב" or "ל". DAY_FIRST: a day ("31st." or
// in words), a range's second day (" - 31st."), " day of " and "ב" or "ל".
export const MONTH_FIRST_REACH = Math.max(...WEEKDAY_NAMES.map((w) => w.length)) + 4;
export const DAY_FIRST_REACH = Math.max('31st.'.length, LONGEST_ORDINAL_DAY_WORD) + ' - 31st.'.length + ' day of '.length + 1;
const DIGITS_JOINED = /\d[-./]\d/;

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

/**
 * A written year; two digits are the century nearest the campaign: up to twenty years after
 * the campaign year (or 2026) in its century, the century before otherwise ("05/05/89" is
 * 1989, "30/11/26" 2026).
 */
function fullYear(written: string | undefined, campaignYear?: number): number | undefined {
  if (written === undefined) return undefined;
  if (written.length !== 2) return Number(written);
  const now = campaignYear ?? 2026;
  const century = Math.floor(now / 100) * 100;
  const year = century + Number(written);
  return year > now + 20 ? year - 100 : year;
}

/** How far on each side of a sentence break a date that runs across it is looked for. */
const DATE_REACH = 40;

/**
 * Whether a date written in `text` runs across offset `at` (a character of it on each side):
 * a sentence never ends inside one, whatever dots it holds ("October. 2", "16. Nov. 2016").
 * Only a break at a dot with a digit beside it (before the dot, or right after the spaces
 * that follow it) can be one: only there are DATE_REACH characters on each side read.
 */
export function dateRunsAcross(text: string, at: number, language: string): boolean {
  if (at <= 0 || at >= text.length) return false;
  let dot = at - 1;
  while (dot > 0 && /\s/.test(text[dot])) dot--;
  if (text[dot] !== '.' || !(isAsciiDigit(text.charCodeAt(dot - 1)) || isAsciiDigit(text.charCodeAt(at)))) return false;
  const from = Math.max(0, at - DATE_REACH);
  // Without the campaign's year a date may lack one (it is then hidden): it is still a date.
  return extractDates(text.slice(from, at + DATE_REACH), { language }).some((d) => from + d.start < at && at < from + d.end);
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

  const numericForms = DIGITS_JOINED.test(text);
  // Scanned once: the gate and the places the named forms are searched near.
  const months = matchStarts(text, MONTH_NAME_STARTS);
  const namedForms = months.length > 0 && MONTH_WORD.test(text);
  if (!numericForms && !namedForms) return out;
  if (numericForms) {
    for (const m of text.matchAll(ISO)) {
      add(m.index, m.index + m[0].length, Number(m[1]), Number(m[3]), Number(m[4]));
    }
  }
  // A date with its month named: one day, or a range ("March 1–31, 2026", "1–31 March") whose
  // days share the month and year. Says whether it was a range.
  const addNamed = (m: RegExpExecArray, dayGroup: number, secondGroup: number, month: number | undefined, year: number | undefined): boolean => {
    const end = m.index + m[0].length;
    if (m[secondGroup] === undefined) {
      add(m.index, end, year, month, dayOf(m[dayGroup]));
      return false;
    }
    const [secondStart] = m.indices![secondGroup];
    add(m.index, firstRangeEnd(text, m.indices![dayGroup][1], secondStart), year, month, dayOf(m[dayGroup]));
    add(secondStart, end, year, month, Number(m[secondGroup]));
    return true;
  };
  if (namedForms) {
    const monthFirst = matchesNear(text, MONTH_FIRST(), months, MONTH_FIRST_REACH).filter((m) => isMonthName(m[1]));
    monthFirst.forEach((m, i) => addNamed(m, 2, 3, monthNumber(m[1]), fullYear(m[4], options.year) ?? sharedYear(text, m, monthFirst[i + 1], 4)));
    const dayFirst = matchesNear(text, DAY_FIRST(), months, DAY_FIRST_REACH).filter((m) => isMonthName(m[4]));
    dayFirst.forEach((m, i) => {
      const month = monthNumber(m[4]);
      const year = fullYear(m[5], options.year) ?? sharedYear(text, m, dayFirst[i + 1], 5);
      if (addNamed(m, m[1] === undefined ? 2 : 1, 3, month, year)) return;
      // "od 24 do 30 listopada", "from 24 to 30 November", "מ-24 עד 30 בנובמבר": the first
      // day of a range written in words takes the second's month and year.
      const from = Math.max(0, m.index - 24);
      const opening = WORD_RANGE_START.exec(text.slice(from, m.index));
      if (opening) {
        const [dayStart, dayEnd] = opening.indices![1];
        add(from + dayStart, from + dayEnd, year, month, Number(opening[1]));
      }
    });
    for (const d of joinedMonthDates(text, months)) add(d.start, d.end, fullYear(d.year, options.year), d.month, d.day);
  }
  if (!numericForms) return out;

  const numeric = [...text.matchAll(NUMERIC)];
  const order = numericOrder(numeric, language);
  // Numeric day/month in the order of the language; under a bare "en" an ambiguous one
  // (both parts 12 or less, no evidence in the text) is read both ways (SPEC.md §7).
  const addNumeric = (start: number, end: number, a: number, b: number, year: number | undefined) => {
    const forced = forcedOrder(a, b);
    const [month, day] = (forced ?? order) === 'month-first' ? [a, b] : [b, a];
    const before = out.length;
    add(start, end, year, month, day);
    if (forced || a === b || order !== 'ambiguous' || out.length === before) return;
    const other = isoDate(year ?? options.year ?? NaN, day, month);
    if (other && !out[before].hidden) out[before] = { ...out[before], alternatives: [other] };
  };
  for (const [first, second] of numericRanges(text)) {
    for (const e of [first, second]) addNumeric(e.start, e.end, e.a, e.b, fullYear(e.year, options.year));
  }
  for (const m of numeric) {
    const [, first, separator, second, yearWritten, yearAfterComma] = m;
    let end = m.index + m[0].length;
    const written = yearWritten ?? yearAfterComma;
    if (written === undefined) {
      const cue = englishDateCue(text, m.index);
      if (separator === '-' && !cue) continue;
      if (separator === '.' && !cue) {
        // "do 30.11." is a date in Polish or German copy; "2.5" is a number everywhere.
        const closed = primaryLanguage(language) !== 'en' && second.length === 2 && text[end] === '.';
        if (closed) end += 1;
        else if (!isShortDottedDate(text, m.index, end, first, second, language)) continue;
      }
      if (cue && separator !== '/' && SCALE_AFTER.test(text.slice(end, end + 12))) continue;
      // "24/7" is availability and "1/2" a fraction, not the 24th of July or 1 February,
      // unless a date cue stands before it ("Friday 7/6", "on 7/4").
      if (separator === '/' && (m[0] === '24/7' || (first.length === 1 && second.length === 1 && !cue))) continue;
    }
    const [a, b] = [Number(first), Number(second)];
    // "49.90." ends a sentence with a price, not a date: no day and month are that large.
    if (written === undefined && !((a <= 31 && b <= 12) || (a <= 12 && b <= 31))) continue;
    addNumeric(m.index, end, a, b, fullYear(written, options.year));
  }
  return out;
}

// Words right before a numeric date without a year that make "7/4", "7-6" or "5.12" a date
// in English copy: a weekday, "on", "from", "until", "by", "through", "starting", "ends".
const ENGLISH_CUE = /(?<![\p{L}])(?:on|from|until|till|thru|through|by|starting|ends?|ending|valid|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s$/iu;
// What makes "on 1.5" an amount rather than a day: a scale, unit or currency after it.
const SCALE_AFTER = /^\s?(?:million|billion|thousand|percent|per|times|[kmx%$€£]|gb|mb|kg|km|lbs?|oz|hours?|days?|weeks?|years?|months?|minutes?|points?|stars?)(?![\p{L}])/iu;

function englishDateCue(text: string, start: number): boolean {
  return ENGLISH_CUE.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * "Nov 18-Dec 19, 2026", "from March 30 to April 2, 2026": a year written once, at the end
 * of a range, counts for its first date too.
 */
function sharedYear(text: string, m: RegExpExecArray, next: RegExpExecArray | undefined, yearGroup: number): number | undefined {
  if (!next || next[yearGroup] === undefined) return undefined;
  const between = text.slice(m.index + m[0].length, next.index);
  return /^\s?[-\u2010-\u2015\u2212]\s?$|^\s(?:to|until|till|through|and)\s$/i.test(between) ? Number(next[yearGroup]) : undefined;
}

// The start of a range in words, right before its second day: "od 24 do ", "from 24th to ",
// "between 24 and ", "מ-24 עד ". Group 1 is the first day.
const WORD_RANGE_START = /(?<![\p{L}\p{N}])(?:od|from|between|מ|מה)[\s\-\u05BE]*(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:do|to|and|until|till|עד|ועד)\s+$/diu;

// Words right before a day that make "30.11" a date rather than a decimal: pl "do", "od",
// "dnia"; he "עד", "מיום", "בתאריך", and the prefixes ב מ ה ("ב-30.11", "עד ה-30.11").
const DATE_CUE = /(?:(?<![\p{L}])(?:do|od|dnia|dn\.|until|till|from|through|עד|מיום|מתאריך|בתאריך|תאריך|החל|[בהמ]|עד ה|מה)[\s\-\u05BE]*)$/iu;
// What makes "12.10" an amount: a percent sign or word, a currency or a unit after it.
// Currency names are looked up, not matched: a pattern with every name is slow at every dot.
const AMOUNT_AFTER = new RegExp(String.raw`^[\s\u00A0\u202F]?(?:%|אחוז|procent|proc\.|kg|km|cm|ml|l\b|GB|GHz|(${CURRENCY_AFTER_WORD}))`, 'u');

function amountAfter(text: string, end: number): boolean {
  const m = AMOUNT_AFTER.exec(text.slice(end, end + 12));
  if (!m) return false;
  if (m[1] === undefined || !/^\p{L}/u.test(m[1])) return true;
  return currencyCode(m[1]) !== undefined || currencyNameAt(text, end + m[0].length - m[1].length) !== undefined;
}

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
  if (amountAfter(text, end)) return false;
  if (DATE_CUE.test(text.slice(Math.max(0, start - 12), start))) return true;
  // Where the decimal separator is a point (he), "30.11" is a date only after a cue.
  return second.length === 2 && !usesDecimalPoint(primary);
}

type Order = 'month-first' | 'day-first' | 'ambiguous';

function forcedOrder(a: number, b: number): Exclude<Order, 'ambiguous'> | undefined {
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
  const byLanguage: Order = language === 'en-us' ? 'month-first' : language === 'en' ? 'ambiguous' : 'day-first';
  // Only dates with a year count as evidence: "24/7" is not a date written day first.
  const dated = matches.filter((m) => m[4] !== undefined);
  const seen = new Set<Order>();
  for (const m of dated) {
    const order = forcedOrder(Number(m[1]), Number(m[3]));
    if (order !== undefined) seen.add(order);
  }
  return seen.size === 1 ? [...seen][0] : byLanguage;
}

/** End of a range's first day: before the dash and its spaces, after any ordinal or dot. */
function firstRangeEnd(text: string, dayEnd: number, secondStart: number): number {
  const between = text.slice(dayEnd, secondStart);
  const kept = /^(?:st|nd|rd|th)?\.?/i.exec(between)?.[0].length ?? 0;
  return dayEnd + kept;
}
