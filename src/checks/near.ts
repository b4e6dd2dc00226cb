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

const isHebrewLetter = (code: number) => code >= 0x05d0 && code <= 0x05ea;

/** The token without diacritics, and without a Hebrew one-letter prefix when it has one. */
function forms(bare: string): string[] {
  if (!isHebrewLetter(bare.charCodeAt(0))) return [bare];
  const stripped = bare.replace(HEBREW_PREFIX, '');
  return stripped === bare ? [bare] : [bare, stripped];
}

function wordMatches(token: Token, word: string): boolean {
  return forms(token.bare).some((c) => (word.length > 3 ? c.startsWith(word) : c === word));
}

/** [first, last] token indexes of each occurrence of the near phrase in tokens. */
export function findNear(tokens: readonly Token[], near: NearWord): Array<[number, number]> {
  return findNearAny(tokens, indexNear([near]));
}

/**
 * A fact's near phrases, prepared once and indexed by their first word, so finding them costs
 * the length of each token, not the number of phrases: a spec with 10,000 near words must not
 * make every sentence compare every word with every token.
 */
export interface NearIndex {
  byFirst: Map<string, NearWord[]>;
  /** The lengths of the first words, ascending: only a token's prefixes of these lengths can be one. */
  firstLengths: number[];
}

export function indexNear(phrases: readonly NearWord[]): NearIndex {
  const byFirst = new Map<string, NearWord[]>();
  const lengths = new Set<number>();
  for (const near of phrases) {
    const first = near.words[0];
    if (first === undefined) continue;
    lengths.add(first.length);
    const list = byFirst.get(first);
    if (list) list.push(near);
    else byFirst.set(first, [near]);
  }
  return { byFirst, firstLengths: [...lengths].sort((a, b) => a - b) };
}

/** [first, last] token indexes of each occurrence of any indexed phrase, once each. */
export function findNearAny(tokens: readonly Token[], index: NearIndex): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  eachNear(tokens, index, (first, last) => hits.push([first, last]));
  return hits;
}

/** Calls `hit` for each occurrence of an indexed phrase, with the phrase found. */
export function eachNear(tokens: readonly Token[], index: NearIndex, hit: (first: number, last: number, near: NearWord) => void): void {
  if (!index.byFirst.size) return;
  const found = new Set<NearWord>();
  for (let i = 0; i < tokens.length; i++) {
    found.clear();
    for (const form of forms(tokens[i].bare)) {
      // Every prefix of the token that is a first word: a word longer than three letters
      // matches as a prefix, a shorter one only as the whole token.
      for (const length of index.firstLengths) {
        if (length > form.length) break;
        const phrases = index.byFirst.get(length === form.length ? form : form.slice(0, length));
        if (!phrases) continue;
        for (const near of phrases) if (length > 3 || length === form.length) found.add(near);
      }
    }
    for (const near of found) {
      const n = near.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = wordMatches(tokens[i + k], near.words[k]);
      if (ok) hit(i, i + n - 1, near);
    }
  }
}
