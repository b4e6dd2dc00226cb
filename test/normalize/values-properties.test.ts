// Properties of value extraction over generated input, and its cost on long hostile text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/normalize/fold.js';
import { negationCues, sentencePolarity } from '../../src/normalize/negation.js';
import { extractValues, factKey, type Value } from '../../src/normalize/values/index.js';
import { mayHaveUrl, URL_RE } from '../../src/normalize/values/url.js';
import { CODE_TOKEN, codeCandidates } from '../../src/normalize/values/code.js';

const LANGUAGES = ['en', 'en-US', 'pl', 'he', 'de', 'it', 'xx'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Text made of the pieces values are made of, so the generator reaches the extractors.
const valueish = fc
  .array(
    fc.constantFrom(
      ...['$', '€', 'zł', 'USD', ' ', '  ', '\u00A0', '\u202F', '\u200F', '%', '-', '–', '.', ',', '/', ':', '#', '@', 'www.', 'http://', '.com', '/x'],
      ...['April', 'may', 'listopada', 'בנובמבר', 'ה-', 'was', 'zamiast', 'percent', 'SPRING', 'p.m.', 'AM', 'k', 'million', 'ש"ח', 'ש״ח'],
      ...['0', '1', '12', '30', '2026', '999', '1 299', ',-', 'th', ' of ', 'Thursday, '],
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

const KEY_SHAPE: Record<Value['type'], RegExp> = {
  money: /^\d+\.\d\d [A-Z]{3}$/,
  percent: /^\d+(?:\.\d+)?$/,
  number: /^\d+(?:\.\d+)?$/,
  date: /^\d{4}-\d\d-\d\d$/,
  code: /^[A-Z0-9]{5,20}$/,
  url: /^[^/\s]+\.[^/\s]+(?:\/\S*)?$/,
};

function checkOffsets(text: string, language: string): void {
  const values = extractValues(text, { language, year: 2026 });
  let end = 0;
  for (const v of values) {
    expect(text.slice(v.start, v.end)).toBe(v.raw);
    expect(v.raw.trim()).toBe(v.raw);
    expect(v.start).toBeGreaterThanOrEqual(end);
    expect(v.end).toBeGreaterThan(v.start);
    expect(v.key).toMatch(KEY_SHAPE[v.type]);
    end = v.end;
  }
}

describe('extractValues properties', () => {
  it('gives one key for one amount written as $X, X USD, USD X and X dollars', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), (cents, grouped) => {
        const amount = (cents / 100).toFixed(2);
        const written = grouped ? Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 }) : amount;
        const keys = [`$${written}`, `${written} USD`, `USD ${written}`, `${written} dollars`].map((form) => {
          const values = extractValues(`Now only ${form} today`, { language: 'en' });
          expect(values).toHaveLength(1);
          return values[0].key;
        });
        expect(new Set(keys)).toEqual(new Set([`${amount} USD`]));
        expect(factKey('money', `${amount} USD`, { language: 'en' })).toBe(`${amount} USD`);
      }),
    );
  });

  it('gives one key for one date written as ISO, "Month D, YYYY" and "D Month YYYY"', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const forms = [iso, `${MONTHS[m - 1]} ${d}, ${y}`, `${d} ${MONTHS[m - 1]} ${y}`];
        for (const form of forms) {
          const values = extractValues(`Sale ends ${form}.`, { language: 'en' });
          expect(values.map((v) => [v.type, v.key])).toEqual([['date', iso]]);
        }
      }),
    );
  });

  it('never throws and keeps exact, ordered, non-overlapping offsets on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(...LANGUAGES), (text, language) => checkOffsets(text, language)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...LANGUAGES), (text, language) => checkOffsets(text, language)),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps exact offsets on text built from value pieces', () => {
    fc.assert(
      fc.property(valueish, fc.constantFrom(...LANGUAGES), (text, language) => checkOffsets(text, language)),
      { numRuns: 1000 },
    );
  });
});

// Formatting variants of one value in English, Polish and Hebrew copy, with the separators,
// spaces and invisible marks real copy carries. Each variant is read as written and folded.
const MARKS = ['', '\u200E', '\u200F', '\u061C', '\u2066', '\u2069'];
const SPACE_LIKE = [' ', '\u00A0', '\u202F', '\u2009'];
const PL_MONTHS = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'];
const HE_MONTHS = ['ינואר', 'פברואר', 'מרץ', 'אפריל', 'מאי', 'יוני', 'יולי', 'אוגוסט', 'ספטמבר', 'אוקטובר', 'נובמבר', 'דצמבר'];
const CONTEXT: Record<string, (value: string) => string> = {
  en: (v) => `Now only ${v} today`,
  'en-US': (v) => `Sale price ${v} this week`,
  pl: (v) => `Teraz tylko ${v} na wszystko`,
  he: (v) => `עכשיו רק ${v} לזוג`,
};

/** Groups the integer part with `separator` every three digits. */
function group(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function keysOf(text: string, language: string, type: Value['type'], year?: number): string[] {
  const read = (t: string) => extractValues(t, { language, year }).filter((v) => v.type === type).map((v) => v.key);
  const raw = read(text);
  expect(read(foldText(text).text), `folded: ${JSON.stringify(text)}`).toEqual(raw);
  return raw;
}

describe('formatting variants in en, pl and he parse to one key', () => {
  const pick = <T,>(items: readonly T[]) => fc.constantFrom(...items);

  it('money', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.boolean(),
        pick(['', ',', ...SPACE_LIKE]),
        pick(['', '.', ...SPACE_LIKE]),
        pick(MARKS),
        pick(SPACE_LIKE),
        (cents, whole, enSep, plSep, mark, gap) => {
          const units = Math.floor(cents / 100);
          const fraction = whole ? '' : String(cents % 100).padStart(2, '0');
          const en = group(units, enSep) + (fraction ? `.${fraction}` : '');
          const pl = group(units, plSep) + (fraction ? `,${fraction}` : '');
          const amount = (whole ? units : cents / 100).toFixed(2);
          const forms: Array<[string, string, string]> = [
            ['en', `$${en}`, 'USD'], ['en', `USD${gap}${en}`, 'USD'], ['en', `${en}${gap}USD`, 'USD'], ['en', `US$${en}`, 'USD'],
            ['en', `£${en}`, 'GBP'], ['en', `€${mark}${en}`, 'EUR'],
            ['pl', `${pl}${gap}zł`, 'PLN'], ['pl', `${pl}${gap}PLN`, 'PLN'], ['pl', `zł${gap}${pl}`, 'PLN'], ['pl', `${pl}${gap}€`, 'EUR'], ['pl', `€${gap}${pl}`, 'EUR'],
            ['he', `₪${mark}${en}`, 'ILS'], ['he', `${mark}${en}${mark}${gap}₪`, 'ILS'], ['he', `${en}${gap}ש״ח`, 'ILS'], ['he', `${en} ש"ח`, 'ILS'],
            ['he', `${en} שקלים`, 'ILS'], ['he', `ILS${gap}${en}`, 'ILS'], ['he', `ב-${en} ש״ח`, 'ILS'],
          ];
          for (const [language, form, currency] of forms) {
            expect(keysOf(CONTEXT[language](form), language, 'money'), `${language} ${JSON.stringify(form)}`).toEqual([`${amount} ${currency}`]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.boolean(), pick(MARKS), pick(SPACE_LIKE), (whole, half, mark, gap) => {
        const [en, pl] = half ? [`${whole}.5`, `${whole},5`] : [String(whole), String(whole)];
        const key = half ? `${whole}.5` : String(whole);
        const forms: Array<[string, string]> = [
          ['en', `${en}%`], ['en', `${en}${gap}%`], ['en', `${en} percent`], ['en', `-${en}%`], ['en', `${mark}${en}%${mark}`],
          ['pl', `${pl}%`], ['pl', `${pl}${gap}%`], ['pl', `${pl} procent`], ['pl', `${pl} proc.`], ['pl', `-${pl}%`],
          ['he', `${en}%`], ['he', `${mark}${en}%${mark}`], ['he', `%${en}`], ['he', `${en} אחוז`], ['he', `${en} אחוזים`], ['he', `ב-${en}%`],
        ];
        for (const [language, form] of forms) {
          expect(keysOf(CONTEXT[language](form), language, 'percent'), `${language} ${JSON.stringify(form)}`).toEqual([key]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('dates, the year from options when absent', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), pick(MARKS), (date, mark) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const [mm, dd] = [String(m).padStart(2, '0'), String(d).padStart(2, '0')];
        const iso = `${y}-${mm}-${dd}`;
        const forms: Array<[string, string, number?]> = [
          ['en', `${MONTHS[m - 1]} ${d}, ${y}`], ['en', `${d} ${MONTHS[m - 1]} ${y}`], ['en', `${MONTHS[m - 1].slice(0, 3)} ${d}th`, y], ['en', iso],
          ['en', `${d}/${m}/${y}`], ['en-US', `${m}/${d}/${y}`],
          ['pl', `${d} ${PL_MONTHS[m - 1]} ${y}`], ['pl', `${d} ${PL_MONTHS[m - 1]}`, y], ['pl', `${dd}.${mm}.${y}`], ['pl', `${dd}.${mm}.`, y], ['pl', `${d}/${m}`, y],
          ['he', `${d} ב${HE_MONTHS[m - 1]} ${y}`], ['he', `${mark}${dd}.${mm}.${y}${mark}`], ['he', `${d}/${m}/${y}`], ['he', `ה-${d} ל${HE_MONTHS[m - 1]}`, y],
        ];
        for (const [language, form, year] of forms) {
          // Without a year, "1/2" is a fraction and "24/7" availability, by design.
          if (form === `${d}/${m}` && ((d < 10 && m < 10) || form === '24/7')) continue;
          expect(keysOf(`Oferta do ${form} włącznie`, language, 'date', year), `${language} ${JSON.stringify(form)}`).toEqual([iso]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('numbers with locale separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_999_999 }), fc.integer({ min: 1, max: 99 }), pick(SPACE_LIKE), (whole, decimals, space) => {
        const fraction = String(decimals).padStart(2, '0');
        const key = `${whole}.${fraction}`.replace(/\.?0+$/, '');
        const forms: Array<[string, string]> = [
          ['en', `${group(whole, ',')}.${fraction}`], ['he', `${group(whole, ',')}.${fraction}`],
          ['pl', `${group(whole, space)},${fraction}`], ['pl', `${group(whole, '.')},${fraction}`], ['en', `${group(whole, space)}.${fraction}`],
        ];
        for (const [language, form] of forms) {
          expect(keysOf(`ponad ${form} km`, language, 'number'), `${language} ${JSON.stringify(form)}`).toEqual([key]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Right-to-left text, bidi controls, digits, separators and signs mixed at random.
const rtlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'אבגדהוזחטיכלמנסעפצקרשתךםןףץ'.split(''), '\u05F3', '\u05F4', '\u05BE', '\u05B8', '\u05BC'),
      fc.constantFrom('\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\uFEFF'),
      fc.constantFrom('0', '1', '2', '3', '9', '٣', '۵', '.', ',', ' ', '\u00A0', '\u202F', '\u2009', '-', '/', '%', '₪', 'ש"ח', 'לא', 'ולא', 'אל', 'ת', 'zł', 'nie', "n't", 'no'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));

describe('no input throws', () => {
  it('extraction and polarity on right-to-left text with bidi marks and digits', () => {
    fc.assert(
      fc.property(rtlish, fc.constantFrom('he', 'pl', 'en', 'en-US', 'xx', ''), (text, language) => {
        checkOffsets(text, language || 'en');
        checkOffsets(foldText(text).text, language || 'en');
        expect(['negated', 'affirmative']).toContain(sentencePolarity(text, language));
        const words = text.split(/\s+/);
        expect(negationCues(words, language)).toHaveLength(words.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('extractValues cost', () => {
  // Shapes that make careless patterns backtrack: long digit runs, long separator chains,
  // repeated month names and cues, long URL-like tokens. 200 KB each must stay fast.
  const hostile = [
    '1'.repeat(200_000),
    '111 '.repeat(50_000),
    '1,'.repeat(100_000),
    '1.1.'.repeat(50_000),
    'a.'.repeat(100_000),
    'www.'.repeat(50_000),
    '$1-'.repeat(60_000),
    '1-'.repeat(100_000),
    'April '.repeat(30_000),
    'was '.repeat(50_000) + '$5',
    '% '.repeat(100_000),
    'ABC1'.repeat(50_000),
  ];
  for (const text of hostile) {
    // A backtracking pattern would not finish within the test timeout; the cost itself is benchmarked.
    it(`reads hostile input ${JSON.stringify(text.slice(0, 8))}… to the end`, () => {
      const values = extractValues(text, { language: 'en', year: 2026 });
      expect(values.length).toBeLessThanOrEqual(text.length);
    });
  }

  it('reads a megabyte of realistic copy whole: every value of every sentence', () => {
    const sentence = 'Save 20% now: Pro for $49.99 (was $59.99) until March 3, 2027 with SPRING30 at runfast.example/spring — over 1,200 stores. ';
    const text = sentence.repeat(8_000);
    const values = extractValues(text, { language: 'en' });
    expect(values).toHaveLength(7 * 8_000);
  });
});

describe('the URL gate', () => {
  // Hosts, schemes and the characters that fold into ASCII letters when case is ignored the
  // Unicode way (ſ is s, K is k), in every order.
  const hostish = fc
    .array(fc.constantFrom('a', 'Z', '0', '-', '.', '/', ':', '//', 'www', 'WWW', 'w', 'ſ', '\u212A', 'é', ' ', 'com', 'DE', 'example', 'x.y', 'http', 'https'), { maxLength: 30 })
    .map((pieces) => pieces.join(''));

  it('never skips a text in which the URL pattern finds a match', () => {
    fc.assert(
      fc.property(fc.oneof(hostish, valueish), (text) => {
        URL_RE.lastIndex = 0;
        if (URL_RE.test(text)) expect(mayHaveUrl(text)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('skips prose whose full stops end sentences', () => {
    expect(mayHaveUrl('Free shipping over $50. Returns within 30 days. Ask us!')).toBe(false);
    expect(mayHaveUrl('See acme.example/pricing.')).toBe(true);
  });
});

describe('code candidates', () => {
  const codeish = fc
    .array(fc.constantFrom('SPRING30', 'spring30', 'iPhone15', 'SALE', 'Sale', 'sale', 'A1', '2026', 'x', ' ', '-', '.', '/', '#', '@', '_', 'é', 'ß', 'ſ', '\u212A', 'Ab12', 'ZWEP6227F', 'aaaaaaaaaaaaaaaaaaaaaa1'), { maxLength: 25 })
    .map((pieces) => pieces.join(''));

  // SPEC §7 and code.ts: a token of the pattern, with a letter, and a digit (not a product
  // name like "iPhone15") or else all in capitals.
  const byDefinition = (text: string) =>
    [...text.matchAll(CODE_TOKEN)]
      .map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }))
      .filter(({ raw }) => /[A-Za-z]/.test(raw) && (/\d/.test(raw) ? !(/^[a-z]/.test(raw) && /[A-Z]/.test(raw)) : raw === raw.toUpperCase()));

  it('finds every code-shaped token the pattern finds anywhere, trying only runs that can be one', () => {
    fc.assert(
      fc.property(fc.oneof(codeish, valueish), (text) => {
        expect(codeCandidates(text)).toEqual(byDefinition(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
