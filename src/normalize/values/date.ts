// Dates in English, Polish and Hebrew copy, resolved to ISO days. A date without a year
// takes the campaign's year; numeric day/month order follows the language (SPEC.md §7).

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'stycznia', 'styczeń', 'styczen', 'ינואר'],
  ['february', 'feb', 'lutego', 'luty', 'פברואר'],
  ['march', 'mar', 'marca', 'marzec', 'מרץ', 'מרס'],
  ['april', 'apr', 'kwietnia', 'kwiecień', 'kwiecien', 'אפריל'],
  ['may', 'maja', 'maj', 'מאי'],
  ['june', 'jun', 'czerwca', 'czerwiec', 'יוני'],
  ['july', 'jul', 'lipca', 'lipiec', 'יולי'],
  ['august', 'aug', 'sierpnia', 'sierpień', 'sierpien', 'אוגוסט'],
  ['september', 'sep', 'sept', 'września', 'wrzesień', 'wrzesien', 'ספטמבר'],
  ['october', 'oct', 'października', 'październik', 'pazdziernik', 'אוקטובר'],
  ['november', 'nov', 'listopada', 'listopad', 'נובמבר'],
  ['december', 'dec', 'grudnia', 'grudzień', 'grudzien', 'דצמבר'],
];

const MONTH_BY_NAME = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const NAMES = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
// Hebrew writes "30 בנובמבר": the month takes the prefix ב.
const MONTH = String.raw`(?<![\p{L}])(?:ב)?(${NAMES})\.?(?![\p{L}])`;

export const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray, language: string) => [number | undefined, number, number] | undefined }> = [
  { re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/gu, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    // April 30, 2026 / Thursday, September 13, 2018 / Apr 30th / Nov. 30
    re: new RegExp(String.raw`(?:${WEEKDAY})?${MONTH}\s+(\d{1,2})${ORDINAL}(?![\d\p{L}])(?:,?\s+(\d{4})(?!\d))?`, 'giu'),
    read: (m) => [m[3] ? Number(m[3]) : undefined, MONTH_BY_NAME.get(m[1].toLowerCase())!, Number(m[2])],
  },
  {
    // 30 April 2026 / 30th of April / 30 listopada 2026 / 30 בנובמבר 2026
    re: new RegExp(String.raw`(?<![\d.,])(\d{1,2})${ORDINAL}\.?\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4})(?!\d))?`, 'giu'),
    read: (m) => [m[3] ? Number(m[3]) : undefined, MONTH_BY_NAME.get(m[2].toLowerCase())!, Number(m[1])],
  },
  {
    // 30.11.2026, 30/11/2026, 4/30/2026, 30/11 (no year: slash only, "2.5" is a number)
    re: /(?<![\d.,/:$€£])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|[.,]\d)/gu,
    read: (m, language) => {
      // "24/7" is availability, not the 24th of July.
      if (!m[4] && (m[2] !== '/' || m[0] === '24/7')) return undefined;
      const [a, b] = [Number(m[1]), Number(m[3])];
      const year = m[4] ? (m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4])) : undefined;
      const monthFirst = language.toLowerCase() === 'en-us';
      if (a > 12 && b <= 12) return [year, b, a];
      if (b > 12 && a <= 12) return [year, a, b];
      return monthFirst ? [year, a, b] : [year, b, a];
    },
  },
];

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
