// The Dice coefficient over character bigrams, score-identical to string-similarity's
// compareTwoStrings (the reference; test/checks/similarity.test.ts proves it), but a
// message's bigrams are counted once and reused against every window (FACTS.md: ~5x).

export interface Bigrams {
  counts: Map<string, number>;
  total: number;
  /** The whitespace-free string, for the reference's equality and length rules. */
  compact: string;
}

export function bigrams(text: string): Bigrams {
  const compact = text.replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (let i = 0; i < compact.length - 1; i++) {
    const pair = compact.substring(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return { counts, total: Math.max(0, compact.length - 1), compact };
}

export function dice(a: Bigrams, b: Bigrams): number {
  if (a.compact === b.compact) return 1;
  if (a.compact.length < 2 || b.compact.length < 2) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [pair, count] of small.counts) {
    const other = large.counts.get(pair);
    if (other) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.total + b.total);
}

export function compareTwoStrings(first: string, second: string): number {
  return dice(bigrams(first), bigrams(second));
}

// The target's bigrams numbered, and each word's bigrams as those numbers (a bigram the
// target lacks can never be shared, so it is only counted in the length): appending a word
// is then a few integer increments, with no substring or map entry made per bigram.
interface TargetIndex {
  ids: Map<string, number>;
  /** How often the target has each numbered bigram. */
  limits: Int32Array;
  words: Map<string, WordCode>;
}

/** A word as one target sees it. */
export interface WordCode {
  /** The word without whitespace. */
  text: string;
  /** Ids of the word's own bigrams that the target has. */
  shared: Int32Array;
  /** How many bigrams the word alone shares with the target: Σ min(count in word, in target). */
  within: number;
}

const targets = new WeakMap<Bigrams, TargetIndex>();
const WORDS_PER_TARGET = 50_000;

function indexOf(target: Bigrams): TargetIndex {
  let index = targets.get(target);
  if (!index) {
    const ids = new Map<string, number>();
    const limits = new Int32Array(target.counts.size);
    for (const [pair, count] of target.counts) {
      limits[ids.size] = count;
      ids.set(pair, ids.size);
    }
    targets.set(target, (index = { ids, limits, words: new Map() }));
  }
  return index;
}

function codeOf(index: TargetIndex, word: string): WordCode {
  let code = index.words.get(word);
  if (code) return code;
  const text = /\s/.test(word) ? word.replace(/\s+/g, '') : word;
  const shared: number[] = [];
  const used = new Map<number, number>();
  let within = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const id = index.ids.get(text.substring(i, i + 2));
    if (id === undefined) continue;
    shared.push(id);
    const had = used.get(id) ?? 0;
    if (had < index.limits[id]) within++;
    used.set(id, had + 1);
  }
  code = { text, shared: Int32Array.from(shared), within };
  if (index.words.size >= WORDS_PER_TARGET) index.words.clear();
  index.words.set(word, code);
  return code;
}

/** The word as the target sees it (cached per target: words recur). */
export function wordCode(target: Bigrams, word: string): WordCode {
  return codeOf(indexOf(target), word);
}

/**
 * The Dice score of a string that grows a word at a time against a fixed one: after each
 * `append`, `score` equals `dice(target, bigrams(words.join(' ')))`, but a window one word
 * longer costs only that word's bigrams instead of all of them again.
 */
export class GrowingDice {
  private readonly index: TargetIndex;
  private readonly counts: Int32Array;
  private readonly touched: number[] = [];
  private readonly pieces: string[] = [];
  private shared = 0;
  private length = 0;
  private last = '';

  constructor(private readonly target: Bigrams) {
    this.index = indexOf(target);
    this.counts = new Int32Array(this.index.limits.length);
  }

  /** Back to the empty string, to grow another window against the same target. */
  reset(): void {
    for (const id of this.touched) this.counts[id] = 0;
    this.touched.length = 0;
    this.pieces.length = 0;
    this.shared = 0;
    this.length = 0;
    this.last = '';
  }

  append(word: string): void {
    this.appendCode(codeOf(this.index, word));
  }

  /** `append` for a word already coded against this target (see `wordCode`). */
  appendCode({ text, shared }: WordCode): void {
    if (!text) return;
    if (this.last) {
      const seam = this.index.ids.get(this.last + text[0]);
      if (seam !== undefined) this.count(seam);
    }
    for (let k = 0; k < shared.length; k++) this.count(shared[k]);
    this.pieces.push(text);
    this.length += text.length;
    this.last = text[text.length - 1];
  }

  get score(): number {
    const { target } = this;
    // Equal strings share every bigram: only then can they be equal.
    if (this.length === target.compact.length && this.shared === target.total && this.pieces.join('') === target.compact) return 1;
    if (this.length < 2 || target.compact.length < 2) return 0;
    return (2 * this.shared) / (target.total + this.length - 1);
  }

  private count(id: number): void {
    const had = this.counts[id];
    if (had === 0) this.touched.push(id);
    this.counts[id] = had + 1;
    if (had < this.index.limits[id]) this.shared++;
  }
}
