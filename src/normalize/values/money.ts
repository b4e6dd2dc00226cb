// Money: an amount with a currency sign, code or name before or after it ("$49.99", "49,99 zł",
// "75 millions de dollars", "2,5 Mio. USD", "c $ 1.34"), amounts in words ("sieben Euro",
// "five million yen"), minor units ("50 cents", "470 pence") and a minor part after the main
// one ("15 dollars 50", "zwei Euro fünfzig", "3 euros con 99 céntimos"), and ranges whose
// second (or first) end leaves the currency out: "$236–279", "10–20 zł". Scale words, names
// and number words come from the language's grammar (grammar/).
import { candidate, INVISIBLE, NOT_AFTER_WORD, RANGE_DASH, SPACES, type Candidate } from './candidate.js';
import { CURRENCY_AFTER_WORD, CURRENCY_BEFORE, CURRENCY_BEFORE_FIRST, CURRENCY_CODE, CODE_WORD_LIST, currencyCode, currencyNameAt, DOLLAR_SUFFIX, NAME_FIRST_WORDS, dollarSuffixCode, isCodeWord, needsScale, startsCurrencyName } from './currency.js';
import { centCurrency, MINOR_UNITS } from './grammar/currency-names.js';
import { numberLexicon } from './grammar/number-words.js';
import { caseless, scaleWords, type ScaleWords } from './grammar/units.js';
import { wordAmountAfter, wordAmountBefore } from './grammar/word-amount.js';
import { primaryLanguage } from '../language.js';
import { NUMBER, parseNumber } from './number.js';
import { digitRunStarts, matchesAt } from './scan.js';

// Hebrew copy often carries bidi marks between an amount and its sign.
const GAP = `${INVISIBLE}[${SPACES}]?${INVISIBLE}`;
// The amount must be read whole: never stop inside "49.999" or before a decimal part.
// German and Polish write whole amounts as "99,-" or "99,--".
const AMOUNT_END = String.raw`(?!\d|[.,]\d)(?:,(?:--?|\u2013))?`;
const LOOK_BACK = 40;
// How far before its first digit `before` may start: its lookahead reads 1 to 8 characters.
const SIGN_REACH = 8;
// A unit spelled in letters is not followed by one; "¢" may be (one lookaround for all, see currency.ts).
const MINOR_NAME = `(?:${MINOR_UNITS.map(([w]) => w)
  .sort((a, b) => b.length - a.length)
  .map(caseless)
  .join('|')})(?:(?<=¢)|(?![\\p{L}]))`;
const MINOR_BY_NAME = new Map(MINOR_UNITS.map(([w, code, factor]) => [w, { code, factor }]));
// The words (lower case) the loop over words in extractMoney reads on besides codes: a minor
// unit or a currency name's first word. One set lookup per word.
const NAMED_WORDS = new Set([...MINOR_UNITS.map(([w]) => w), ...NAME_FIRST_WORDS]);

/** FNV-1a of text[start, end), ASCII letters, in lower case: no slice of the text made. */
function asciiLowerHash(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (text.charCodeAt(i) | 0x20), 0x01000193);
  return hash >>> 0;
}
// The words of ASCII letters among NAMED_WORDS and the codes, as hashes of their lower case:
// a word of ASCII letters whose hash is not here is neither, and is passed over without
// being cut out of the text and lower-cased (most words of most copy).
const NAMED_ASCII_HASHES = new Set([...NAMED_WORDS, ...CODE_WORD_LIST].filter((w) => /^[A-Za-z]+$/.test(w)).map((w) => asciiLowerHash(w)));
const LETTER_RUN = /[\p{L}元¢]+/uy;
const isAsciiLetterCode = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * The words the amounts in words are looked for before: whole runs of letters (and 元, ¢)
 * right after a space or hyphen that are one of NAMED_WORDS in lower case, or a code. In
 * order; the same as testing every such run of the text (the test compares both).
 */
export function namedWords(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let i = 1; i < text.length; i++) {
    const before = text.charCodeAt(i - 1);
    if (before < 0x80 ? before !== 0x2d && before !== 0x20 && (before < 0x09 || before > 0x0d) : !/\s/.test(text[i - 1])) continue;
    if (isAsciiLetterCode(text.charCodeAt(i))) {
      let end = i + 1;
      while (end < text.length && isAsciiLetterCode(text.charCodeAt(end))) end++;
      // Followed by ASCII (no letter) or nothing, the ASCII letters are the whole run.
      if ((end === text.length || text.charCodeAt(end) < 0x80) && !NAMED_ASCII_HASHES.has(asciiLowerHash(text, i, end))) {
        i = end;
        continue;
      }
    }
    LETTER_RUN.lastIndex = i;
    const m = LETTER_RUN.exec(text);
    if (!m) continue;
    if (NAMED_WORDS.has(m[0].toLowerCase()) || isCodeWord(m[0])) out.push(m);
    i = m.index + m[0].length;
  }
  return out;
}

// Joiners between a main amount and its minor part, in every language read.
const JOINER = String.raw`(?:\s(?:and|und|en|y|con|et|i|a))?`;
const CLAUSE_END = String.raw`(?=\s*(?:$|[.,;:!?)\]]))`;
const AT_CLAUSE_END = new RegExp(`^${CLAUSE_END}`, 'u');
// Cheap guards before the range patterns: a dash right after (or before) the amount.
const DASH_NEXT = new RegExp(`^${INVISIBLE}\\s?${INVISIBLE}${RANGE_DASH}`, 'u');
const DASH_BEFORE = new RegExp(`${RANGE_DASH}${INVISIBLE}\\s?${INVISIBLE}$`, 'u');

// `before`, `after` and `minor` are sticky: they run only where they can start (scan.ts).
interface Patterns {
  scale: ScaleWords;
  /** 1 currency, 2 number, 3 scale, 4 letters after "$", 5 trailing code. */
  before: RegExp;
  /** 1 number, 2 scale, 3 "de"/"of", 4 currency (a sign, a code or any word: names are looked up). */
  after: RegExp;
  /** What may follow the currency: 1 letters after "$", 2 a scale after a code ("75 USD million"). */
  afterCurrency: RegExp;
  /** The other end of a range without its currency: 1 as written, 2 number, 3 scale. */
  rangeAfter: RegExp;
  rangeBefore: RegExp;
  /** Digits then a minor unit: 1 number, 2 unit. */
  minor: RegExp;
  /** A minor part after the main amount: 1 digits, 2 unit. */
  minorPart: RegExp;
  minorWords: RegExp;
}

const cache = new Map<string, Patterns>();

export function patterns(language: string): Patterns {
  const primary = primaryLanguage(language);
  const cached = cache.get(primary);
  if (cached) return cached;
  const scale = scaleWords(language);
  const SCALE = scale.source;
  const built: Patterns = {
    scale,
    before: new RegExp(
      // A digit within a few characters first: the signs and codes are tried only where an amount can follow.
      String.raw`(?=[^\d\n]{1,8}\d)(?<![\p{L}\p{N}])(${CURRENCY_BEFORE})${GAP}(${NUMBER})${AMOUNT_END}(?:${GAP}(${SCALE}))?(?:(${DOLLAR_SUFFIX})|${GAP}(${CURRENCY_CODE}))?`,
      'uy',
    ),
    after: new RegExp(String.raw`${NOT_AFTER_WORD}(${NUMBER})${AMOUNT_END}(?:${GAP}(${SCALE}))?(?:\s(de\s|d['’]|of\s)|${GAP})(${CURRENCY_AFTER_WORD})`, 'uy'),
    afterCurrency: new RegExp(String.raw`^(?:(${DOLLAR_SUFFIX})|${GAP}(${SCALE}))?(?![\p{L}\p{N}])`, 'u'),
    rangeAfter: new RegExp(String.raw`^${GAP}${RANGE_DASH}${GAP}((${NUMBER})${AMOUNT_END}(?:${GAP}(${SCALE}))?)(?![\p{L}\p{N}%$€£¥₪])`, 'u'),
    rangeBefore: new RegExp(String.raw`(?<![\p{L}\p{N}.,])((${NUMBER})${AMOUNT_END}(?:${GAP}(${SCALE}))?)${GAP}${RANGE_DASH}${GAP}$`, 'u'),
    minor: new RegExp(String.raw`${NOT_AFTER_WORD}(${NUMBER})${AMOUNT_END}(?:${GAP}|-)(${MINOR_NAME})`, 'uy'),
    minorPart: new RegExp(String.raw`^${JOINER}\s(\d{1,2})(?:\s(${MINOR_NAME})|${CLAUSE_END})`, 'u'),
    minorWords: new RegExp(String.raw`^${JOINER}(?=\s)`, 'u'),
  };
  cache.set(primary, built);
  return built;
}

function total(amount: number | undefined, factor: number, currency: string | undefined): string | undefined {
  if (amount === undefined || !currency) return undefined;
  const value = amount * factor;
  if (!Number.isFinite(value) || value >= 1e15) return undefined;
  // Money is two decimals; an amount below half a cent (satoshis) keeps its digits.
  if (value !== 0 && Math.abs(value) < 0.005) return `${value.toFixed(10).replace(/0+$/, '')} ${currency}`;
  return `${value.toFixed(2)} ${currency}`;
}

function moneyKey(written: string, scaleWritten: string | undefined, currency: string | undefined, language: string, scale: ScaleWords): string | undefined {
  const factor = scaleWritten ? scale.factor(scaleWritten.trim()) : 1;
  if (factor === undefined) return undefined;
  return total(parseNumber(written, language, { money: true }), factor, currency);
}

function minorOf(written: string): { code: string | undefined; factor: number } | undefined {
  return MINOR_BY_NAME.get(written) ?? MINOR_BY_NAME.get(written.toLowerCase());
}

export function extractMoney(text: string, language: string, digits = digitRunStarts(text)): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | undefined) => c && out.push(c);
  const p = patterns(language);
  const { scale } = p;

  // "15 dollars 50", "3 euros con 99 céntimos", "zwei Euro fünfzig": the minor part after a
  // main amount whose currency is written after it. Returns the candidate grown by it.
  const withMinorPart = (c: Candidate | undefined, amount: number, currency: string): Candidate | undefined => {
    if (!c || !/^\s/.test(text.slice(c.end, c.end + 1))) return c;
    const rest = text.slice(c.end, c.end + 60);
    const digits = p.minorPart.exec(rest);
    if (digits) {
      const unit = digits[2] ? minorOf(digits[2]) : undefined;
      if (!digits[2] || (unit && unit.factor === 0.01)) {
        return candidate('money', text, c.start, c.end + digits[0].length, total(amount + Number(digits[1]) / 100, 1, currency));
      }
    }
    const joiner = p.minorWords.exec(rest);
    if (joiner) {
      const words = wordAmountAfter(text, c.end + joiner[0].length, language);
      if (words && words.value < 100 && Number.isInteger(words.value)) {
        const unit = /^\s(\p{L}+)/u.exec(text.slice(words.end, words.end + 24));
        const minor = unit ? minorOf(unit[1]) : undefined;
        const end = minor ? words.end + unit![0].length : words.end;
        if (minor || AT_CLAUSE_END.test(text.slice(end, end + 4))) {
          return candidate('money', text, c.start, end, total(amount + words.value / 100, 1, currency));
        }
      }
    }
    return c;
  };

  // Every amount in digits starts a run of digits (`digits`); `after` and `minor` start at one.
  // In a range a scale written once counts for both ends: "$2-3 million", "5–10 mln zł".
  for (const m of matchesAt(text, p.before, signsBefore(text, digits))) {
    // Letters after "$" or a trailing code name the currency when both are written: "$10 CAD", "$ 5 c".
    const suffix = m[4] && /\$$/.test(m[1]) ? dollarSuffixCode(m[4]) : undefined;
    const trailing = m[5] ? currencyCode(m[5]) : undefined;
    const currency = suffix ?? trailing ?? currencyCode(m[1]);
    const cut = m.index + m[0].length - (m[4] && !suffix ? m[4].length : 0);
    const rest = trailing || suffix || !DASH_NEXT.test(text.slice(cut, cut + 4)) ? null : p.rangeAfter.exec(text.slice(cut, cut + LOOK_BACK));
    push(candidate('money', text, m.index, cut, moneyKey(m[2], m[3] ?? rest?.[3], currency, language, scale)));
    if (rest) {
      const end = cut + rest[0].length;
      push(candidate('money', text, end - rest[1].length, end, moneyKey(rest[2], rest[3], currency, language, scale)));
    }
  }
  for (const m of matchesAt(text, p.after, digits)) {
    const [, number, scaleBefore, connector] = m;
    // "75 millions de dollars": "de"/"of" only after a scale word.
    if (connector && !scaleBefore) continue;
    const at = m.index + m[0].length - m[4].length;
    // A word after the amount is a code or the start of a name, or not money at all.
    // Signs ("ש״ח", "€") and codes are looked up; a plain word may start a name.
    const code = isCodeWord(m[4]) || !/^\p{L}+$/u.test(m[4]) ? currencyCode(m[4]) : undefined;
    const isWord = !code && /^\p{L}/u.test(m[4]);
    if (isWord && !code && !startsCurrencyName(m[4].toLowerCase())) continue;
    const name = isWord && !code ? currencyNameAt(text, at) : undefined;
    if (isWord && !code && !name) continue;
    const written = name ? name.written : m[4];
    if (needsScale(written) && !scaleBefore) continue;
    const follows = p.afterCurrency.exec(text.slice(at + written.length, at + written.length + 24));
    if (!follows) continue;
    const [, dollarLetters, scaleAfter] = follows;
    const currency = (dollarLetters && written === '$' ? dollarSuffixCode(dollarLetters) : undefined) ?? name?.code ?? code;
    const scaleWritten = scaleBefore ?? scaleAfter;
    const end = at + written.length + follows[0].length;
    const key = moneyKey(number, scaleWritten, currency, language, scale);
    const amount = key === undefined ? undefined : Number(key.split(' ')[0]);
    const found = candidate('money', text, m.index, end, key);
    push(amount !== undefined && currency && !scaleWritten ? withMinorPart(found, amount, currency) : found);
    const from = Math.max(0, m.index - LOOK_BACK);
    const before = DASH_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index)) ? p.rangeBefore.exec(text.slice(from, m.index)) : null;
    // A match at the window's edge may have lost its leading digits.
    if (before && (before.index > 0 || from === 0)) {
      const at = from + before.index;
      push(candidate('money', text, at, at + before[1].length, moneyKey(before[2], before[3] ?? scaleWritten, currency, language, scale)));
    }
  }
  // "50 cents", "470 pence", "12-cent", "99 groszy".
  // Tried at each run of digits only: a scan of the whole text for any of the names first,
  // to skip texts with none, cost more than it saved (values of the bench's texts: -6%).
  for (const m of matchesAt(text, p.minor, digits)) {
    const unit = minorOf(m[2]);
    if (!unit) continue;
    push(candidate('money', text, m.index, m.index + m[0].length, total(parseNumber(m[1], language), unit.factor, unit.code ?? centCurrency(language))));
  }
  // Amounts in words: "sieben Euro", "five million yen", "cinco millones de yenes", "one penny".
  const lexicon = numberLexicon(primaryLanguage(language));
  // After a space or hyphen only: the amount in words stands before it.
  for (const m of namedWords(text)) {
    const word = m[0].toLowerCase();
    const minor = minorOf(word);
    // French "cent" is also the number hundred: "deux cent" is not two cents.
    if (minor && lexicon && word in lexicon.multipliers) continue;
    const name = minor ? undefined : currencyNameAt(text, m.index);
    const written = minor ? m[0] : (name?.written ?? m[0]);
    const currency = minor ? (minor.code ?? centCurrency(language)) : (name?.code ?? currencyCode(m[0]));
    if (!currency || (!minor && needsScale(written))) continue;
    const of = /\s(?:de|of)\s$/.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const words = wordAmountBefore(text, of ? m.index - of[0].length + 1 : m.index, language);
    if (!words) continue;
    if (of && words.value < 1000) continue;
    const end = m.index + written.length;
    if (/^[\p{L}\p{N}]/u.test(text.slice(end, end + 1))) continue;
    const found = candidate('money', text, words.start, end, total(words.value, minor?.factor ?? 1, currency));
    push(minor ? found : withMinorPart(found, words.value, currency));
  }
  return out;
}

/** Where a currency may stand before an amount: its first character, a few characters before a run of digits. */
function signsBefore(text: string, digits: readonly number[]): number[] {
  // A list, not a generator: it is asked for every text with digits, and resuming a
  // generator per place cost more than the list.
  const at: number[] = [];
  let from = 0;
  for (const d of digits) {
    for (let k = Math.max(from, d - SIGN_REACH); k < d; k++) if (CURRENCY_BEFORE_FIRST.has(text[k])) at.push(k);
    from = d;
  }
  return at;
}
