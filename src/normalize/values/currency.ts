// Currency signs and names as written in copy, mapped to ISO 4217 codes.

const SIGNS: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₪', 'ILS'], ['zł', 'PLN'], ['ש"ח', 'ILS'], ['₽', 'RUB'], ['₹', 'INR'],
];
const CODES = ['USD', 'EUR', 'GBP', 'PLN', 'ILS', 'NIS', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'CZK', 'HUF', 'RUB', 'INR'];
const NAMES: ReadonlyArray<[string, string]> = [
  ['dollars', 'USD'], ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'], ['złotych', 'PLN'], ['złote', 'PLN'], ['złoty', 'PLN'], ['zlotych', 'PLN'], ['shekels', 'ILS'], ['shekel', 'ILS'], ['שקלים', 'ILS'], ['שקל', 'ILS'], ['Euro', 'EUR'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs and codes that may stand before an amount. */
export const CURRENCY_BEFORE = [
  ...SIGNS.map(([s]) => escape(s)),
  ...CODES.map((c) => `${c}(?![\\p{L}])`),
].join('|');

/** Signs, codes and names that may stand after an amount. */
export const CURRENCY_AFTER = [
  ...SIGNS.filter(([s]) => s !== 'US$').map(([s]) => escape(s)),
  ...CODES.map((c) => `${c}(?![\\p{L}])`),
  ...NAMES.map(([n]) => `${escape(n)}(?![\\p{L}])`),
].join('|');

export function currencyCode(written: string): string | undefined {
  const w = written.trim();
  const sign = SIGNS.find(([s]) => s === w);
  if (sign) return sign[1];
  const upper = w.toUpperCase();
  if (CODES.includes(upper)) return upper === 'NIS' ? 'ILS' : upper;
  return NAMES.find(([n]) => n.toLowerCase() === w.toLowerCase())?.[1];
}
