import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { foldCase, foldText, rawSpan, stripDiacritics } from '../../src/normalize/fold.js';
import { tokenize } from '../../src/normalize/index.js';
import { splitSentences, splitWords } from '../../src/normalize/segment.js';

// How V8 stores a string, by the tag its serializer writes first: 0x22 one byte a character,
// 0x63 two (the same characters either way).
const storage = (text: string) => ({ 0x22: 'one byte', 0x63: 'two bytes' })[serialize(text)[2]];

describe('foldText', () => {
  it('stores copy without characters above U+00FF one byte a character, whatever page it was cut from', () => {
    // One "✓" makes a page's string wide, and every slice of it.
    const page = 'Free shipping on orders over 50 EUR — café included ✓';
    const part = page.slice(0, page.indexOf(' —'));
    expect(storage(part)).toBe('two bytes');
    expect(foldText(part).text).toBe('Free shipping on orders over 50 EUR');
    expect(storage(foldText(part).text)).toBe('one byte');
    // "—" folds to "-", and "é" is at or below U+00FF: still one byte.
    const cafe = foldText(page.slice(0, page.indexOf(' included'))).text;
    expect(cafe).toBe('Free shipping on orders over 50 EUR - café');
    expect(storage(cafe)).toBe('one byte');
    expect(storage(foldText(page).text)).toBe('two bytes');
  });

  it('folds quotes, dashes, compatibility forms, invisible marks and whitespace', () => {
    expect(foldText('“Don’t miss it” — 30\u00A0%\u200F off\n\n the ﬁnal  pair…').text).toBe(
      `"Don't miss it" - 30 % off the final pair...`,
    );
  });

  it('keeps combining marks with their letter and composes them (NFKC)', () => {
    expect(foldText('Darmowa dostawe\u0328').text).toBe('Darmowa dostawę');
  });

  it('folds Hebrew geresh and gershayim to ASCII quotes', () => {
    expect(foldText('49.90 ש״ח').text).toBe('49.90 ש"ח');
  });

  it('strips Hebrew niqqud and cantillation, folds the maqaf, and keeps the letters', () => {
    // "מִבְצַע אָבִיב" with points, a cantillation mark (U+0591) and a maqaf (U+05BE).
    expect(foldText('מִבְצַע\u0591 אָבִיב ב\u05BE30%').text).toBe('מבצע אביב ב-30%');
    expect(foldText('הֲנָחָה').text).toBe(foldText('הנחה').text);
  });

  it('removes bidi marks, isolates and the Arabic letter mark around RTL numbers', () => {
    const raw = '\u200F30%\u200F הנחה \u2067₪49.90\u2069 \u061Cעכשיו\u202B!\u202C';
    const folded = foldText(raw);
    expect(folded.text).toBe('30% הנחה ₪49.90 עכשיו!');
    const at = folded.text.indexOf('₪49.90');
    const [start, end] = rawSpan(folded, at, at + 6);
    expect(raw.slice(start, end)).toBe('₪49.90');
  });

  it('maps every folded span back to the raw text it came from', () => {
    const raw = '  Go Pro for just\n $59.99\u00A0a month ﬁt';
    const folded = foldText(raw);
    const at = folded.text.indexOf('$59.99');
    const [start, end] = rawSpan(folded, at, at + 6);
    expect(raw.slice(start, end)).toBe('$59.99');
    const fi = folded.text.indexOf('fit');
    const [s2, e2] = rawSpan(folded, fi, fi + 3);
    expect(raw.slice(s2, e2)).toBe('ﬁt');
  });

  it('folds plain ASCII copy to its words one space apart, each character mapped to where it was written', () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'B', '1', '.', "'", ' ', ' ', '  ', '\t', '\n', ' \n '), maxLength: 80 });
    fc.assert(
      fc.property(ascii, (raw) => {
        // The model: runs of whitespace become one space mapped to the run's start; none at the ends.
        let text = '';
        const toRaw: number[] = [];
        for (const m of raw.matchAll(/(\s+)|(\S)/g)) {
          if (m[2]) (text += m[2]), toRaw.push(m.index);
          else if (text && m.index + m[0].length < raw.length) (text += ' '), toRaw.push(m.index);
        }
        toRaw.push(raw.length);
        const folded = foldText(raw);
        expect(folded.text).toBe(text);
        expect([...folded.toRaw]).toEqual(toRaw);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a mark with the letter before it when a single space precedes the letter', () => {
    // "a é" written with a combining acute: the space and "e" are not a plain run.
    const folded = foldText('a e\u0301 b');
    expect(folded.text).toBe('a \u00e9 b');
    expect([...folded.toRaw]).toEqual([0, 1, 2, 4, 5, 6]);
  });

  it('never loses the offset map on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const folded = foldText(raw);
        expect(folded.toRaw.length).toBe(folded.text.length + 1);
        for (let i = 1; i < folded.toRaw.length; i++) expect(folded.toRaw[i]).toBeGreaterThanOrEqual(folded.toRaw[i - 1]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('segmentation', () => {
  it('does not end a sentence after an abbreviation', () => {
    const text = 'Sale ends Jan. 5 at noon. Dr. Kowalski recommends it. Shop now!';
    expect(splitSentences(text, 'en').map((s) => text.slice(s.start, s.end))).toEqual([
      'Sale ends Jan. 5 at noon.',
      'Dr. Kowalski recommends it.',
      'Shop now!',
    ]);
  });

  it('splits a very long text in chunks without losing sentences', () => {
    const text = 'Free shipping on orders over $50. '.repeat(3000).trim();
    expect(splitSentences(text, 'en')).toHaveLength(3000);
  });

  it('keeps decimals, contractions and Hebrew gershayim inside words', () => {
    const text = `Don't pay $49.99 or 49,90 ש"ח today`;
    expect(splitWords(text).map((s) => text.slice(s.start, s.end))).toEqual(["Don't", 'pay', '49.99', 'or', '49,90', 'ש"ח', 'today']);
  });
});

describe('foldCase', () => {
  it('lower-cases Turkish dotted and dotless I by the language', () => {
    expect(foldCase('İstanbul', 'tr')).toBe('istanbul');
    expect(foldCase('ISPARTA', 'tr')).toBe('ısparta');
    const tr = (text: string) => tokenize(text, 'tr').map((t) => t.norm);
    expect(tr('İstanbul indirimi')).toEqual(tr('istanbul İNDİRİMİ'));
  });

  it('leaves English as it was: I is i, and a stray İ does not split a word', () => {
    expect(foldCase('FREE SHIPPING IN IRELAND', 'en')).toBe('free shipping in ireland');
    expect(foldCase('İstanbul', 'en')).toBe('istanbul');
    expect(foldCase('İstanbul', 'en')).toHaveLength(8);
    expect(foldCase('Darmowa DOSTAWA', 'pl')).toBe('darmowa dostawa');
  });

  it('survives a tag the runtime does not know', () => {
    expect(foldCase('ABC', 'x-klingon-123')).toBe('abc');
  });
});

describe('stripDiacritics', () => {
  it('types Polish and other Latin text as a keyboard without diacritics would', () => {
    expect(stripDiacritics('Darmową dostawę przy zamówieniach powyżej 200 zł')).toBe('Darmowa dostawe przy zamowieniach powyzej 200 zl');
    expect(stripDiacritics('ŁÓDŹ Kraków ąćęłńóśźż')).toBe('LODZ Krakow acelnoszz');
    expect(stripDiacritics('café déjà vu')).toBe('cafe deja vu');
  });

  it('leaves scripts whose marks are letters alone', () => {
    expect(stripDiacritics('מבצע אביב')).toBe('מבצע אביב');
    expect(stripDiacritics('हिन्दी')).toBe('हिन्दी');
    expect(stripDiacritics('plain ASCII 30% off')).toBe('plain ASCII 30% off');
  });
});
