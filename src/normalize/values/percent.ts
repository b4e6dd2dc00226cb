// Percentages: "30%", "30 %", "thirty percent", "30 procent", "20 Prozent", "10 por ciento",
// "cent pour cent", "30 אחוז", "30 אחוזי הנחה", "ב30%" (a Hebrew one-letter prefix on the
// digits), "%30" (Hebrew writers sometimes put the sign first), sale badges "-40%", ranges
// "20-30%", and the word first: "percent of 10", "pourcentage de vingt". The percent words
// and number words are the language's grammar (grammar/units.ts, grammar/number-words.ts).
import { candidate, INVISIBLE, RANGE_DASH, type Candidate } from './candidate.js';
import { PERCENT_OF, percentWords } from './grammar/units.js';
import { wordAmountAfter, wordAmountBefore } from './grammar/word-amount.js';
import { primaryLanguage } from '../language.js';
import { numberKey, parseNumber, usesDecimalPoint } from './number.js';
import { digitRunStarts, matchesAt } from './scan.js';

const GAP = `${INVISIBLE}\\s?${INVISIBLE}`;
// Decimals of any length ("1.234.567,51274 por ciento") and a bare decimal part (",08 %").
const PERCENT_NUMBER = String.raw`\d{1,3}(?:[,.]\d{3}){1,6}(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+`;
const AMOUNT_END = String.raw`(?!\d|[.,]\d)`;
const RANGE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${PERCENT_NUMBER})${AMOUNT_END}${GAP}[%％]?\s?${RANGE_DASH}\s?$`, 'u');
const LOOK_BACK = 30;

interface Patterns {
  /**
   * A percent word anywhere. Every pattern below needs it or a sign, and most texts have
   * neither; `word` and `wordFirst` need the word.
   */
  wordGate: RegExp;
  /** Digits then the sign or a word: group 1 is the number. Sticky, like `fraction`: tried where a number starts. */
  signAfter: RegExp;
  signBefore: RegExp;
  /** A percent word alone, to read the number words before it. */
  word: RegExp;
  /** "3/4%", "1 sobre 3 por ciento": 1 numerator, 2 denominator. */
  fraction: RegExp;
  /** "percent of 10": the number after it. */
  wordFirst: RegExp | undefined;
}

const cache = new Map<string, Patterns>();

function patterns(language: string): Patterns {
  const primary = primaryLanguage(language);
  const cached = cache.get(primary);
  if (cached) return cached;
  // "%" may touch a word ("30%OFF" on a banner); a spelled-out unit may not.
  const words = `(?:${percentWords(language)})(?![\\p{L}])`;
  const unit = `%|％|${words}`;
  const ofSource = PERCENT_OF[primary] ?? (primary in PERCENT_OF ? undefined : PERCENT_OF.en);
  const built: Patterns = {
    wordGate: new RegExp(words, 'iu'),
    signAfter: new RegExp(
      String.raw`(?:(?<![\p{L}\p{N}.,%/^])|(?<=(?<![\p{L}\p{N}])[ובהלמשכ]))(${PERCENT_NUMBER})${AMOUNT_END}${GAP}(?:${unit})`,
      'iuy',
    ),
    fraction: new RegExp(String.raw`(?<![\p{L}\p{N}.,/^])(\d{1,3})\s?(?:/|sobre\s|over\s)\s?(\d{1,3})${GAP}(?:${unit})`, 'iuy'),
    signBefore: new RegExp(String.raw`(?<![\p{L}\p{N}%])[%％]${GAP}(${PERCENT_NUMBER})${AMOUNT_END}(?![%\p{L}])`, 'gu'),
    word: new RegExp(String.raw`(?<=[\s\-])${words}`, 'giu'),
    wordFirst: ofSource ? new RegExp(String.raw`(?<![\p{L}])${ofSource.replace(/ /g, '\\s')}(?=\s)`, 'giu') : undefined,
  };
  cache.set(primary, built);
  return built;
}

/**
 * A written percentage. Where the decimal separator is a comma (de, fr, es, nl, pl), a lone
 * comma in a percentage is a decimal comma even before three digits ("4,800%" is 4.8%):
 * percentages above a thousand are rarer in copy than three decimals.
 */
function percentKey(written: string, language: string): string | undefined {
  let text = /^[.,]/.test(written) ? `0${written}` : written;
  if (!usesDecimalPoint(language) && /^\d+,\d+$/.test(text)) text = text.replace(',', '.');
  const amount = /^\d+\.\d+$/.test(text) ? Number(text) : parseNumber(text, language);
  return amount === undefined ? undefined : numberKey(amount);
}

export function extractPercents(text: string, language: string, digits = digitRunStarts(text)): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | undefined) => c && out.push(c);
  const { wordGate, signAfter, signBefore, word, wordFirst, fraction } = patterns(language);
  const sign = text.includes('%') || text.includes('％');
  const written = wordGate.test(text);
  if (!sign && !written) return out;
  const unitsRead = new Set<number>();
  for (const m of matchesAt(text, signAfter, numberStarts(text, digits))) {
    let start = m.index;
    unitsRead.add(m.index + m[0].length);
    const from = Math.max(0, start - LOOK_BACK);
    const range = RANGE_BEFORE.exec(text.slice(from, start));
    if (range && (range.index > 0 || from === 0)) {
      const at = from + range.index;
      push(candidate('percent', text, at, at + range[1].length, percentKey(range[1], language)));
    } else if (isBadgeMinus(text, start - 1)) {
      // "-40%" on a sale badge means 40% off: the sign belongs to the badge, not the value.
      start -= 1;
    }
    push(candidate('percent', text, start, m.index + m[0].length, percentKey(m[1], language)));
  }
  for (const m of matchesAt(text, fraction, digits)) {
    const [numerator, denominator] = [Number(m[1]), Number(m[2])];
    unitsRead.add(m.index + m[0].length);
    if (denominator > 0) push(candidate('percent', text, m.index, m.index + m[0].length, numberKey(numerator / denominator)));
  }
  for (const m of sign ? text.matchAll(signBefore) : []) {
    push(candidate('percent', text, m.index, m.index + m[0].length, percentKey(m[1], language)));
  }
  // Numbers in words: "zwanzig Prozent", "treinta y cinco por ciento", "cent pour cent".
  for (const m of written ? text.matchAll(word) : []) {
    const end = m.index + m[0].length;
    if (unitsRead.has(end)) continue;
    const amount = wordAmountBefore(text, m.index, language, { fractions: true });
    if (amount) {
      unitsRead.add(end);
      push(candidate('percent', text, amount.start, end, numberKey(amount.value)));
    }
  }
  // The word first: "percent of 10", "per cent of twenty-two", "percentage van 30".
  if (wordFirst && written) {
    for (const m of text.matchAll(wordFirst)) {
      const after = m.index + m[0].length;
      const digits = /^\s(\d+(?:[.,]\d+)?)(?![\p{N}]|[.,]\d|\s?%)/u.exec(text.slice(after, after + 24));
      if (digits) {
        push(candidate('percent', text, m.index, after + digits[0].length, percentKey(digits[1], language)));
        continue;
      }
      const amount = wordAmountAfter(text, after, language);
      if (amount) push(candidate('percent', text, m.index, amount.end, numberKey(amount.value)));
    }
  }
  return dropShadowed(out);
}

/**
 * "20 percent of 10 customers": the percentage is the 20; "percent of 10" written after a
 * number is not a second one. A candidate that starts inside another is dropped.
 */
function dropShadowed(found: Candidate[]): Candidate[] {
  return found.filter((c) => !found.some((o) => o !== c && o.start < c.start && c.start < o.end));
}

/** Where a percentage's number may start: a run of digits, or the point or comma right before one (",08 %"). */
function numberStarts(text: string, digits: readonly number[]): number[] {
  const starts: number[] = [];
  for (const d of digits) {
    if (d > 0 && (text[d - 1] === '.' || text[d - 1] === ',')) starts.push(d - 1);
    starts.push(d);
  }
  return starts;
}

function isBadgeMinus(text: string, at: number): boolean {
  if (at < 0 || !/[-\u2010-\u2015\u2212]/.test(text[at])) return false;
  return at === 0 || /[\s(\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text[at - 1]);
}
