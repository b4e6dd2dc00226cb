// Plain numbers: what is left once money, percentages, dates, codes and URLs have their
// spans. Never a part of a word or code ("SPRING30", "iPhone15", "#3", "3x"), a time
// ("2:00 p.m.", "9 AM"), a fraction or slash form ("24/7"), or a hyphen chain such as a
// phone number ("555-1234"); a short range ("5-7 days") gives both ends.
import { candidate, type Candidate } from './candidate.js';
import { NUMBER, numberKey, parseNumber } from './number.js';
import { digitRunStarts, matchesAt } from './scan.js';

// A hyphen before makes a chain ("555-1234") or a name ("COVID-19"), unless it follows a
// Hebrew one-letter prefix ("ב-30").
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_#@$€£¥₪.,:/\\]|(?<![\u05D0-\u05EA])[\-\u2010-\u2015\u2212])`;
const NOT_BEFORE = String.raw`(?![\p{L}\p{N}%_]|[.,:/\-\u2010-\u2015\u2212]\d|\s?[aApP]\.?[mM]\.?(?![\p{L}]))`;

// Both start at a digit not after a number: at the start of a run of digits (sticky, scan.ts).
const NUMBER_RE = new RegExp(String.raw`${NOT_AFTER}(${NUMBER})(?!\d|[.,]\d)${NOT_BEFORE}`, 'uy');
const RANGE_RE = new RegExp(String.raw`${NOT_AFTER}(\d{1,3})\s?[-\u2010-\u2015\u2212]\s?(\d{1,3})${NOT_BEFORE}`, 'uyd');

export function extractNumbers(text: string, language: string, digits = digitRunStarts(text)): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, written: string) => {
    const value = parseNumber(written, language);
    const c = candidate('number', text, start, start + written.length, value === undefined ? undefined : numberKey(value));
    if (c) out.push(c);
  };
  if (digits.length === 0) return out;
  for (const m of matchesAt(text, NUMBER_RE, digits)) push(m.index, m[1]);
  for (const m of matchesAt(text, RANGE_RE, digits)) {
    push(m.index, m[1]);
    push(m.indices![2][0], m[2]);
  }
  return out;
}
