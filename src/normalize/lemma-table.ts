// A word -> lemma table precomputed from compromise (scripts/english-lemmas.mjs), so that
// a run whose words are all in it never loads compromise (~0.4 s of a small check).
//
// Format: one entry a line, sorted by UTF-16 code units so that a lookup is a binary
// search over the file's text as read, with no parsing at load (~120k entries load in
// about a millisecond). A word that is its own lemma is the bare word; any other is
// "word<TAB>N suffix": drop the word's last N characters and append the suffix
// ("orders\t1" -> "order", "bought\t5uy" -> "buy"). A tab sorts before every character a
// word can hold, so sorting whole lines sorts them by word.

/** A sorted table of word -> lemma, searched in place. */
export class LemmaTable {
  private constructor(private readonly text: string) {}

  static fromText(text: string): LemmaTable {
    return new LemmaTable(text === '' || text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The lemma of `word`, or undefined when the table does not know it. */
  get(word: string): string | undefined {
    const { text } = this;
    let lo = 0; // first character of the first line still in range
    let hi = text.length; // one past the newline of the last line still in range
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const end = text.indexOf('\n', mid);
      const tab = text.indexOf('\t', start);
      const keyEnd = tab >= 0 && tab < end ? tab : end;
      const key = text.slice(start, keyEnd);
      if (key === word) return keyEnd === end ? word : decodeLemma(word, text.slice(keyEnd + 1, end));
      if (key < word) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }
}

function decodeLemma(word: string, code: string): string {
  const digits = /^\d+/.exec(code)![0];
  return word.slice(0, word.length - Number(digits)) + code.slice(digits.length);
}

/** One line of the table: "word" or "word<TAB>N suffix" (see the format above). */
export function encodeEntry(word: string, lemma: string): string {
  if (/[\t\n]/.test(word) || /[\t\n]/.test(lemma)) throw new Error(`lemma table: "${word}" holds a tab or newline`);
  if (lemma === word) return word;
  let shared = 0;
  while (shared < word.length && shared < lemma.length && word[shared] === lemma[shared]) shared++;
  // The suffix must not start with a digit, or it would read as part of N: share less.
  while (shared > 0 && /^\d/.test(lemma.slice(shared))) shared--;
  if (/^\d/.test(lemma.slice(shared))) throw new Error(`lemma table: "${word}" -> "${lemma}" cannot be encoded`);
  return `${word}\t${word.length - shared}${lemma.slice(shared)}`;
}

/** The table's text for these entries, sorted as LemmaTable.get expects. */
export function encodeTable(entries: Iterable<readonly [word: string, lemma: string]>): string {
  const lines = [...entries].map(([word, lemma]) => encodeEntry(word, lemma));
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${lines.join('\n')}\n`;
}
