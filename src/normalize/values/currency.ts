// Currency signs, codes and names as written in copy, mapped to ISO 4217 codes.

/** Signs; longer ones first so "US$" is not read as "$". `$` alone means USD. */
const SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['S$', 'SGD'], ['R$', 'BRL'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['円', 'JPY'], ['₪', 'ILS'], ['₽', 'RUB'], ['₹', 'INR'], ['₩', 'KRW'], ['₺', 'TRY'], ['₴', 'UAH'],
  ['zł', 'PLN'], ['Zł', 'PLN'], ['ZŁ', 'PLN'],
  // Hebrew "shekel new" abbreviation, with gershayim folded to '"' or as written.
  // Writers without a Hebrew keyboard layout type two gereshes or two apostrophes.
  ['ש"ח', 'ILS'], ['ש״ח', 'ILS'], ["ש''ח", 'ILS'], ['ש׳׳ח', 'ILS'], ['ש’’ח', 'ILS'],
];

const CODES = ['USD', 'EUR', 'GBP', 'PLN', 'ILS', 'NIS', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'SEK', 'NOK', 'DKK', 'CZK', 'HUF', 'RON', 'BGN', 'RUB', 'UAH', 'TRY', 'INR', 'CNY', 'KRW', 'BRL', 'MXN', 'ZAR'];

/** Names written after an amount ("49.99 dollars", "10 Euro", "199 złotych"). */
const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['dollars', 'USD'], ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'], ['pound', 'GBP'],
  ['złotych', 'PLN'], ['złote', 'PLN'], ['złoty', 'PLN'], ['zlotych', 'PLN'], ['zl', 'PLN'],
  ['shekels', 'ILS'], ['shekel', 'ILS'], ['שקלים', 'ILS'], ['שקל', 'ILS'], ['שח', 'ILS'], ['franken', 'CHF'], ['francs', 'CHF'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Codes are upper case only: "eur" or "usd" in running text is rare, "chf"-like words are not.
const codeSource = (c: string) => `${c}(?![\\p{L}])`;
// Letters after a sign would make it part of a word ("zł" in "złoto" is not a currency).
const signSource = (s: string) => (/\p{L}$/u.test(s) ? `${escape(s)}(?![\\p{L}])` : escape(s));

/** ISO codes alone (regex source, no captures). */
export const CURRENCY_CODE = CODES.map(codeSource).join('|');

/** Signs and codes that may stand before an amount (regex source, no captures, case-sensitive). */
export const CURRENCY_BEFORE = [...SIGNS.map(([s]) => signSource(s)), ...CODES.map(codeSource)].join('|');

/** Signs, codes and names that may stand after an amount (regex source, no captures). */
export const CURRENCY_AFTER = [
  ...SIGNS.filter(([s]) => !s.endsWith('$') || s === '$').map(([s]) => signSource(s)),
  ...CODES.map(codeSource),
  // Names are matched case-insensitively through an explicit class per letter, so the
  // surrounding pattern can stay case-sensitive for codes.
  ...NAMES.map(([n]) => `${caseless(n)}(?![\\p{L}])`),
].join('|');

function caseless(word: string): string {
  return [...word].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? escape(ch) : `[${ch.toLowerCase()}${ch.toUpperCase()}]`)).join('');
}

/** The ISO 4217 code of a written sign, code or name; undefined when unknown. */
export function currencyCode(written: string): string | undefined {
  const w = written.trim();
  const sign = SIGNS.find(([s]) => s === w);
  if (sign) return sign[1];
  if (CODES.includes(w)) return w === 'NIS' ? 'ILS' : w;
  const lower = w.toLowerCase();
  return NAMES.find(([n]) => n === lower)?.[1];
}
