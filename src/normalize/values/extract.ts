// Finds every value stated in a text. Each kind proposes candidates; overlaps are resolved
// once, by kind first (a URL over the code in its path, a date or money value over the
// numbers in it, a percent over its number), then longest first. Phone, model and article
// numbers and years are hidden candidates that only keep their digits from being numbers.
import type { Candidate } from './candidate.js';
import { extractCodes } from './code.js';
import { extractDates } from './date.js';
import { extractIdentifiers } from './identifiers.js';
import { extractMoney } from './money.js';
import { extractNumbers } from './numbers.js';
import { extractPercents } from './percent.js';
import { isReference } from './reference.js';
import { digitRunStarts } from './scan.js';
import type { ExtractOptions, Value, ValueType } from './types.js';
import { extractUrls } from './url.js';

const PRIORITY: Record<ValueType, number> = { url: 6, date: 5, money: 4, percent: 3, code: 2, number: 1 };

/**
 * All values stated in `text`, sorted by start, non-overlapping, with exact offsets
 * (`text.slice(v.start, v.end) === v.raw`). Never throws.
 */
export function extractValues(text: string, options: ExtractOptions): Value[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const language = typeof options?.language === 'string' && options.language ? options.language : 'en';
  const year = typeof options?.year === 'number' && Number.isInteger(options.year) ? options.year : undefined;
  // Where runs of digits start: every amount, day, code and phone number in digits starts one.
  const digits = digitRunStarts(text);
  const dates = extractDates(text, { language, year });
  const money = extractMoney(text, language, digits);
  const found: Candidate[] = [
    ...extractUrls(text),
    ...dates,
    ...money,
    ...extractPercents(text, language, digits),
    ...extractCodes(text, digits),
    ...extractIdentifiers(text, digits),
    ...extractNumbers(text, language, digits),
  ];
  // A price never becomes a day: only a text with both can have one that would.
  const kept = resolveOverlaps(dates.length > 0 && money.length > 0 ? pricesNotDays(found, text.length) : found, text.length);
  for (const value of kept) {
    if (value.type === 'money' && isReference(text, value.start, language)) value.reference = true;
  }
  return kept;
}

/**
 * A price never becomes a day: "Save $10 March 1-15" is $10 and March 1–15, not 10 March.
 * A date that shares digits with a money value without containing it or lying inside it
 * (the currency stands outside the date) is not a date; the date written next to the price
 * ("March 1") is a candidate of its own and stays.
 */
function pricesNotDays(found: Candidate[], length: number): Candidate[] {
  // The money values that survive among themselves: "10 € 12 mars" is 10 € (not € 12) and
  // 12 March. One owner per character keeps this linear in the text.
  const owner = new Int32Array(length).fill(-1);
  const dates = found.filter((c) => c.type === 'date');
  if (dates.length === 0) return found;
  const money = found.filter((c) => c.type === 'money').sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  if (money.length === 0 || !dates.some(overlapsAny(money))) return found;
  money.forEach((m, index) => {
    for (let i = m.start; i < m.end; i++) if (owner[i] !== -1) return;
    owner.fill(index, m.start, m.end);
  });
  const crossesMoney = (date: Candidate) => {
    for (let i = date.start; i < date.end; i++) {
      if (owner[i] === -1) continue;
      const m = money[owner[i]];
      const inside = (a: Candidate, b: Candidate) => a.start >= b.start && a.end <= b.end;
      if (!inside(m, date) && !inside(date, m)) return true;
      i = m.end - 1;
    }
    return false;
  };
  return found.filter((c) => c.type !== 'date' || !crossesMoney(c));
}

/** Whether a span shares a character with any of `spans`; O(log n) a question. */
function overlapsAny(spans: readonly Candidate[]): (c: Candidate) => boolean {
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  // The furthest end among the spans up to each one, in order of start.
  const reach: number[] = [];
  for (const s of byStart) reach.push(Math.max(s.end, reach.length ? reach[reach.length - 1] : -1));
  return (c) => {
    // The last span that starts before `c` ends.
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].start < c.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > c.start;
  };
}

function resolveOverlaps(found: Candidate[], length: number): Value[] {
  if (found.length === 0) return [];
  const rank = (c: Candidate) => c.rank ?? PRIORITY[c.type];
  const ranked = found.sort(
    (a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start || Number(!!a.hidden) - Number(!!b.hidden),
  );
  // One flag per character: linear in the text and the candidates' lengths, not quadratic.
  // The flags are reused from text to text (cleared after each), not made per text.
  if (taken.length < length) taken = new Uint8Array(Math.max(length, 2 * taken.length));
  const kept: Value[] = [];
  let flagged = 0;
  for (const c of ranked) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    flagged = Math.max(flagged, c.end);
    if (c.hidden) continue;
    kept.push({ type: c.type, start: c.start, end: c.end, raw: c.raw, key: c.key, ...(c.alternatives ? { alternatives: c.alternatives } : {}) });
  }
  taken.fill(0, 0, flagged);
  return kept.sort((a, b) => a.start - b.start);
}

let taken = new Uint8Array(1024);
