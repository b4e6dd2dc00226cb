// Currency signs, codes and names as written in copy, mapped to ISO 4217 codes. The names
// are the grammar's data (grammar/currency-names.ts); this file builds the patterns.
import { CURRENCY_NAMES } from './grammar/currency-names.js';
import { caseless } from './grammar/units.js';

/** Signs; longer ones first so "US$" is not read as "$". `$` alone means USD. */
const SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'], ['U$S', 'USD'], ['U$D', 'USD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['NZ$', 'NZD'], ['HK$', 'HKD'],
  ['S$', 'SGD'], ['R$', 'BRL'], ['MX$', 'MXN'], ['Mex$', 'MXN'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['円', 'JPY'], ['元', 'CNY'], ['₪', 'ILS'], ['₽', 'RUB'], ['₹', 'INR'], ['₩', 'KRW'],
  ['₺', 'TRY'], ['₴', 'UAH'], ['₡', 'CRC'], ['₾', 'GEL'], ['₭', 'LAK'], ['₿', 'BTC'], ['₫', 'VND'], ['₱', 'PHP'], ['₦', 'NGN'],
  ['zł', 'PLN'], ['Zł', 'PLN'], ['ZŁ', 'PLN'], ['Kč', 'CZK'],
  // Hebrew "shekel new" abbreviation, with gershayim folded to '"' or as written.
  // Writers without a Hebrew keyboard layout type two gereshes or two apostrophes.
  ['ש"ח', 'ILS'], ['ש״ח', 'ILS'], ["ש''ח", 'ILS'], ['ש׳׳ח', 'ILS'], ['ש’’ח', 'ILS'],
];

const CODES = [
  'USD', 'EUR', 'GBP', 'PLN', 'ILS', 'NIS', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'SEK', 'NOK', 'DKK', 'CZK', 'HUF', 'RON', 'BGN',
  'RUB', 'UAH', 'TRY', 'INR', 'CNY', 'RMB', 'KRW', 'BRL', 'MXN', 'ZAR', 'BTC', 'XBT',
];
const CODE_ALIASES: Record<string, string> = { NIS: 'ILS', RMB: 'CNY', XBT: 'BTC' };
/** Codes that are no word in any language the grammar reads, so they count in lower case too ("20 usd", "rmb 10"). */
const CODES_ANY_CASE = ['USD', 'EUR', 'GBP', 'RMB', 'CNY', 'JPY', 'CHF', 'CAD', 'AUD', 'PLN', 'BTC', 'HKD', 'NZD', 'MXN'];

/**
 * Country letters written onto a dollar sign, in any case: "usd$ 15", "mxn$", "c $ 1.34",
 * "hk $ 10". One letter with a space ("a $10", "s $5") is an ordinary word, so single letters
 * count only when written onto the sign, except "c" (Canadian copy writes "c $").
 */
const DOLLAR_PREFIXES: Record<string, string> = {
  us: 'USD', usd: 'USD', u: 'USD', c: 'CAD', ca: 'CAD', can: 'CAD', cad: 'CAD', a: 'AUD', au: 'AUD', aud: 'AUD', nz: 'NZD', nzd: 'NZD',
  hk: 'HKD', hkd: 'HKD', s: 'SGD', sg: 'SGD', sgd: 'SGD', r: 'BRL', mx: 'MXN', mex: 'MXN', mxn: 'MXN',
};
/** Letters after a dollar sign that name the dollar: "1,34 $ c", "millions de $ hk", "$CAD", "$ US". */
const DOLLAR_SUFFIXES: Record<string, string> = { c: 'CAD', ca: 'CAD', can: 'CAD', cad: 'CAD', us: 'USD', usd: 'USD', hk: 'HKD', au: 'AUD', aud: 'AUD', nz: 'NZD' };
/** Names that are also ordinary words ("10 livres" are ten books): money only after a scale word or with "sterling". */
const SCALED_ONLY = new Set(['livres', 'livre', 'libras', 'libra', 'pfund', 'pond', 'rand', 'franco', 'real']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// One lookaround after a whole alternation, not one after each alternative: V8 compiles a
// pattern with dozens of lookarounds in its alternatives very slowly (tens of ms), and
// "(?:a|b)(?!x)" matches exactly what "a(?!x)|b(?!x)" does.
// Codes are upper case only: "eur" or "usd" in running text is rare, "chf"-like words are not.
const codesSource = (codes: readonly string[]) => `(?:${codes.map((c) => (CODES_ANY_CASE.includes(c) ? caseless(c) : c)).join('|')})(?![\\p{L}])`;
// Letters after a sign would make it part of a word ("zł" in "złoto" is not a currency): a
// sign that ends with a letter (the character just read) is not followed by one.
const signsSource = (signs: readonly string[]) => `(?:${signs.map(escape).join('|')})(?:(?<![\\p{L}])|(?![\\p{L}]))`;
const byLength = (a: string, b: string) => b.length - a.length;

const NAME_CODES = new Map<string, string>();
for (const [code, names] of CURRENCY_NAMES) for (const name of names) if (!NAME_CODES.has(name)) NAME_CODES.set(name, code);

const prefixSource = (prefixes: string[]) => prefixes.sort(byLength).map(caseless).join('|');
/** "usd$", "Mex$", "c $" (regex source, no captures; case-insensitive letters). */
const PREFIXED_DOLLAR = String.raw`(?<![\p{L}])(?:(?:${prefixSource(Object.keys(DOLLAR_PREFIXES))})\$|(?:${prefixSource(
  Object.keys(DOLLAR_PREFIXES).filter((p) => p.length > 1 || p === 'c'),
)}) \$)`;
/** "$ c", "$CAD" after an amount's dollar sign (regex source, no captures). */
export const DOLLAR_SUFFIX = String.raw`\s?(?:${prefixSource(Object.keys(DOLLAR_SUFFIXES))})(?![\p{L}\p{N}'’])`;

/** ISO codes alone (regex source, no captures). */
export const CURRENCY_CODE = codesSource(CODES);

/**
 * The characters CURRENCY_BEFORE can start with, in either case: where none stands in the
 * few characters before a digit, no amount there has its currency before it.
 */
export const CURRENCY_BEFORE_FIRST: ReadonlySet<string> = new Set(
  [...Object.keys(DOLLAR_PREFIXES), ...SIGNS.map(([s]) => s), ...CODES].flatMap((w) => [w[0], w[0].toLowerCase(), w[0].toUpperCase()]),
);

/** Signs and codes that may stand before an amount (regex source, no captures, case-sensitive). */
export const CURRENCY_BEFORE = [PREFIXED_DOLLAR, signsSource(SIGNS.map(([s]) => s)), CURRENCY_CODE].join('|');

/** Names in any case, multi-word ones with any space (regex source, no captures), longest first. */
export const CURRENCY_NAME = [...NAME_CODES.keys()]
  .sort(byLength)
  .map((n) => `${caseless(n).replace(/ /g, '\\s')}(?![\\p{L}])`)
  .join('|');

const SIGNS_AFTER = signsSource(SIGNS.filter(([s]) => !s.endsWith('$') || s === '$').map(([s]) => s));

/** Signs, codes and names that may stand after an amount (regex source, no captures). */
export const CURRENCY_AFTER = [SIGNS_AFTER, CURRENCY_CODE, CURRENCY_NAME].join('|');

/**
 * Like CURRENCY_AFTER, but any word stands for a name (regex source, no captures): a pattern
 * tried at every amount stays cheap, and `currencyNameAt` then says whether the word (and the
 * words after it) name a currency.
 */
export const CURRENCY_AFTER_WORD = [SIGNS_AFTER, CURRENCY_CODE, String.raw`\p{L}[\p{L}'’-]*`].join('|');

// Names by their first word, longest first: "dollars canadiens" is tried before "dollars".
const NAMES_BY_FIRST_WORD = new Map<string, string[]>();
for (const name of [...NAME_CODES.keys()].sort(byLength)) {
  const first = /^[\p{L}]+|^./u.exec(name)![0];
  NAMES_BY_FIRST_WORD.set(first, [...(NAMES_BY_FIRST_WORD.get(first) ?? []), name]);
}
// Each name's pattern is built when first needed: most of the 300 never are in one run.
const NAME_PATTERNS = new Map<string, RegExp>();
const namePattern = (name: string): RegExp => {
  let pattern = NAME_PATTERNS.get(name);
  if (!pattern) NAME_PATTERNS.set(name, (pattern = new RegExp(`^${caseless(name).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'u')));
  return pattern;
};

/** Every first word of a currency name, lower case ("dollars", "u" of "u.s. dollars", "元"). */
export const NAME_FIRST_WORDS: readonly string[] = [...NAMES_BY_FIRST_WORD.keys()];

/** The currency name written at `at` (one or more words), the longest one; undefined when none. */
export function currencyNameAt(text: string, at: number): { end: number; code: string; written: string } | undefined {
  const first = /^[\p{L}]+|^[元¢]/u.exec(text.slice(at, at + 40))?.[0].toLowerCase();
  const names = first === undefined ? undefined : NAMES_BY_FIRST_WORD.get(first);
  if (!names) return undefined;
  for (const name of names) {
    const m = namePattern(name).exec(text.slice(at, at + name.length + 8));
    if (m) return { end: at + m[0].length, code: NAME_CODES.get(name)!, written: m[0] };
  }
  return undefined;
}

const CODE_WORDS = new Set([...CODES, ...CODES_ANY_CASE.map((c) => c.toLowerCase())]);
/** Every word isCodeWord takes. */
export const CODE_WORD_LIST: readonly string[] = [...CODE_WORDS];

/** Whether a word is an ISO code as copy writes it ("USD", "usd"; not "try"). Cheap: a set lookup. */
export function isCodeWord(written: string): boolean {
  return CODE_WORDS.has(written);
}

/** Whether a word (lower case) starts a currency name. */
export function startsCurrencyName(word: string): boolean {
  return NAMES_BY_FIRST_WORD.has(word);
}

/** The ISO 4217 code of a written sign, code or name; undefined when unknown. */
export function currencyCode(written: string): string | undefined {
  const w = written.trim().replace(/\s+/g, ' ');
  const sign = SIGNS.find(([s]) => s === w);
  if (sign) return sign[1];
  const upper = w.toUpperCase();
  if (CODES.includes(w) || (CODES_ANY_CASE.includes(upper) && CODES.includes(upper))) return CODE_ALIASES[upper] ?? upper;
  const lower = w.toLowerCase();
  const dollar = /^(\p{L}+) ?\$$/u.exec(lower);
  if (dollar) return DOLLAR_PREFIXES[dollar[1]];
  return NAME_CODES.get(lower);
}

/** The dollar named by letters after "$" ("c", "HK", "CAD"). */
export function dollarSuffixCode(written: string): string | undefined {
  return DOLLAR_SUFFIXES[written.trim().toLowerCase()];
}

/** Whether a currency name is also an ordinary word and needs a scale word before it. */
export function needsScale(written: string): boolean {
  return SCALED_ONLY.has(written.trim().toLowerCase());
}
