// Sentences and words in any language: Intl.Segmenter where a regular expression cannot see
// word boundaries, and the light stemmers that let inflected Polish and Hebrew meet.
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/normalize/fold.js';
import { tokenize } from '../../src/normalize/index.js';
import { lemmatize } from '../../src/normalize/lemma.js';
import { splitSentences, splitWords } from '../../src/normalize/segment.js';
import { isStopword } from '../../src/normalize/stopwords.js';

const words = (text: string) => splitWords(text).map((s) => text.slice(s.start, s.end));
const sentences = (text: string, language: string) => splitSentences(text, language).map((s) => text.slice(s.start, s.end));

describe('splitWords', () => {
  it('finds words in scripts written without spaces', () => {
    expect(words('春のセール30%オフ')).toEqual(['春の', 'セール', '30', 'オフ']);
    expect(words('ลดราคา 30% วันนี้')).toEqual(['ลด', 'ราคา', '30', 'วัน', 'นี้']);
  });

  it('keeps Hebrew words with their one-letter prefixes and gershayim', () => {
    const text = foldText('והמשלוח חינם בהזמנות מעל 200 ש״ח!').text;
    expect(words(text)).toEqual(['והמשלוח', 'חינם', 'בהזמנות', 'מעל', '200', 'ש"ח']);
  });

  it('keeps Polish letters and decimal commas inside words', () => {
    expect(words('Pro już za 49,99 zł — dostawę gratis!')).toEqual(['Pro', 'już', 'za', '49,99', 'zł', 'dostawę', 'gratis']);
  });
});

describe('splitSentences', () => {
  it('splits Hebrew and Polish copy, not after Polish abbreviations', () => {
    expect(sentences('המבצע בתוקף עד 30 באפריל. המשלוח חינם! רוצים עוד?', 'he')).toEqual(['המבצע בתוקף עד 30 באפריל.', 'המשלוח חינם!', 'רוצים עוד?']);
    expect(sentences('Sklep przy ul. Leśnej 5 jest otwarty. Zapraszamy np. w sobotę!', 'pl')).toEqual([
      'Sklep przy ul. Leśnej 5 jest otwarty.',
      'Zapraszamy np. w sobotę!',
    ]);
  });

  it('never ends a sentence inside a URL, whatever its query holds', () => {
    expect(sentences('Full details at https://acme.example/summer?utm_source=copy. Next one.', 'en')).toEqual([
      'Full details at https://acme.example/summer?utm_source=copy.',
      'Next one.',
    ]);
    expect(sentences('Kod w sklepie www.sklep.pl/promo?kod=LATO! Zapraszamy.', 'pl')).toEqual(['Kod w sklepie www.sklep.pl/promo?kod=LATO!', 'Zapraszamy.']);
    // Outside a URL the segmenter's breaks stand, spaced or not.
    expect(sentences('Wow!Really? Yes.', 'en')).toEqual(['Wow!', 'Really?', 'Yes.']);
    expect(sentences('Is it on acme.example? Yes!', 'en')).toEqual(['Is it on acme.example?', 'Yes!']);
  });

  it('does not end a sentence after a dotted ordinal in languages that write them (a date, "der 3. Jobtag")', () => {
    // From the corpus's German mail: ICU cut both after the day's dot.
    expect(sentences('Dienstag, 4. Juni 2019, 15:54', 'de')).toEqual(['Dienstag, 4. Juni 2019, 15:54']);
    expect(sentences('Der 3. IT-Jobtag bei Heise am 16. April. Jetzt anmelden!', 'de-DE')).toEqual(['Der 3. IT-Jobtag bei Heise am 16. April.', 'Jetzt anmelden!']);
    expect(sentences('Zajęliśmy (3. miejsce) w rankingu. Dziękujemy!', 'pl')).toEqual(['Zajęliśmy (3. miejsce) w rankingu.', 'Dziękujemy!']);
    // A longer number, a decimal, or English ("Chapter 3. The end") still ends one.
    expect(sentences('Wir sind Kunde Nummer 1234.  Danach kommt mehr.', 'de')).toEqual(['Wir sind Kunde Nummer 1234.', 'Danach kommt mehr.']);
    expect(sentences('Jetzt nur 19.99. Danach teurer.', 'de')).toEqual(['Jetzt nur 19.99.', 'Danach teurer.']);
    expect(sentences('Read chapter 3. The end is near.', 'en')).toEqual(['Read chapter 3.', 'The end is near.']);
  });

  it('never ends a sentence inside a date, whatever dots it holds', () => {
    // Two of Recognizers-Text's date-parser cases (../shared/external).
    expect(sentences("I'll go back October. 2", 'en')).toEqual(["I'll go back October. 2"]);
    expect(sentences('16. Nov. 2016', 'en')).toEqual(['16. Nov. 2016']);
    expect(sentences('Sale ends 30. April 2026. Hurry!', 'en')).toEqual(['Sale ends 30. April 2026.', 'Hurry!']);
    // A dot after a number before a word that makes no date with it still ends one.
    expect(sentences('We shipped 3. Then we rested.', 'en')).toEqual(['We shipped 3.', 'Then we rested.']);
  });
});

describe('splitSentences without asking ICU', () => {
  // Text where no sentence can end is answered without the segmenter: it must be every text
  // the segmenter would not split. Every punctuation, space, format and mark character of the
  // Basic Multilingual Plane, between words, against ICU's own answer.
  const icuSentences = (text: string) => [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => s.segment.trim());
  const characters: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    if (/[\p{P}\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\p{Mn}]/u.test(ch)) characters.push(ch);
  }

  it('splits wherever ICU splits, one-sentence text included', () => {
    expect(characters.length).toBeGreaterThan(1000);
    const differing = [];
    for (const ch of characters) {
      for (const text of [`Sale${ch} Now on`, `sale${ch}now on`, `${ch} Sale ends`]) {
        const expected = icuSentences(text).filter(Boolean);
        const actual = sentences(text, 'en').filter((s) => !/^\s*$/.test(s));
        // The abbreviation and URL rules only ever join ICU's sentences: compare counts of one.
        if ((expected.length === 1) !== (actual.length === 1)) differing.push(ch.codePointAt(0)!.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });

  it('keeps a one-sentence text whole, trimmed', () => {
    expect(sentences('  Free shipping over $50  ', 'en')).toEqual(['Free shipping over $50']);
    expect(sentences('   ', 'en')).toEqual([]);
  });
});

describe('light stemming', () => {
  const stems = (text: string, language: string) => tokenize(foldText(text).text, language).map((t) => t.lemma);

  it('lets inflected Polish meet: darmowa dostawa ≈ darmową dostawę, zamówieniach ≈ zamówienia', () => {
    expect(stems('darmową dostawę', 'pl')).toEqual(stems('darmowa dostawa', 'pl'));
    expect(stems('darmowej dostawie', 'pl')).toEqual(stems('darmowa dostawa', 'pl'));
    expect(lemmatize('zamówieniach', 'pl')).toBe(lemmatize('zamówienia', 'pl'));
    expect(lemmatize('butów', 'pl')).toBe('butów'); // too short to strip safely
  });

  it('strips Hebrew one-letter prefixes and plural suffixes the same way on both sides', () => {
    expect(lemmatize('והמשלוח', 'he')).toBe(lemmatize('משלוח', 'he'));
    expect(lemmatize('בהזמנות', 'he')).toBe(lemmatize('הזמנה', 'he'));
    expect(lemmatize('ההנחות', 'he')).toBe(lemmatize('הנחה', 'he'));
    expect(lemmatize('מחירים', 'he')).toBe(lemmatize('המחיר', 'he'));
    expect(lemmatize('בחינם', 'he')).toBe(lemmatize('חינם', 'he'));
    expect(lemmatize('הנחה', 'he')).not.toBe(lemmatize('חינם', 'he'));
  });

  it('leaves English to compromise and unknown languages untouched', () => {
    expect(lemmatize('orders', 'en')).toBe('order');
    expect(lemmatize('zapatos', 'es')).toBe('zapatos');
  });

  it('knows function words in Polish and Hebrew but never negation cues', () => {
    expect(isStopword('przy', 'pl')).toBe(true);
    expect(isStopword('nie', 'pl')).toBe(false);
    expect(isStopword('של', 'he')).toBe(true);
    expect(isStopword('לא', 'he')).toBe(false);
    expect(isStopword('dostawa', 'pl-PL')).toBe(false);
  });
});
