// Numbers as written in copy: thousands groups with , . space NBSP or narrow NBSP, and a
// decimal part after , or . — read per language where the separator alone is ambiguous.

/** A number with optional thousands groups and decimals, as a regex source (no captures). */
export const NUMBER = String.raw`\d{1,3}(?:[,. \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;

function primary(language: string): string {
  return language.toLowerCase().split('-')[0];
}

/** The value of a written number, or undefined when it is not one. */
export function parseNumber(written: string, language: string): number | undefined {
  const raw = written.replace(/[ \u00A0\u202F]/g, '');
  if (!/^\d[\d.,]*$/.test(raw)) return undefined;
  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one is the decimal separator.
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalized = raw.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const pieces = raw.split(sep);
    const tail = pieces[pieces.length - 1];
    const grouped = pieces.length > 2 || (tail.length === 3 && !(sep === '.' && primary(language) === 'en'));
    normalized = grouped ? pieces.join('') : `${pieces.slice(0, -1).join('')}.${tail}`;
  } else {
    normalized = raw;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** Canonical text of a number: no trailing zeros, no exponent. */
export function numberKey(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English number words up to one hundred: "thirty", "twenty-five", "one hundred". */
export const NUMBER_WORDS = String.raw`(?:one hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;

export function parseNumberWords(words: string): number | undefined {
  const w = words.toLowerCase().replace(/-/g, ' ').trim();
  if (w === 'one hundred') return 100;
  const [first, second] = w.split(/\s+/);
  const unit = EN_UNITS.indexOf(first);
  if (unit >= 0 && !second) return unit;
  const tens = EN_TENS.indexOf(first);
  if (tens < 2) return undefined;
  if (!second) return tens * 10;
  const ones = EN_UNITS.indexOf(second);
  return ones > 0 && ones < 10 ? tens * 10 + ones : undefined;
}
