// Numbers as written in copy: thousands groups with , . space NBSP or narrow NBSP, and a
// decimal part after , or . — read per language where the separator alone is ambiguous.

/** Space-like thousands separators: space, NBSP, narrow NBSP (the caller usually folds them). */
const SPACES = ' \\u00A0\\u202F';

/**
 * A number with optional thousands groups and decimals, as a regex source (no captures).
 * Grouped numbers come first so that "1,299.00" is read whole; an ungrouped number may
 * carry any number of decimals ("3.14159"). At most six groups (10^21): an unbounded
 * repeat makes "111 111 111 …" quadratic for patterns that fail after the number.
 */
export const NUMBER = String.raw`\d{1,3}(?:[,.${SPACES}]\d{3}){1,6}(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;

/** Like NUMBER but without space-grouping: "Top 3 100% cotton" is not 3100%. */
export const NUMBER_NO_SPACE = String.raw`\d{1,3}(?:[,.]\d{3}){1,6}(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;

export function primaryLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0];
}

export interface ParseOptions {
  /**
   * Money never has three decimals, so a lone separator followed by exactly three digits
   * ("$1.299", "1,299 zł") is a thousands separator whatever the language.
   */
  money?: boolean;
}

/** The value of a written number, or undefined when it is not one. */
export function parseNumber(written: string, language: string, options: ParseOptions = {}): number | undefined {
  const raw = written.replace(/[ \u00A0\u202F]/g, '');
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
    // "1.299" is 1.299 in English prose and 1299 in Polish or German; "1,299" is 1299 in
    // English and, by the same rule of three digits, 1299 elsewhere (a comma decimal with
    // three places is rare in copy).
    const grouped =
      pieces.length > 2 ||
      (tail.length === 3 && (options.money || separator === ',' || primaryLanguage(language) !== 'en'));
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
