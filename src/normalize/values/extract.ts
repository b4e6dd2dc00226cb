// Finds every value stated in a text. Each kind has its patterns; overlapping candidates
// are resolved once, longest first, so "$49.99" is money and not also the number 49.99.
import { CURRENCY_AFTER, CURRENCY_BEFORE, currencyCode } from './currency.js';
import { DATE_PATTERNS, isoDate } from './date.js';
import { NUMBER, NUMBER_WORDS, numberKey, parseNumber, parseNumberWords } from './number.js';
import { isReference } from './reference.js';
import type { ExtractOptions, Value, ValueType } from './types.js';

const PRIORITY: Record<ValueType, number> = { url: 6, date: 5, money: 4, percent: 3, code: 2, number: 1 };

const MONEY_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${CURRENCY_BEFORE})\s?(${NUMBER})(?:\s?-\s?(?:${CURRENCY_BEFORE})?\s?(${NUMBER}))?(?![\d])`, 'gu');
const MONEY_AFTER = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUMBER})\s?(${CURRENCY_AFTER})(?![\p{L}\p{N}])`, 'giu');
const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(-)?(${NUMBER}|${NUMBER_WORDS})\s?(%|percent|per cent|procent\p{L}*|proc\.|אחוז\p{L}*)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])%\s?(${NUMBER})(?![\d])`,
  'giu',
);
const URL_RE = /(?<![\w@.-])(?:https?:\/\/[^\s<>"'()]+|www\.[^\s<>"'()]+|(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|pl|il|de|uk|fr|it|eu|shop|store|example|app|dev)(?:\/[^\s<>"'()]*)?)(?![\w@])/giu;
const CODE_RE = /(?<![\p{L}\p{N}#@/.-])[A-Za-z0-9]{4,20}(?![\p{L}\p{N}]|[.\/-]\p{L})/gu;
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}#@$€£¥₪.,:/-])(${NUMBER})(?![\p{L}\p{N}%]|[:/]\d|[.,]\d)`, 'gu');
const TRAILING = /[.,;:!?)\]]+$/;

function money(amount: number | undefined, currency: string | undefined): string | undefined {
  if (amount === undefined || !currency) return undefined;
  return `${amount.toFixed(2)} ${currency}`;
}

/** A URL's canonical form: no scheme, www., query, fragment or trailing slash; host lower-cased. */
export function urlKey(written: string): string | undefined {
  const text = written.trim().replace(TRAILING, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    const url = new URL(withScheme);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) return undefined;
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const pathname = decodeURI(url.pathname).replace(/\/+$/, '');
    return host + pathname;
  } catch {
    return undefined;
  }
}

/** Promo-code shaped tokens: letters and digits, 4-20 characters, with a digit or all capitals. */
export function codeCandidates(text: string): Array<{ start: number; end: number; raw: string }> {
  const out: Array<{ start: number; end: number; raw: string }> = [];
  for (const m of text.matchAll(CODE_RE)) {
    const raw = m[0];
    const hasDigit = /\d/.test(raw);
    const hasLetter = /[A-Za-z]/.test(raw);
    if (!hasLetter) continue;
    if (hasDigit ? raw !== raw.toUpperCase() && raw !== raw.toLowerCase() && !/^[A-Z]/.test(raw) : raw !== raw.toUpperCase()) continue;
    out.push({ start: m.index, end: m.index + raw.length, raw });
  }
  return out;
}

export function extractValues(text: string, options: ExtractOptions): Value[] {
  const { language } = options;
  const found: Value[] = [];
  const add = (type: ValueType, start: number, raw: string, key: string | undefined) => {
    if (key !== undefined) found.push({ type, start, end: start + raw.length, raw, key });
  };

  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(TRAILING, '');
    add('url', m.index, raw, urlKey(raw));
  }
  for (const { re, read } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const parts = read(m as RegExpExecArray, language);
      if (!parts) continue;
      const [year, month, day] = parts;
      const y = year ?? options.year;
      if (y === undefined) continue;
      add('date', m.index, m[0], isoDate(y, month, day));
    }
  }
  for (const m of text.matchAll(MONEY_BEFORE)) {
    const currency = currencyCode(m[1]);
    const first = m[0].indexOf(m[2], m[1].length);
    add('money', m.index, m[0].slice(0, first + m[2].length), money(parseNumber(m[2], language), currency));
    if (m[3]) {
      // A range "$236-$279" or "$236–279": the second amount shares the first one's currency.
      const at = m[0].lastIndexOf(m[3]);
      const dash = m[0].indexOf('-', first + m[2].length);
      const secondStart = m[0].slice(dash + 1).search(/\S/) + dash + 1;
      add('money', m.index + secondStart, m[0].slice(secondStart, at + m[3].length), money(parseNumber(m[3], language), currency));
    }
  }
  for (const m of text.matchAll(MONEY_AFTER)) add('money', m.index, m[0], money(parseNumber(m[1], language), currencyCode(m[2])));
  for (const m of text.matchAll(PERCENT)) {
    const written = m[2] ?? m[4];
    const amount = /^\d/.test(written) ? parseNumber(written, language) : parseNumberWords(written);
    // "-40%" on a sale badge means 40% off: the sign is not part of the value.
    const start = m[1] ? m.index + 1 : m.index;
    add('percent', start, m[0].slice(start - m.index), amount === undefined ? undefined : numberKey(amount));
  }
  for (const c of codeCandidates(text)) {
    if (/\d/.test(c.raw) && /[A-Z]/.test(c.raw) && c.raw === c.raw.toUpperCase() && c.raw.length >= 5) add('code', c.start, c.raw, c.raw.toUpperCase());
  }
  for (const m of text.matchAll(NUMBER_RE)) {
    const value = parseNumber(m[1], language);
    add('number', m.index, m[1], value === undefined ? undefined : numberKey(value));
  }
  return resolveOverlaps(found, text);
}

function resolveOverlaps(found: Value[], text: string): Value[] {
  const ranked = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.type] - PRIORITY[a.type] || a.start - b.start);
  const kept: Value[] = [];
  for (const value of ranked) {
    if (kept.some((k) => value.start < k.end && value.end > k.start)) continue;
    kept.push(value);
  }
  kept.sort((a, b) => a.start - b.start);
  for (const value of kept) {
    if (value.type === 'money' && isReference(text.slice(0, value.start))) value.reference = true;
  }
  return kept;
}
