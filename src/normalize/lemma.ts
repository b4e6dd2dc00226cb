// Lemmas let "orders" match "order" and "bought" match "buy". English goes through
// compromise; it is slow on whole texts (FACTS.md: ~200k chars/s), so it runs once per
// distinct word and the answer is cached. Other languages get a light suffix stripper.
import { createRequire } from 'node:module';

type Nlp = (text: string) => { compute(name: string): void; json(): Array<{ terms: Array<{ normal: string; root?: string }> }> };

let nlp: Nlp | undefined;
// The CommonJS build is one file; the ESM entry loads ~450 files (FACTS.md).
function compromise(): Nlp {
  nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlp;
}

const cache = new Map<string, string>();

function englishLemma(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  let lemma = cache.get(word);
  if (lemma === undefined) {
    const doc = compromise()(word);
    doc.compute('root');
    const term = doc.json()[0]?.terms[0];
    lemma = term?.root || term?.normal || word;
    if (lemma.includes(' ')) lemma = word;
    if (cache.size > 200_000) cache.clear();
    cache.set(word, lemma);
  }
  return lemma;
}

// Polish inflects heavily: strip the commonest case endings so "darmową dostawę" meets
// "darmowa dostawa". A stem, not a lemma; enough for similarity scoring.
const POLISH_ENDINGS = ['ami', 'ach', 'owi', 'ego', 'emu', 'ymi', 'imi', 'ych', 'ich', 'om', 'ów', 'ą', 'ę', 'y', 'i', 'a', 'e', 'o', 'u'];

function polishStem(word: string): string {
  if (word.length < 5) return word;
  for (const ending of POLISH_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** The lemma (or stem) of a lower-cased word in the given language. */
export function lemmatize(word: string, language: string): string {
  switch (language.toLowerCase().split('-')[0]) {
    case 'en':
      return englishLemma(word);
    case 'pl':
      return polishStem(word);
    default:
      return word;
  }
}
