// Numbers as written in copy: thousands groups with , . or a space (NBSP, narrow NBSP and
// thin space too: the extractor may get raw text), and a decimal part after , or .
//
// Separators, deterministically (the same string always gives the same number):
// - both . and , present: the last one is the decimal separator ("1.299,50", "1,299.50");
// - a space-like separator is always a thousands group ("1 299,50");
// - one kind repeated ("1.299.000", "1,299,000"): thousands;
// - one separator and exactly three digits after it: thousands ("1,299"; "1.299" in pl/he
//   and every other language but English, where "1.299" is a decimal; in money always
//   thousands, since money never has three decimals); a leading "0" is never a group;
// - otherwise a decimal separator ("2,5" and "2.5" are 2.5 in every language).

import { primaryLanguage } from '../language.js';
import { SPACES } from './candidate.js';

/**
 * A number with optional thousands groups and decimals, as a regex source (no captures).
 * Grouped numbers come first so that "1,299.00" is read whole; an ungrouped number may
 * carry any number of decimals ("3.14159"). At most six groups (10^21): an unbounded
 * repeat makes "111 111 111 …" quadratic for patterns that fail after the number.
 */
export const NUMBER = String.raw`\d{1,3}(?:[,.${SPACES}]\d{3}){1,6}(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;

/** Like NUMBER but without space-grouping: "Top 3 100% cotton" is not 3100%. */
export const NUMBER_NO_SPACE = String.raw`\d{1,3}(?:[,.]\d{3}){1,6}(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;

export interface ParseOptions {
  /**
   * Money never has three decimals, so a lone separator followed by exactly three digits
   * ("$1.299", "1,299 zł") is a thousands separator whatever the language.
   */
  money?: boolean;
}

/** Languages whose decimal separator is a point, so "1.299" is a decimal there. */
const DECIMAL_POINT = new Set(['en', 'he', 'iw', 'ja', 'zh', 'ko', 'th', 'hi']);

export function usesDecimalPoint(language: string): boolean {
  return DECIMAL_POINT.has(primaryLanguage(language));
}

const SPACE_RE = new RegExp(`[${SPACES}]`, 'g');

/** The value of a written number, or undefined when it is not one. */
export function parseNumber(written: string, language: string, options: ParseOptions = {}): number | undefined {
  const raw = written.replace(SPACE_RE, '');
  if (!/^\d[\d.,]*$/.test(raw) || /[.,]$/.test(raw)) return undefined;
  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one is the decimal separator.
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [whole, fraction] = [raw.slice(0, raw.lastIndexOf(decimal)), raw.slice(raw.lastIndexOf(decimal) + 1)];
    if (whole.includes(decimal)) return undefined;
    normalized = `${whole.split(thousands).join('')}.${fraction}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const pieces = raw.split(separator);
    const tail = pieces[pieces.length - 1];
    // "1.299" is 1.299 in English or Hebrew prose and 1299 in Polish or German; "1,299" is
    // 1299 in English and, by the same rule of three digits, 1299 elsewhere (a comma decimal
    // with three places is rare in copy).
    const grouped =
      pieces.length > 2 ||
      (tail.length === 3 && (options.money || separator === ',' || !usesDecimalPoint(language)));
    if (grouped && pieces.slice(1).some((p) => p.length !== 3)) return undefined;
    // "0,299" has no thousands: a leading zero is never a group.
    if (grouped && pieces[0] === '0') return pieces.length === 2 ? Number(`0.${tail}`) : undefined;
    normalized = grouped ? pieces.join('') : `${pieces[0]}.${tail}`;
  } else {
    normalized = raw;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** Canonical text of a number: no trailing zeros, no exponent. */
export function numberKey(value: number): string {
  const rounded = Math.round(Math.abs(value) * 1e6) / 1e6;
  if (rounded >= 1e21) return BigInt(Math.round(rounded)).toString();
  return rounded.toFixed(6).replace(/\.?0+$/, '');
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English number words up to one hundred: "thirty", "twenty-five", "one hundred" (regex source). */
export const NUMBER_WORDS = String.raw`(?:(?:one |a )?hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)(?![\p{L}]))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;

export function parseNumberWords(words: string): number | undefined {
  const w = words.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(?:(?:one|a) )?hundred$/.test(w)) return 100;
  const [first, second, extra] = w.split(' ');
  if (extra !== undefined) return undefined;
  const unit = EN_UNITS.indexOf(first);
  if (unit >= 0) return second === undefined ? unit : undefined;
  const tens = EN_TENS.indexOf(first);
  if (tens < 2) return undefined;
  if (second === undefined) return tens * 10;
  const ones = EN_UNITS.indexOf(second);
  return ones > 0 && ones < 10 ? tens * 10 + ones : undefined;
}
