// Value extraction, one labelled case per written form: input, language, and the values
// expected in order as [type, key] (reference prices marked with a third element).
import { describe, expect, it } from 'vitest';
import { extractValues, type Value } from '../../src/normalize/values/index.js';

type Expected = [Value['type'], string] | [Value['type'], string, 'reference'];
interface Case {
  label: string;
  text: string;
  language?: string;
  year?: number;
  values: Expected[];
}

const cases: Case[] = [
  // Money, currency before.
  { label: 'dollar sign', text: 'Go Pro for $49.99 a month', values: [['money', '49.99 USD']] },
  { label: 'dollar sign and space', text: 'only $ 49.99', values: [['money', '49.99 USD']] },
  { label: 'ISO code before', text: 'USD 49.99 per seat', values: [['money', '49.99 USD']] },
  { label: 'US$', text: 'now US$49.99', values: [['money', '49.99 USD']] },
  { label: 'euro sign before', text: 'Ab €49.90', language: 'de', values: [['money', '49.90 EUR']] },
  { label: 'pound', text: 'Tablets From £5.29', values: [['money', '5.29 GBP']] },
  { label: 'shekel sign before', text: 'רק ₪49.90', language: 'he', values: [['money', '49.90 ILS']] },
  { label: 'yen without decimals', text: 'only ¥1200', values: [['money', '1200.00 JPY']] },
  { label: 'CHF code', text: 'Gutschein CHF 20', language: 'de', values: [['money', '20.00 CHF']] },
  { label: 'złoty sign before', text: 'tylko zł 49,99', language: 'pl', values: [['money', '49.99 PLN']] },
  { label: 'sign and code together', text: 'from $10 CAD', values: [['money', '10.00 CAD']] },
  { label: 'whole dollars', text: 'New York $399', values: [['money', '399.00 USD']] },
  { label: 'thousands with comma', text: 'MacBook $1,299.00', values: [['money', '1299.00 USD']] },
  { label: 'three decimals in money are thousands', text: 'only $1.299', values: [['money', '1299.00 USD']] },
  { label: 'million', text: 'a $5 million fund', values: [['money', '5000000.00 USD']] },
  { label: 'capitalised Million and glued k', text: 'Be Charitable $1 Million, win $5k', values: [['money', '1000000.00 USD'], ['money', '5000.00 USD']] },
  { label: 'bidi mark between sign and amount', text: 'רק ₪\u200F49.90', language: 'he', values: [['money', '49.90 ILS']] },
  { label: 'leading zero is not a thousands group', text: 'tylko 0,299 zł', language: 'pl', values: [['money', '0.30 PLN']] },
  // Money, currency after.
  { label: 'ISO code after', text: 'Pro: 49.99 USD', values: [['money', '49.99 USD']] },
  { label: 'dollars word', text: 'just 49.99 dollars', values: [['money', '49.99 USD']] },
  { label: 'comma decimal euro after', text: 'nur 49,90 €', language: 'de', values: [['money', '49.90 EUR']] },
  { label: 'comma decimal euro glued', text: 'Tickets 12,99€', language: 'en', values: [['money', '12.99 EUR']] },
  { label: 'whole euros glued', text: 'FREE SHIPPING ON ORDER OVER 55€', values: [['money', '55.00 EUR']] },
  { label: 'thousands with space, comma decimal', text: 'Cena 1 299,00 zł', language: 'pl', values: [['money', '1299.00 PLN']] },
  { label: 'thousands with NBSP', text: 'Cena 1\u00A0299,00\u00A0zł', language: 'pl', values: [['money', '1299.00 PLN']] },
  { label: 'thousands with narrow NBSP', text: 'Cena 1\u202F299 zł', language: 'pl', values: [['money', '1299.00 PLN']] },
  { label: 'PLN code after', text: 'Cena: 49,99 PLN', language: 'pl', values: [['money', '49.99 PLN']] },
  { label: 'Polish dot thousands', text: 'Laptop za 1.299 zł', language: 'pl', values: [['money', '1299.00 PLN']] },
  { label: 'German euro word', text: '123.042 Euro pro Jahr', language: 'de', values: [['money', '123042.00 EUR']] },
  { label: 'both separators, comma decimal', text: 'Preis 1.299,00 €', language: 'de', values: [['money', '1299.00 EUR']] },
  { label: 'shekel abbreviation folded', text: 'רק 49.90 ש"ח', language: 'he', values: [['money', '49.90 ILS']] },
  { label: 'shekel abbreviation with gershayim', text: 'רק 49.90 ש״ח', language: 'he', values: [['money', '49.90 ILS']] },
  { label: 'whole euros written with ,-', text: 'nur 79,- € oder € 49,--', language: 'de', values: [['money', '79.00 EUR'], ['money', '49.00 EUR']] },
  { label: 'Hebrew prefix before an amount', text: '2 ב-100 ₪', language: 'he', values: [['number', '2'], ['money', '100.00 ILS']] },
  { label: 'upper-case ZŁ on a banner', text: 'TYLKO 99 ZŁ', language: 'pl', values: [['money', '99.00 PLN']] },
  // Money ranges.
  { label: 'range with both signs', text: 'Phoenix to Anchorage $236-$279 r/t', values: [['money', '236.00 USD'], ['money', '279.00 USD']] },
  { label: 'range with one sign and en dash', text: 'fares $236–279', values: [['money', '236.00 USD'], ['money', '279.00 USD']] },
  { label: 'range with currency after', text: 'od 10-20 zł', language: 'pl', values: [['money', '10.00 PLN'], ['money', '20.00 PLN']] },
  { label: 'range sharing a multiplier', text: 'a $2-3 million budget', values: [['money', '2000000.00 USD'], ['money', '3000000.00 USD']] },
  { label: 'range of whole euros', text: '€5,-–7,-', language: 'de', values: [['money', '5.00 EUR'], ['money', '7.00 EUR']] },
  // Percent.
  { label: 'percent sign', text: 'Spring Sale: 30% off', values: [['percent', '30']] },
  { label: 'percent sign after space', text: '30 % off', values: [['percent', '30']] },
  { label: 'percent word', text: 'save 30 percent', values: [['percent', '30']] },
  { label: 'per cent', text: 'save 30 per cent today', values: [['percent', '30']] },
  { label: 'number words', text: 'take thirty percent off', values: [['percent', '30']] },
  { label: 'compound number words', text: 'Twenty-five percent of proceeds', values: [['percent', '25']] },
  { label: 'Polish procent', text: 'rabat 30 procent', language: 'pl', values: [['percent', '30']] },
  { label: 'Polish inflected procent', text: 'do 50 procentów taniej', language: 'pl', values: [['percent', '50']] },
  { label: 'Polish proc.', text: 'rabat 30 proc. na buty', language: 'pl', values: [['percent', '30']] },
  { label: 'Hebrew אחוז', text: 'הנחה של 30 אחוז', language: 'he', values: [['percent', '30']] },
  { label: 'Hebrew אחוזים', text: '30 אחוזים הנחה', language: 'he', values: [['percent', '30']] },
  { label: 'Hebrew sign first', text: 'הנחה %30 על הכל', language: 'he', values: [['percent', '30']] },
  { label: 'sale badge', text: 'Buty -40%', language: 'pl', values: [['percent', '40']] },
  { label: 'decimal percent', text: 'APR 12.5%', values: [['percent', '12.5']] },
  { label: 'trailing zero dropped', text: 'rate 30.0%', values: [['percent', '30']] },
  { label: 'bidi marks around', text: 'הנחה 30\u200F% היום', language: 'he', values: [['percent', '30']] },
  { label: 'percent glued to a word on a banner', text: 'SPRING PROMO 50%OFF', values: [['percent', '50']] },
  { label: 'percent range', text: 'save 20-30% today', values: [['percent', '20'], ['percent', '30']] },
  { label: 'Italian percent', text: 'sconto addizionale del 5%', language: 'it', values: [['percent', '5']] },
  { label: 'no space-grouping into a percent', text: 'Top 3 100% cotton tees', values: [['number', '3'], ['percent', '100']] },
  // Numbers.
  { label: 'English thousands', text: 'over 1,200 stores', values: [['number', '1200']] },
  { label: 'space thousands', text: 'ponad 1 200 sklepów', language: 'pl', values: [['number', '1200']] },
  { label: 'decimal number', text: 'rated 2.5 times faster', values: [['number', '2.5']] },
  { label: 'comma decimal in Polish', text: 'waga 2,5 kg', language: 'pl', values: [['number', '2.5']] },
  { label: 'dot thousands in Polish', text: 'ponad 1.200 opinii', language: 'pl', values: [['number', '1200']] },
  { label: 'dot is a decimal point in English', text: 'version 1.299 notes', values: [['number', '1.299']] },
  { label: 'short range gives both ends', text: 'ships in 5-7 days', values: [['number', '5'], ['number', '7']] },
  { label: 'a month and year without a day is neither a date nor a number', text: 'NEWS MARCH 2016', values: [] },
  { label: 'a year in a title is not a number', text: 'Spring Sale 2026!', values: [] },
  { label: 'a count after "in" is a number', text: 'now in 2000 stores', values: [['number', '2000']] },
  // Dates.
  { label: 'ISO date', text: 'ends 2026-04-30', values: [['date', '2026-04-30']] },
  { label: 'month day, year', text: 'until April 30, 2026', values: [['date', '2026-04-30']] },
  { label: 'day month year', text: 'until 30 April 2026', values: [['date', '2026-04-30']] },
  { label: 'abbreviated month, no year', text: 'ends Apr 30', year: 2026, values: [['date', '2026-04-30']] },
  { label: 'ordinal, no year', text: 'ends April 30th!', year: 2026, values: [['date', '2026-04-30']] },
  { label: 'abbreviation with dot', text: 'through Nov. 30', year: 2026, values: [['date', '2026-11-30']] },
  { label: 'weekday, month day, year', text: 'Thursday, September 13, 2018 2:00 p.m. ET', values: [['date', '2018-09-13']] },
  { label: 'day of month', text: 'on the 30th of April', year: 2026, values: [['date', '2026-04-30']] },
  { label: 'Polish genitive', text: 'do 30 listopada 2026', language: 'pl', values: [['date', '2026-11-30']] },
  { label: 'Polish genitive with diacritics', text: 'od 1 października 2026 r.', language: 'pl', values: [['date', '2026-10-01']] },
  { label: 'Polish nominative', text: 'Wrzesień 15, 2026', language: 'pl', values: [['date', '2026-09-15']] },
  { label: 'Polish day range', text: 'promocja 1-30 listopada 2026', language: 'pl', values: [['date', '2026-11-01'], ['date', '2026-11-30']] },
  { label: 'English day range', text: 'March 1-31, 2026 only', values: [['date', '2026-03-01'], ['date', '2026-03-31']] },
  { label: 'dotted numeric', text: 'do 30.11.2026', language: 'pl', values: [['date', '2026-11-30']] },
  { label: 'slashed numeric, day first', text: 'do 30/11/2026', language: 'pl', values: [['date', '2026-11-30']] },
  { label: 'slashed without year', text: 'do 30/11', language: 'pl', year: 2026, values: [['date', '2026-11-30']] },
  { label: 'en-US month first', text: 'ends 4/30/2026', language: 'en-US', values: [['date', '2026-04-30']] },
  { label: 'en-US ambiguous order', text: 'ends 4/5/2026', language: 'en-US', values: [['date', '2026-04-05']] },
  { label: 'plain en day first', text: 'ends 4/5/2026', language: 'en', values: [['date', '2026-05-04']] },
  { label: 'a day over 12 fixes the order', text: 'ends 30/4/2026', language: 'en-US', values: [['date', '2026-04-30']] },
  { label: 'Italian numeric dates', text: 'tra il 20/01/2017 e il 31/03/2017', language: 'it', values: [['date', '2017-01-20'], ['date', '2017-03-31']] },
  { label: 'German day dot month', text: 'bis 12. Juni 2018', language: 'de', values: [['date', '2018-06-12']] },
  { label: 'German short date', text: 'nur bis 30.11.', language: 'de', year: 2026, values: [['date', '2026-11-30']] },
  { label: 'French month', text: 'Offre valable du 8 mars au 8 avril 2017', language: 'fr', year: 2017, values: [['date', '2017-03-08'], ['date', '2017-04-08']] },
  { label: 'Hebrew month with ב', text: 'עד 30 בנובמבר 2026', language: 'he', values: [['date', '2026-11-30']] },
  { label: 'Hebrew month without prefix', text: 'עד 1 מאי 2026', language: 'he', values: [['date', '2026-05-01']] },
  { label: 'Hebrew prefix before a numeric date', text: 'עד ה-30.11.2026', language: 'he', values: [['date', '2026-11-30']] },
  { label: 'Polish short dates with a full stop', text: 'od 1.11. do 30.11.', language: 'pl', year: 2026, values: [['date', '2026-11-01'], ['date', '2026-11-30']] },
  { label: 'two-digit year', text: 'do 30.11.26', language: 'pl', values: [['date', '2026-11-30']] },
  { label: 'leap day', text: 'on 2028-02-29', values: [['date', '2028-02-29']] },
  { label: 'no leap day', text: 'on 2027-02-29', values: [] },
  { label: 'lower-case month in a post', text: 'ends april 30, 2026', values: [['date', '2026-04-30']] },
  { label: 'capital MAY on a banner', text: 'ENDS MAY 5', year: 2026, values: [['date', '2026-05-05']] },
  {
    label: 'an unambiguous date fixes the order of the other',
    text: 'purchases between 10/01/01 and 12/31/01',
    values: [['date', '2001-10-01'], ['date', '2001-12-31']],
  },
  // Codes and URLs.
  { label: 'promo code', text: 'Use code SPRING30 at checkout', values: [['code', 'SPRING30']] },
  { label: 'password-like code', text: 'PASSWORD : YULAN03', values: [['code', 'YULAN03']] },
  { label: 'code ending in a letter', text: 'plet ZWEP6227F. Lo sconto', language: 'it', values: [['code', 'ZWEP6227F']] },
  { label: 'https URL', text: 'Shop at https://www.RunFast.example/spring/?utm=x now', values: [['url', 'runfast.example/spring']] },
  { label: 'www URL with trailing period', text: 'Visit www.runfast.example/spring.', values: [['url', 'runfast.example/spring']] },
  { label: 'bare host with path', text: 'see runfast.example/spring, today', values: [['url', 'runfast.example/spring']] },
  // A host alone is the shop's name written as a domain, not an address (issue 11).
  { label: 'bare host is a name', text: 'Shop at RunFast.com today', values: [] },
  { label: 'bare host with a slash', text: 'Shop at runfast.com/ today', values: [['url', 'runfast.com']] },
  { label: 'URL in parentheses', text: '(details: https://runfast.example/terms)', values: [['url', 'runfast.example/terms']] },
  // Values in context.
  {
    label: 'the sentence from the brief',
    text: 'Save 20% now for $49.99 until March 3, 2027.',
    values: [['percent', '20'], ['money', '49.99 USD'], ['date', '2027-03-03']],
  },
  {
    label: 'flight deal',
    text: 'Cheap Flights: Phoenix to Anchorage or Fairbanks $236-$279 r/t [August-December]',
    values: [['money', '236.00 USD'], ['money', '279.00 USD']],
  },
  {
    label: 'Polish offer',
    text: 'Rabat 30% na buty do 30 listopada 2026 z kodem WIOSNA30, teraz 199 zł',
    language: 'pl',
    values: [['percent', '30'], ['date', '2026-11-30'], ['code', 'WIOSNA30'], ['money', '199.00 PLN']],
  },
  {
    label: 'Hebrew offer',
    text: 'הנחה של 30% עד 30 בנובמבר 2026 - רק ₪49.90',
    language: 'he',
    values: [['percent', '30'], ['date', '2026-11-30'], ['money', '49.90 ILS']],
  },
  {
    label: 'URL with code and price',
    text: 'Use SPRING30 on runfast.example/spring for 30% off $99 shoes',
    values: [['code', 'SPRING30'], ['url', 'runfast.example/spring'], ['percent', '30'], ['money', '99.00 USD']],
  },
  // Reference prices.
  { label: 'was/now', text: 'was $59.99 now $49.99', values: [['money', '59.99 USD', 'reference'], ['money', '49.99 USD']] },
  { label: 'regular price', text: 'Regular price: $80. Today $60', values: [['money', '80.00 USD', 'reference'], ['money', '60.00 USD']] },
  { label: 'originally priced at', text: 'originally priced at $120', values: [['money', '120.00 USD', 'reference']] },
  { label: 'reg. abbreviation', text: 'Reg. $59.99', values: [['money', '59.99 USD', 'reference']] },
  { label: 'RRP', text: 'RRP £20, ours £15', language: 'en-GB', values: [['money', '20.00 GBP', 'reference'], ['money', '15.00 GBP']] },
  { label: 'instead of', text: '$49 instead of $79', values: [['money', '49.00 USD'], ['money', '79.00 USD', 'reference']] },
  { label: 'compare at', text: 'Compare at $80', values: [['money', '80.00 USD', 'reference']] },
  {
    label: 'EU Omnibus wording',
    text: 'Lowest price in the last 30 days: €45.00',
    values: [['number', '30'], ['money', '45.00 EUR', 'reference']],
  },
  { label: 'Polish zamiast', text: '149 zł zamiast 199 zł', language: 'pl', values: [['money', '149.00 PLN'], ['money', '199.00 PLN', 'reference']] },
  {
    label: 'Polish Omnibus wording',
    text: 'Najniższa cena z 30 dni przed obniżką: 179 zł',
    language: 'pl',
    values: [['number', '30'], ['money', '179.00 PLN', 'reference']],
  },
  { label: 'German UVP', text: 'UVP 59,99 €, jetzt 39,99 €', language: 'de', values: [['money', '59.99 EUR', 'reference'], ['money', '39.99 EUR']] },
  { label: 'German statt', text: 'nur 39,99 € statt 59,99 €', language: 'de', values: [['money', '39.99 EUR'], ['money', '59.99 EUR', 'reference']] },
  { label: 'Hebrew במקום', text: '₪49 במקום ₪79', language: 'he', values: [['money', '49.00 ILS'], ['money', '79.00 ILS', 'reference']] },
  { label: 'Hebrew מחיר קודם', text: 'מחיר קודם: 100 ₪', language: 'he', values: [['money', '100.00 ILS', 'reference']] },
  { label: 'a cue far before is not a cue', text: 'Shipping was fast. Shoes for $49', values: [['money', '49.00 USD']] },
  // Near misses: nothing, or not what a careless reader would take.
  { label: 'code has no number', text: 'SPRING30', values: [['code', 'SPRING30']] },
  { label: 'lower-case code is not a value', text: 'use spring30', values: [] },
  { label: 'product names', text: 'iPhone15 and Galaxy S24 cases', values: [] },
  { label: 'e.g. is not a URL', text: 'colours, e.g. red or blue, i.e. bright', values: [] },
  { label: 'missing space after a full stop is not a URL', text: 'Order today.Shop now', values: [] },
  { label: 'availability', text: 'support 24/7', values: [] },
  { label: 'a time', text: 'starts at 2:00 p.m. sharp', values: [] },
  { label: 'a time with AM', text: 'BEGINS TODAY AT 9 AM', values: [] },
  { label: 'issue number', text: 'Issue #3 is out', values: [] },
  { label: 'names with a hyphen', text: 'COVID-19 rules for F-150 owners', values: [] },
  { label: 'phone number', text: 'Call 555-1234 or 1-800-555-0199', values: [] },
  { label: 'invalid date from the corpus', text: 'Offer valid on Allura purchases on 17/29/11 at 11:59 pm.', values: [] },
  { label: 'February 30', text: 'until February 30, 2026', values: [] },
  { label: 'a fraction', text: 'save 1/2 on the second pair', language: 'pl', year: 2026, values: [] },
  { label: 'date without a year and no year known', text: 'ends April 30', values: [] },
  { label: 'lower-case may is a verb', text: 'results 5 may vary', year: 2026, values: [['number', '5']] },
  { label: 'hex colour', text: 'color: #FF0000 and #3A3A3A', values: [] },
  { label: 'units glued to numbers', text: 'a 128GB phone, 4K video, 3x zoom', values: [] },
  { label: 'e-mail address', text: 'write to promo2026@runfast.example', values: [] },
  { label: 'hashtag', text: 'join #SPRING30 today', values: [] },
  { label: 'złoto is not złoty', text: 'Inwestuj 100 złoto', language: 'pl', values: [['number', '100']] },
];

describe('extractValues', () => {
  it('has a large enough table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  for (const c of cases) {
    it(`${c.label}: ${c.text}`, () => {
      const values = extractValues(c.text, { language: c.language ?? 'en', year: c.year });
      const got = values.map((v): Expected => (v.reference ? [v.type, v.key, 'reference'] : [v.type, v.key]));
      expect(got).toEqual(c.values);
      for (const v of values) expect(c.text.slice(v.start, v.end)).toBe(v.raw);
    });
  }
});

describe('extractValues offsets and raw text', () => {
  it('spans exactly what is written, badge minus and range ends included', () => {
    const text = 'Buty -40%, $236–279, 1-30 listopada 2026';
    const raws = extractValues(text, { language: 'pl' }).map((v) => v.raw);
    expect(raws).toEqual(['-40%', '$236', '279', '1', '30 listopada 2026']);
  });

  it('keeps values sorted and non-overlapping', () => {
    const text = 'Was $59.99, now $49.99 (20% off) until April 30, 2026 at runfast.example/spring with SPRING30';
    const values = extractValues(text, { language: 'en' });
    for (let i = 1; i < values.length; i++) expect(values[i].start).toBeGreaterThanOrEqual(values[i - 1].end);
    expect(values.map((v) => v.type)).toEqual(['money', 'money', 'percent', 'date', 'url', 'code']);
  });

  it('tolerates missing or odd options', () => {
    expect(extractValues('$5', { language: '' })).toMatchObject([{ key: '5.00 USD' }]);
    expect(extractValues('', { language: 'en' })).toEqual([]);
  });
});
