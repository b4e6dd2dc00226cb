// `language: auto`: the detector on short marketing lines in en/pl/he, on real copy from
// ../shared/corpus, and normalizeDocument resolving a document's (and each post's) language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/documents/types.js';
import { detectLanguage, primaryLanguage, sameLanguage } from '../../src/normalize/language.js';
import { normalizeDocument } from '../../src/normalize/index.js';
import { readSocial } from '../../src/sources/social/social.js';
import { itShared, sharedPath } from '../support/shared.js';

// Lines as campaigns write them: headlines, offers, CTAs, footers. Two-word CTAs are in
// the "too short to tell" table below instead.
const LINES: Record<string, string[]> = {
  en: [
    'Spring Sale: 30% off all running shoes',
    'Free shipping on orders over $50',
    'Limited stock alert! Grab yours before it is gone!',
    'Take an extra 50% off everything in store',
    'The conference is almost sold out. Less than 50 left!',
    'Go Pro for just $49.99 a month',
    'Members get early access to the sale',
    'Sign up and save 15% on your first order',
    'Returns are free within 30 days',
    'Use code SPRING30 at checkout',
    'Our best price of the year',
    'New arrivals every week, straight to your inbox',
  ],
  pl: [
    'Wiosenna wyprzedaż: 30% taniej na wszystkie buty do biegania',
    'Darmowa dostawa przy zamówieniach powyżej 200 zł',
    'Oferta ważna do 30 kwietnia',
    'Zapisz się i odbierz rabat 15%',
    'Zwroty są bezpłatne przez 30 dni',
    'Użyj kodu WIOSNA30 w koszyku',
    'Dołącz do klubu i zyskaj wcześniejszy dostęp',
    'Wypisz się z newslettera',
    'Najlepsza cena w tym roku',
    'Dwie pary w cenie jednej',
    'Promocja trwa do końca miesiąca',
    'Cena regularna 299 zł, teraz 199 zł',
  ],
  he: [
    'מבצע אביב: 30% הנחה על כל נעלי הריצה',
    'משלוח חינם בהזמנה מעל 200 ש״ח',
    'המבצע בתוקף עד 30 באפריל',
    'הירשמו וקבלו 15% הנחה',
    'החזרות חינם תוך 30 יום',
    'השתמשו בקוד AVIV30 בקופה',
    'הצטרפו למועדון וקבלו גישה מוקדמת',
    'להסרה מרשימת התפוצה',
    'המחיר הטוב ביותר השנה',
    'שני זוגות במחיר אחד',
    'המבצע נמשך עד סוף החודש',
    'במקום 299 ₪, עכשיו 199 ₪',
  ],
};

describe('detectLanguage', () => {
  for (const [language, lines] of Object.entries(LINES)) {
    it(`names ${language} marketing lines (at least 11 of 12)`, () => {
      const got = lines.map((line) => detectLanguage(line, 'und'));
      const right = got.filter((g) => g.language === language);
      expect(right.length, JSON.stringify(got)).toBeGreaterThanOrEqual(11);
      for (const g of right) expect(g.confidence).toBeGreaterThan(0);
    });
  }

  it('returns BCP 47 tags and never throws on odd input', () => {
    for (const text of ['', '   ', '🌸🌸', '30%', 'SPRING30', 'https://runfast.example/spring', '\u200f\u200e', 'a'.repeat(100_000)]) {
      const got = detectLanguage(text, 'pl');
      expect(got.language).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
      expect(got.confidence).toBeGreaterThanOrEqual(0);
      expect(got.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('gives the fallback, with confidence 0, when the text says too little', () => {
    for (const text of ['', '30% OFF', 'SPRING30 https://runfast.example/spring', '👟 #RunFast @runfast']) {
      expect(detectLanguage(text, 'pl')).toEqual({ language: 'pl', confidence: 0 });
    }
  });

  itShared('reads real copy from the corpus: German, French and Italian mail and web pages', () => {
    const corpus = (path: string) => readFileSync(sharedPath('corpus', path), 'utf8');
    const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
    expect(detectLanguage(text(corpus('web/mozilla-readability/heise/source.html')), 'en').language).toBe('de');
    expect(detectLanguage(text(corpus('web/trafilatura/luxuryhaven.co.hyatt.html')), 'de').language).toBe('en');
    expect(detectLanguage('Je prépare mon été zéro complexe ! Offre valable du 8 mars au 8 avril 2017', 'en').language).toBe('fr');
    expect(detectLanguage('sconto addizionale del 5% per gli ordini tra il 20/01/2017 e il 31/03/2017', 'en').language).toBe('it');
  });

  it('compares tags by primary language', () => {
    expect(primaryLanguage('pl-PL')).toBe('pl');
    expect(primaryLanguage('he_IL')).toBe('he');
    expect(sameLanguage('pl-PL', 'pl')).toBe(true);
    expect(sameLanguage('he', 'en')).toBe(false);
  });
});

const part = (text: string, unit?: string) => ({ role: unit ? ('post' as const) : ('body' as const), text, anchors: [], ...(unit ? { unit } : {}) });

describe('normalizeDocument with language: auto', () => {
  it('resolves the language of the copy as a whole and reads every part in it', () => {
    const doc: Document = {
      source: 'x.html',
      channel: 'site',
      kind: 'web',
      language: 'auto',
      parts: [part('Wiosenna wyprzedaż: 30% taniej na wszystkie buty do biegania'), part('Darmową dostawę dostajesz przy zamówieniach powyżej 200 zł.'), part('OK')],
    };
    const nd = normalizeDocument(doc);
    expect(nd.language).toBe('pl');
    expect(nd.detected?.language).toBe('pl');
    expect(nd.detected!.confidence).toBeGreaterThan(0);
    expect(nd.parts.map((p) => p.language)).toEqual(['pl', 'pl', 'pl']);
    // Polish stems, not English lemmas: the Polish path ran.
    expect(nd.parts[1].sentences[0].tokens.find((t) => t.norm === 'dostawę')?.lemma).toBe('dostaw');
  });

  it('falls back when the copy is too short, and leaves declared languages alone', () => {
    const short: Document = { source: 's', channel: 'x', kind: 'social', language: 'auto', parts: [part('👟 SPRING30')] };
    expect(normalizeDocument(short, { fallbackLanguage: 'he' })).toMatchObject({ language: 'he', detected: { language: 'he', confidence: 0 } });
    const declared: Document = { ...short, language: 'pl-PL', parts: [part('Free shipping on orders over $50')] };
    const nd = normalizeDocument(declared);
    expect(nd.language).toBe('pl-PL');
    expect(nd.detected).toBeUndefined();
  });

  itShared('reads each post of a mixed-language feed in its own language (real Mastodon timeline)', () => {
    const name = 'timeline_public_mastodon_social.json';
    const bytes = readFileSync(sharedPath('corpus', 'social', 'rtoot-mastodon', name));
    const parts = readSocial({ id: name, name, kind: 'social', bytes });
    const nd = normalizeDocument({ source: name, channel: 'mastodon', kind: 'social', language: 'auto', parts });
    expect(nd.language).toBe('en'); // most of the timeline
    const languageOf = (start: string) => nd.parts.find((p) => p.part.text.startsWith(start))?.language;
    // The statuses' own "language" fields say "en" for the French and Greek posts: the copy says otherwise.
    expect(languageOf('Max Mbargane avertit')).toBe('fr');
    expect(languageOf('Η Twitch δοκιμάζει')).toBe('el');
    expect(languageOf('Wird das neue EU-Gesetz')).toBe('de');
    expect(languageOf('Limited stock alert')).toBe('en');
  });

  it('mixes languages per post in a hand-made feed, short posts taking the feed language', () => {
    const doc: Document = {
      source: 'posts.json',
      channel: 'x',
      kind: 'social',
      language: 'auto',
      parts: [
        part('Spring Sale: 30% off all running shoes until April 30, use code SPRING30 at checkout', '1'),
        part('Wiosenna wyprzedaż: wszystkie buty do biegania są 30% taniej do 30 kwietnia', '2'),
        part('מבצע אביב: 30% הנחה על כל נעלי הריצה עד 30 באפריל, עם הקוד AVIV30 בקופה', '3'),
        part('Shop now 👟', '4'),
        part('Free shipping on orders over $50 and returns within 30 days', '5'),
      ],
    };
    const nd = normalizeDocument(doc);
    expect(nd.language).toBe('en');
    expect(nd.parts.map((p) => p.language)).toEqual(['en', 'pl', 'he', 'en', 'en']);
  });
});
