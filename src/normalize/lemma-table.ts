// A word -> lemma table precomputed from compromise (scripts/english-lemmas.mjs), so that
// a run whose words are all in it never loads compromise (~0.4 s of a small check).
//
// Format: UTF-8, one entry a line, sorted by bytes so that a lookup is a binary search
// over the file's bytes as read, with no decoding or parsing at load (decoding ~1 MB of
// text alone costs several milliseconds). A word that is its own lemma is the bare word;
// any other is "word<TAB>N suffix": drop the word's last N characters and append the suffix
// ("orders\t1" -> "order", "bought\t5uy" -> "buy"). A tab sorts before every byte a word
// can hold, so sorting whole lines sorts them by word.

const NEWLINE = 0x0a;
const TAB = 0x09;

/** A sorted table of word -> lemma, searched in place. */
export class LemmaTable {
  private constructor(private readonly bytes: Buffer) {}

  static fromBytes(bytes: Buffer): LemmaTable {
    return new LemmaTable(bytes.length === 0 || bytes[bytes.length - 1] === NEWLINE ? bytes : Buffer.concat([bytes, Buffer.of(NEWLINE)]));
  }

  static fromText(text: string): LemmaTable {
    return LemmaTable.fromBytes(Buffer.from(text, 'utf8'));
  }

  /** The lemma of `word`, or undefined when the table does not know it. */
  get(word: string): string | undefined {
    const { bytes } = this;
    const wanted = Buffer.from(word, 'utf8');
    let lo = 0; // first byte of the first line still in range
    let hi = bytes.length; // one past the newline of the last line still in range
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : bytes.lastIndexOf(NEWLINE, mid - 1) + 1;
      const end = bytes.indexOf(NEWLINE, mid);
      let keyEnd = start;
      while (keyEnd < end && bytes[keyEnd] !== TAB) keyEnd++;
      const order = compareBytes(bytes, start, keyEnd, wanted);
      if (order === 0) return keyEnd === end ? word : decodeLemma(word, bytes.toString('utf8', keyEnd + 1, end));
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }
}

/** Byte order of bytes[from, to) against `other`, as Buffer.compare, without a view per step. */
function compareBytes(bytes: Buffer, from: number, to: number, other: Uint8Array): number {
  const length = Math.min(to - from, other.length);
  for (let i = 0; i < length; i++) {
    const diff = bytes[from + i] - other[i];
    if (diff !== 0) return diff;
  }
  return to - from - other.length;
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
  const sorted = lines.map((line) => Buffer.from(line, 'utf8')).sort(Buffer.compare);
  return sorted.length === 0 ? '' : `${sorted.map((line) => line.toString('utf8')).join('\n')}\n`;
}
