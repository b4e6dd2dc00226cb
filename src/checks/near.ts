// Context words of a fact ("off", "ends", "הנחה") found among a scope's tokens.
// SPEC.md §7: a near word longer than three letters also matches words that start with it
// (inflection); shorter ones match whole words; Hebrew one-letter prefixes may precede.
// Diacritics are ignored on both sides: copy typed without Polish letters ("wysylka") still
// has its context word ("wysyłka").
import { foldText, stripDiacritics } from '../normalize/fold.js';
import { lowerCase, type Token } from '../normalize/index.js';
import { splitWords } from '../normalize/segment.js';

const HEBREW_PREFIX = /^[והבלמשכ]{1,2}(?=[\u05D0-\u05EA])/;

export interface NearWord {
  words: string[];
}

export function prepareNear(phrase: string, language: string): NearWord {
  const text = lowerCase(foldText(phrase).text, language);
  return { words: splitWords(text).map((s) => stripDiacritics(text.slice(s.start, s.end))) };
}

function wordMatches(norm: string, word: string): boolean {
  const token = stripDiacritics(norm);
  const candidates = [token];
  const stripped = token.replace(HEBREW_PREFIX, '');
  if (stripped !== token) candidates.push(stripped);
  return candidates.some((c) => (word.length > 3 ? c.startsWith(word) : c === word));
}

/** [first, last] token indexes of each occurrence of the near phrase in tokens. */
export function findNear(tokens: readonly Token[], near: NearWord): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  const n = near.words.length;
  if (n === 0) return hits;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(tokens[i + k].norm, near.words[k]);
    if (ok) hits.push([i, i + n - 1]);
  }
  return hits;
}
