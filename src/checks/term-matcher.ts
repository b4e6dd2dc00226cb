// Every term's phrases in one trie over case-folded text, so a part is read once for all
// terms (a spec may hold thousands), never once per phrase. A phrase matches on word
// boundaries (never inside a longer word: "secure" has no "cure"), any run of whitespace
// where it has a space; whether the case must match too is the caller's judgement, made on
// the span as written.
import { foldText } from '../normalize/fold.js';

export interface PhraseMatch<T> {
  start: number;
  end: number;
  /** Every phrase whose folded form is this span, in the order they were added. */
  entries: readonly T[];
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  entries: T[];
}

/** Lower case that keeps every offset: a character whose lower case is longer stays as it is. */
export function foldCaseInPlace(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const low = ch.toLowerCase();
    out += low.length === 1 ? low : ch;
  }
  return out;
}

/** The folded form of a phrase as written: NFKC, quotes and dashes folded, single spaces. */
export const phraseText = (phrase: string): string => foldText(phrase).text;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/;

/** Which code units of the text belong to a word (letter, number or mark), astral ones included. */
function wordChars(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[i] = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 1 : 0;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const word = WORD_CHAR.test(text.slice(i, i + 2)) ? 1 : 0;
      out[i] = out[i + 1] = word;
      i++;
    } else {
      out[i] = WORD_CHAR.test(text[i]) ? 1 : 0;
    }
  }
  return out;
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), entries: [] };

  /** Adds a phrase (folded as copy is); an empty one is ignored. */
  add(phrase: string, entry: T): void {
    const key = foldCaseInPlace(phraseText(phrase)).replace(/\s+/g, ' ').trim();
    if (!key) return;
    let node = this.root;
    for (const ch of key) {
      for (let k = 0; k < ch.length; k++) {
        const unit = ch[k];
        let child = node.next.get(unit);
        if (!child) node.next.set(unit, (child = { next: new Map(), entries: [] }));
        node = child;
      }
    }
    node.entries.push(entry);
  }

  /**
   * Every span of the (folded) text that is one of the phrases on word boundaries, in order
   * of start, shorter before longer; overlapping spans are all returned.
   */
  scan(text: string): Array<PhraseMatch<T>> {
    const out: Array<PhraseMatch<T>> = [];
    if (this.root.next.size === 0) return out;
    const lower = foldCaseInPlace(text);
    const word = wordChars(text);
    for (let s = 0; s < text.length; s++) {
      if (s > 0 && word[s - 1]) continue;
      let node = this.root.next.get(lower[s]);
      let p = s + 1;
      while (node) {
        if (node.entries.length && (p === text.length || !word[p])) out.push({ start: s, end: p, entries: node.entries });
        if (p >= text.length) break;
        if (SPACE.test(text[p])) {
          node = node.next.get(' ');
          while (p < text.length && SPACE.test(text[p])) p++;
        } else {
          node = node.next.get(lower[p]);
          p++;
        }
      }
    }
    return out;
  }
}
