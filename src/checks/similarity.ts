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

/**
 * The Dice score of a string that grows a word at a time against a fixed one: after each
 * `append`, `score` equals `dice(target, bigrams(words.join(' ')))`, but a window one word
 * longer costs only that word's bigrams instead of all of them again.
 */
export class GrowingDice {
  private readonly counts = new Map<string, number>();
  private readonly pieces: string[] = [];
  private shared = 0;
  private length = 0;
  private last = '';

  constructor(private readonly target: Bigrams) {}

  append(word: string): void {
    const text = /\s/.test(word) ? word.replace(/\s+/g, '') : word;
    if (!text) return;
    if (this.last) this.count(this.last + text[0]);
    for (let i = 0; i < text.length - 1; i++) this.count(text.substring(i, i + 2));
    this.pieces.push(text);
    this.length += text.length;
    this.last = text[text.length - 1];
  }

  get score(): number {
    const { target } = this;
    if (this.length === target.compact.length && this.pieces.join('') === target.compact) return 1;
    if (this.length < 2 || target.compact.length < 2) return 0;
    return (2 * this.shared) / (target.total + this.length - 1);
  }

  private count(pair: string): void {
    const had = this.counts.get(pair) ?? 0;
    this.counts.set(pair, had + 1);
    if (had < (this.target.counts.get(pair) ?? 0)) this.shared++;
  }
}
