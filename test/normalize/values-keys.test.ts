// Spec-side keys (factKey), promo-code candidates and the reference-price cue list.
import { describe, expect, it } from 'vitest';
import { codeCandidates, extractValues, factKey, REFERENCE_CUES, urlKey } from '../../src/normalize/values/index.js';

describe('factKey', () => {
  const en = { language: 'en' };
  const cases: Array<[Parameters<typeof factKey>[0], string | number, string | undefined, string?]> = [
    ['money', '49.99 USD', '49.99 USD'],
    ['money', '$49.99', '49.99 USD'],
    ['money', 'USD 49.99', '49.99 USD'],
    ['money', '49,99 PLN', '49.99 PLN'],
    ['money', '1 299,00 zł', '1299.00 PLN'],
    ['money', '49.90 ש"ח', '49.90 ILS'],
    ['money', '55€', '55.00 EUR'],
    ['money', '49.99', undefined],
    ['money', '$49.99 or $59.99', undefined],
    ['percent', 30, '30'],
    ['percent', '30%', '30'],
    ['percent', '12.50 %', '12.5'],
    ['percent', '-40%', '40'],
    ['percent', 'thirty percent', '30'],
    ['percent', 'lots', undefined],
    ['number', '1,200', '1200'],
    ['number', 2.5, '2.5'],
    ['number', '1 200', '1200'],
    ['date', '2026-04-30', '2026-04-30'],
    ['date', '2026-02-30', undefined],
    ['date', 'April 30, 2026', '2026-04-30'],
    ['date', '30 listopada 2026', '2026-11-30', 'pl'],
    ['date', '30/04/2026', '2026-04-30'],
    ['date', 'soon', undefined],
    ['url', 'https://www.RunFast.example/spring/?utm=x', 'runfast.example/spring'],
    ['url', 'runfast.example/spring#top', 'runfast.example/spring'],
    ['url', 'http://runfast.example:8080/', 'runfast.example'],
    ['url', 'mailto:hello@runfast.example', undefined],
    ['url', '/spring', undefined],
    ['url', 'not a url', undefined],
    ['code', 'spring30', 'SPRING30'],
    ['code', ' SPRING30 ', 'SPRING30'],
    ['code', 'two words', undefined],
  ];
  for (const [type, written, key, language] of cases) {
    it(`${type} ${JSON.stringify(written)} -> ${key}`, () => {
      expect(factKey(type, written, language ? { language } : en)).toBe(key);
    });
  }

  it('gives a spec value the key the same value has in copy', () => {
    const copy = extractValues('Go Pro for US$49.99 until 30 April 2026 with 30 percent off SPRING30 at www.runfast.example/spring', en);
    const spec = [factKey('money', '49.99 USD', en), factKey('date', '2026-04-30', en), factKey('percent', 30, en), factKey('code', 'spring30', en), factKey('url', 'https://runfast.example/spring/', en)];
    expect(copy.map((v) => v.key)).toEqual(spec);
  });

  it('reads yearless spec dates with the year option', () => {
    expect(factKey('date', 'April 30', { language: 'en', year: 2026 })).toBe('2026-04-30');
    expect(factKey('date', 'April 30', en)).toBeUndefined();
  });
});

describe('urlKey', () => {
  it('keeps path case and decodes escapes, drops the port', () => {
    expect(urlKey('HTTPS://Shop.Example.com:443/Spring%20Sale/')).toBe('shop.example.com/Spring Sale');
    expect(urlKey('//cdn.example.com/a/')).toBe('cdn.example.com/a');
    expect(urlKey('https://runfast.example/%E0%A4%A')).toBe('runfast.example/%E0%A4%A');
  });
});

describe('codeCandidates', () => {
  const raws = (text: string) => codeCandidates(text).map((c) => c.raw);

  it('finds code-shaped tokens of any case, with exact offsets', () => {
    const text = 'Use spring30, SPRNG30 or SALEONSALE* today';
    const found = codeCandidates(text);
    expect(found.map((c) => c.raw)).toEqual(['spring30', 'SPRNG30', 'SALEONSALE']);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.raw);
  });

  it('takes all-capital words of four letters or more, not ordinary words', () => {
    expect(raws('FREE shipping on ORDERS over 50, Promo ends')).toEqual(['FREE', 'ORDERS']);
  });

  it('skips numbers, short tokens, product names, hashtags, handles, e-mail and URL parts', () => {
    expect(raws('2026 AB1 iPhone15 #SPRING30 @runfast30 info2@runfast.example runfast.example/SPRING30 x_CODE30')).toEqual([]);
  });

  it('limits a token to 20 characters', () => {
    expect(raws('ABCDEFGHIJ1234567890')).toEqual(['ABCDEFGHIJ1234567890']);
    expect(raws('ABCDEFGHIJ12345678901')).toEqual([]);
  });
});

describe('REFERENCE_CUES', () => {
  it('lists cues for en, pl, he and de', () => {
    expect(Object.keys(REFERENCE_CUES).sort()).toEqual(['de', 'en', 'he', 'pl']);
    expect(REFERENCE_CUES.en).toContain('lowest price in the last 30 days');
    expect(REFERENCE_CUES.pl).toContain('zamiast');
  });

  it('uses the copy language cues, and every cue for a language it does not know', () => {
    // German "statt" is not an English cue; in Italian copy every cue applies.
    expect(extractValues('statt 59,99 €', { language: 'en' })[0].reference).toBeUndefined();
    expect(extractValues('statt 59,99 €', { language: 'it' })[0].reference).toBe(true);
    expect(extractValues('RRP 59,99 €', { language: 'de' })[0].reference).toBeUndefined();
  });

  it('marks every cue of every language when written right before a price', () => {
    for (const [language, cues] of Object.entries(REFERENCE_CUES)) {
      for (const cue of cues) {
        const values = extractValues(`${cue} 59.99 USD`, { language });
        expect(values.at(-1), `${language}: ${cue}`).toMatchObject({ type: 'money', key: '59.99 USD', reference: true });
      }
    }
  });
});
