// Lemmas let "orders" match "order" and "bought" match "buy". English goes through
// compromise; it is slow on whole texts (FACTS.md: ~200k chars/s), so it runs once per
// distinct word and the answer is cached. Loading and warming compromise costs ~0.4 s,
// most of a small check, so its answers for ~100k common words are precomputed in
// data/english-lemmas.txt (npm run lemmas) and compromise loads only for a word the table
// lacks. Other languages get a light suffix stripper.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { primaryLanguage } from './language.js';
import { LemmaTable } from './lemma-table.js';

type Term = { normal: string; root?: string };
type Nlp = (text: string) => { compute(name: string): void; docs: Term[][] };

let nlp: Nlp | undefined;
// The CommonJS build is one file; the ESM entry loads ~450 files (FACTS.md).
function compromise(): Nlp {
  nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlp;
}

/** Whether englishLemma may answer `word` with the word itself without asking anyone. */
export function isLemmaExempt(word: string): boolean {
  return word.length < 3 || /\d/.test(word);
}

/**
 * compromise's lemma of one lower-cased word read on its own: the reference the table is
 * generated from and tested against. A root of several words (a contraction) is no lemma.
 */
export function compromiseLemma(word: string): string {
  const doc = compromise()(word);
  doc.compute('root');
  const term = doc.docs[0]?.[0];
  const lemma = term?.root || term?.normal || word;
  return lemma.includes(' ') ? word : lemma;
}

export const ENGLISH_LEMMAS_FILE = new URL('../../data/english-lemmas.txt', import.meta.url);

let table: LemmaTable | undefined;
function englishTable(): LemmaTable {
  if (!table) {
    let bytes = Buffer.alloc(0);
    try {
      bytes = readFileSync(ENGLISH_LEMMAS_FILE);
    } catch {
      // A copy without the table still gives the same lemmas, only by loading compromise.
    }
    table = LemmaTable.fromBytes(bytes);
  }
  return table;
}

const cache = new Map<string, string>();

// Who answers a word the table lacks: compromise, here, unless the thread was told to ask
// elsewhere (a run's worker threads ask their main thread: campaign/lemma-line.ts).
let lemmaOfMissing: (word: string) => string = compromiseLemma;

/** Has `lookUp` answer the words the table lacks instead of loading compromise on this thread. */
export function answerMissingLemmasWith(lookUp: (word: string) => string): void {
  lemmaOfMissing = lookUp;
}

function englishLemma(word: string): string {
  if (isLemmaExempt(word)) return word;
  let lemma = cache.get(word);
  if (lemma === undefined) {
    lemma = englishTable().get(word) ?? lemmaOfMissing(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, lemma);
  }
  return lemma;
}

// Polish inflects heavily: strip the commonest case endings so "darmową dostawę" meets
// "darmowa dostawa" and "zamówieniach" meets "zamówienia". A stem, not a lemma; enough
// for similarity scoring. Longest ending first; the stem keeps at least four letters.
const POLISH_ENDINGS = [
  'owie', 'ami', 'ach', 'owi', 'ego', 'emu', 'ymi', 'imi', 'ych', 'ich', 'iem', 'iej',
  'om', 'ów', 'ie', 'ej', 'em', 'ym', 'im', 'ą', 'ę', 'y', 'i', 'a', 'e', 'o', 'u',
];

function polishStem(word: string): string {
  if (word.length < 5) return word;
  for (const ending of POLISH_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

// Hebrew writes prepositions, the article and conjunctions as one-letter prefixes
// (ו ה ב ל מ ש כ: "והמשלוח" = "and the shipping"), and plurals as suffixes (ים, ות).
// Stripping both, greedily and the same way on both sides, lets inflected forms meet:
// "הנחה" / "ההנחה" / "בהנחות" all become "הנח". Final letter forms are unified so that a
// stripped stem ends like any other.
const HEBREW_PREFIXES = new Set('ובהלמשכ');
const HEBREW_SUFFIXES = ['יים', 'ים', 'ות', 'ה'];
const FINAL_FORMS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const HEBREW_WORD = /^[\u05D0-\u05EA"']+$/;

function hebrewStem(word: string): string {
  if (!HEBREW_WORD.test(word)) return word;
  let stem = word;
  for (const suffix of HEBREW_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  while (stem.length > 3 && HEBREW_PREFIXES.has(stem[0])) stem = stem.slice(1);
  return stem.replace(/[ךםןףץ]/g, (ch) => FINAL_FORMS[ch]);
}

/** The lemma (or stem) of a lower-cased word in the given language. */
export function lemmatize(word: string, language: string): string {
  switch (primaryLanguage(language)) {
    case 'en':
      return englishLemma(word);
    case 'pl':
      return polishStem(word);
    case 'he':
      return hebrewStem(word);
    default:
      return word;
  }
}

/** Whether lemmatize is cheap for this language (no dictionary lookup). */
export function hasCheapStems(language: string): boolean {
  const primary = primaryLanguage(language);
  return primary === 'pl' || primary === 'he';
}

/** Whether lemmatize reads this language's words as English (the lemma table, then compromise). */
export function hasEnglishLemmas(language: string): boolean {
  return primaryLanguage(language) === 'en';
}
