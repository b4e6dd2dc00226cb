// Context words of a fact ("off", "ends", "הנחה") found among a scope's tokens.
// SPEC.md §7: a near word longer than three letters also matches words that start with it
// (inflection); shorter ones match whole words; Hebrew one-letter prefixes may precede.
// Diacritics are ignored on both sides: copy typed without Polish letters ("wysylka") still
// has its context word ("wysyłka").
import { foldText, stripDiacritics } from '../normalize/fold.js';
import { lowerCase, type Token } from '../normalize/index.js';
import { isHebrewLetter, splitWords } from '../normalize/segment.js';

const HEBREW_PREFIX = /^[והבלמשכ]{1,2}(?=[\u05D0-\u05EA])/;

export interface NearWord {
  words: string[];
}

export function prepareNear(phrase: string, language: string): NearWord {
  const text = lowerCase(foldText(phrase).text, language);
  return { words: splitWords(text).map((s) => stripDiacritics(text.slice(s.start, s.end))) };
}

/** A token's word without its Hebrew one-letter prefix; the word itself when it has none. */
const withoutPrefix = (bare: string) => (isHebrewLetter(bare.charCodeAt(0)) ? bare.replace(HEBREW_PREFIX, '') : bare);

/** A word of a phrase matches a form of a token: as a prefix when longer than three letters, else whole. */
const formMatches = (form: string, word: string) => (word.length > 3 ? form.startsWith(word) : form === word);

/**
 * The token (without diacritics) matches the word as it is or, in Hebrew, without a
 * one-letter prefix. Asked for every word after a phrase's first: no list of forms is made.
 */
function wordMatches(token: Token, word: string): boolean {
  const bare = token.bare;
  if (formMatches(bare, word)) return true;
  const stripped = withoutPrefix(bare);
  return stripped !== bare && formMatches(stripped, word);
}

/** [first, last] token indexes of each occurrence of the near phrase in tokens. */
export function findNear(tokens: readonly Token[], near: NearWord): Array<[number, number]> {
  return findNearAny(tokens, indexNear([near]));
}

/**
 * A fact's near phrases, prepared once and indexed by the head of their first word (its first
 * three letters, or the whole of a shorter word), so finding them costs one lookup per token,
 * not one per phrase: a spec with 10,000 near words must not make every sentence compare every
 * word with every token.
 */
export interface NearIndex {
  /**
   * Phrases by their head's number (headNumber). Other heads may share a number: a token's
   * candidates are then told apart by matching their first word, as they always are.
   */
  byHead: Map<number, NearWord[]>;
}

const HEAD = 3;

/**
 * A number for the head of a word, its first three UTF-16 units (all of a shorter word): equal
 * heads have equal numbers. Worked out from the units, so a token's head costs no string.
 */
function headNumber(word: string): number {
  const length = Math.min(word.length, HEAD);
  let hash = length;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash & 0x3fffffff;
}

export function indexNear(phrases: readonly NearWord[]): NearIndex {
  const byHead = new Map<number, NearWord[]>();
  for (const near of phrases) {
    const first = near.words[0];
    if (first === undefined) continue;
    const head = headNumber(first);
    const list = byHead.get(head);
    if (list) list.push(near);
    else byHead.set(head, [near]);
  }
  // Shortest first word first: the order in which a token's growing prefixes meet them.
  for (const list of byHead.values()) list.sort((a, b) => a.words[0].length - b.words[0].length);
  return { byHead };
}

/** [first, last] token indexes of each occurrence of any indexed phrase, once each. */
export function findNearAny(tokens: readonly Token[], index: NearIndex): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  eachNear(tokens, index, (first, last) => hits.push([first, last]));
  return hits;
}

const NONE: readonly NearWord[] = [];

/** Calls `hit` for each occurrence of an indexed phrase, with the phrase found. */
export function eachNear(tokens: readonly Token[], index: NearIndex, hit: (first: number, last: number, near: NearWord) => void): void {
  if (!index.byHead.size) return;
  // The phrases a token may begin; most tokens begin none, and make nothing.
  const found: NearWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // The token as it is and, in Hebrew, without a one-letter prefix: a first word longer
    // than three letters matches as a prefix of either, a shorter one only as the whole.
    const bare = tokens[i].bare;
    const stripped = withoutPrefix(bare);
    const own = index.byHead.get(headNumber(bare));
    const unprefixed = stripped !== bare ? index.byHead.get(headNumber(stripped)) : undefined;
    if (!own && !unprefixed) continue;
    found.length = 0;
    for (const near of own ?? NONE) if (formMatches(bare, near.words[0])) found.push(near);
    for (const near of unprefixed ?? NONE) if (formMatches(stripped, near.words[0]) && !found.includes(near)) found.push(near);
    for (const near of found) {
      const n = near.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = wordMatches(tokens[i + k], near.words[k]);
      if (ok) hit(i, i + n - 1, near);
    }
  }
}
