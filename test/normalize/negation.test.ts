// Negation cues per language: which words can negate (isNegationCue, used for every token
// by the normalize stage) and which do in a given sentence (negationCues, sentencePolarity).
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/normalize/index.js';
import { isNegationCue, negationCues, sentencePolarity } from '../../src/normalize/negation.js';

describe('isNegationCue', () => {
  const cues: Array<[string, string]> = [
    ['en', 'not'], ['en', 'no'], ['en', 'never'], ['en', 'without'], ['en', "isn't"], ['en', 'don’t'], ['en', "can't"], ['en', 'doesnt'], ['en', 'cannot'],
    ['pl', 'nie'], ['pl', 'bez'], ['pl', 'brak'], ['pl', 'żaden'], ['pl', 'żadnych'], ['pl', 'żadną'], ['pl', 'zadnych'], ['pl', 'nigdy'],
    ['he', 'לא'], ['he', 'אין'], ['he', 'ללא'], ['he', 'בלי'], ['he', 'אינו'], ['he', 'איננה'], ['he', 'ולא'], ['he', 'שלא'], ['he', 'ושלא'],
    ['he', 'כשאין'], ['he', 'וללא'], ['he', 'ובלי'], ['he', 'שאינו'], ['he', 'ואין'], ['en-GB', 'not'], ['he-IL', 'לא'],
  ];
  for (const [language, token] of cues) it(`${language} "${token}" is a cue`, () => expect(isNegationCue(token, language)).toBe(true));

  const words: Array<[string, string]> = [
    ['en', 'note'], ['en', 'know'], ['en', 'nothingness'], ['en', 'nie'],
    ['pl', 'niedziela'], ['pl', 'nieba'], ['pl', 'bezpłatna'], ['pl', 'not'],
    // "full", "prison", "isn't it?", "national", "from where": one letter more makes another word.
    ['he', 'מלא'], ['he', 'כלא'], ['he', 'הלא'], ['he', 'לאומי'], ['he', 'מאין'], ['he', 'אל'], ['he', ''],
  ];
  for (const [language, token] of words) it(`${language} "${token}" is not a cue`, () => expect(isNegationCue(token, language)).toBe(false));

  it('a language without its own list uses every list', () => {
    expect(isNegationCue('nie', 'de')).toBe(true);
    expect(isNegationCue('לא', 'xx')).toBe(true);
    expect(isNegationCue("won't", '')).toBe(true);
  });

  it('reaches the tokens of the normalize stage in context, Hebrew prefixes included', () => {
    const flagged = (text: string, language: string) => tokenize(text, language).filter((t) => t.negation).map((t) => t.norm);
    expect(flagged('המשלוח חינם ולא יגבה תשלום', 'he')).toEqual(['ולא']);
    // Negative concord counts once, and an idiom that only looks negative not at all.
    expect(flagged('Nie ma żadnych opłat', 'pl')).toEqual(['nie']);
    expect(flagged('Not only shoes: apparel too', 'en')).toEqual([]);
    expect(flagged("Shipping isn't free", 'en')).toEqual(["isn't"]);
  });
});

describe('negationCues in context', () => {
  const flags = (sentence: string, language: string) => {
    const words = sentence.split(' ');
    return words.filter((_, i) => negationCues(words, language)[i]);
  };

  it('drops idioms that only look negative', () => {
    expect(flags('not only shoes', 'en')).toEqual([]);
    expect(flags("don't miss the sale", 'en')).toEqual([]);
    expect(flags('nie przegap wyprzedaży', 'pl')).toEqual([]);
    expect(flags('nie ma jak darmowa dostawa', 'pl')).toEqual([]);
    expect(flags('אין כמו משלוח חינם', 'he')).toEqual([]);
    expect(flags('ולא רק נעליים', 'he')).toEqual([]);
    expect(flags('no 1 in running', 'en')).toEqual([]);
  });

  it('keeps real negations next to the idioms', () => {
    expect(flags('not free', 'en')).toEqual(['not']);
    expect(flags('nie jest darmowa', 'pl')).toEqual(['nie']);
    expect(flags('אין משלוח חינם', 'he')).toEqual(['אין']);
  });

  it('reads Hebrew אל as a negation only before an imperative or future verb', () => {
    expect(flags('אל תפספסו', 'he')).toEqual([]);
    expect(flags('אל תשלמו על משלוח', 'he')).toEqual(['אל']);
    expect(flags('שלח אל חבר', 'he')).toEqual([]);
  });

  it('counts negative concord once in Polish and Hebrew, but not across a long sentence', () => {
    expect(flags('nie ma żadnych opłat', 'pl')).toEqual(['nie']);
    expect(flags('nigdy nie pobieramy opłat', 'pl')).toEqual(['nie']);
    expect(flags('żadnych ukrytych kosztów', 'pl')).toEqual(['żadnych']);
    expect(flags('מעולם לא גבינו', 'he')).toEqual(['לא']);
    expect(flags('nie dziś ale jutro lub za tydzień żadnych opłat', 'pl')).toEqual(['nie', 'żadnych']);
  });

  it('gives one flag per word, whatever the words', () => {
    expect(negationCues([], 'en')).toEqual([]);
    expect(negationCues(['', '\u200F', 'לא'], 'he')).toEqual([false, false, true]);
  });

  it("reads a contraction's n't at the end of a word only", () => {
    for (const word of ["n't", 'n’t', "won't", 'shouldn’t']) expect(isNegationCue(word, 'en'), word).toBe(true);
    for (const word of ["'t", 'nt', 'want', "n't've", "n''t", 'n`t', 'ńt']) expect(isNegationCue(word, 'en'), word).toBe(false);
  });

  // Tokenizing asks whether a word can negate once per distinct word, and hands the answers to
  // negationCues: the flags must be the ones negationCues finds from the words alone, however
  // often a word was seen before.
  it("gives tokens the flags negationCues gives their sentence's words", () => {
    const sentences: Array<[string, string]> = [
      ["Shipping isn't free, and it's not only shoes: don't miss it", 'en'],
      ['No 1 in running, no fees and no card needed, never', 'en'],
      ['Nie ma żadnych opłat, nie przegap, nigdy nie pobieramy opłat, nie dziś ale jutro lub za tydzień żadnych opłat', 'pl'],
      ['אל תפספסו, אל תשלמו על משלוח, המשלוח חינם ולא יגבה תשלום, ללא עמלות ואין כמו משלוח חינם', 'he'],
      ['Kein Versand, nicht nur Schuhe, ohne Karte', 'de'],
      ['not nie לא', 'xx'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [sentence, language] of sentences) {
        const tokens = tokenize(sentence, language);
        expect(
          tokens.map((t) => t.negation),
          sentence,
        ).toEqual(negationCues(tokens.map((t) => t.norm), language));
        expect(tokens.some((t) => t.negation)).toBe(true);
      }
    }
  });
});

describe('sentencePolarity', () => {
  it('is negated for an odd number of cues, affirmative for an even one', () => {
    expect(sentencePolarity('Shipping is not free.', 'en')).toBe('negated');
    expect(sentencePolarity('Free shipping is not without conditions.', 'en')).toBe('affirmative');
    expect(sentencePolarity('Darmowa dostawa.', 'pl')).toBe('affirmative');
  });

  it('reads raw text: typographic apostrophes, gershayim and bidi marks', () => {
    expect(sentencePolarity('Free shipping isn’t available.', 'en')).toBe('negated');
    expect(sentencePolarity('\u200Fהמשלוח\u200F אינו חינם', 'he')).toBe('negated');
    expect(sentencePolarity('', 'he')).toBe('affirmative');
  });
});
