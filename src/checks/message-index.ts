// What makes message matching cost what it finds, kept apart from what a match means
// (match-message.ts):
// - a part's index of where each stem is (which sentences), so the sentence groups (up to
//   three consecutive sentences, the windows' home) that share enough with a wording are
//   found without visiting the others;
// - an upper bound on the Dice score a window can reach, from per-word counts, so a window is
//   scored only when it could reach the drift floor (or beat the best window so far);
// - a bounded memo of each distinct group's best windows per wording: navigation, footers and
//   repeated blocks recur on every page, and their tokens (so their judgement) depend on
//   nothing but their text and language (normalize numbers the sentences that recur).
import { partTokens as tokensOfPart, stemNumber, type NormalizedPart, type Sentence, type Token } from '../normalize/index.js';
import { seamIn, sharedWith, targetIndex, type Bigrams, type TargetIndex, type WordBigrams } from './similarity.js';

export interface SentenceGroup {
  /** The part's tokens (or just the group's): the group is tokens[from, to). */
  tokens: readonly Token[];
  from: number;
  to: number;
  /** Windows start in the first sentence: its token count. */
  firstCount: number;
}

/** A part's tokens in one array, and where each sentence starts in it (one more for the end). */
interface PartTokens {
  tokens: readonly Token[];
  sentenceStart: number[];
}

// Per-part caches here are keyed by the part's sentences, which parts with the same text and
// language share (normalize/index.ts reads a recurring text once).
const partTokens = new WeakMap<readonly Sentence[], PartTokens>();

function tokensOf(np: NormalizedPart): PartTokens {
  let flat = partTokens.get(np.sentences);
  if (flat) return flat;
  const sentenceStart = [0];
  for (const sentence of np.sentences) sentenceStart.push(sentenceStart[sentenceStart.length - 1] + sentence.tokens.length);
  partTokens.set(np.sentences, (flat = { tokens: tokensOfPart(np), sentenceStart }));
  return flat;
}

// A part's index is one sorted array of (stem number, sentence) pairs, 8 bytes each, held
// only as long as the part is. It holds only the stems candidateGroups has been asked about
// in this process (the wordings' content stems: a fraction of a part's words), and a part's
// index made before a stem was first asked about is made again.
const SENTENCE_BITS = 2 ** 24;
const indexes = new WeakMap<readonly Sentence[], { asked: number; pairs: Float64Array }>();

/** By stem number: 1 once candidateGroups has been asked about the stem. */
let askedStems = new Uint8Array(1024);
/** How many stems have been asked about: what a part's index was made with. */
let askedCount = 0;

// A set of stems (a wording's) as their numbers, each noted as asked about.
const stemNumbersBySet = new WeakMap<ReadonlySet<string>, Int32Array>();

function askedNumbers(stems: ReadonlySet<string>): Int32Array {
  let numbers = stemNumbersBySet.get(stems);
  if (numbers) return numbers;
  numbers = Int32Array.from(stems, stemNumber);
  for (const number of numbers) {
    if (number >= askedStems.length) askedStems = grownToHold(askedStems, number);
    if (askedStems[number] === 0) {
      askedStems[number] = 1;
      askedCount++;
    }
  }
  stemNumbersBySet.set(stems, numbers);
  return numbers;
}

function indexOf(np: NormalizedPart): Float64Array {
  const known = indexes.get(np.sentences);
  if (known && known.asked === askedCount) return known.pairs;
  const pairs: number[] = [];
  for (let k = 0; k < np.sentences.length; k++) {
    const seen = nextMark();
    for (const { stemNumber } of np.sentences[k].tokens) {
      if (stemNumber < askedStems.length && askedStems[stemNumber] === 1 && mark(seen, stemNumber)) pairs.push(stemNumber * SENTENCE_BITS + k);
    }
  }
  const index = Float64Array.from(pairs).sort();
  indexes.set(np.sentences, { asked: askedCount, pairs: index });
  return index;
}

// Which stems a sentence (or part) was seen to hold, by stem number: the last mark each got.
// A new mark per sentence instead of a set per sentence; none of them is ever cleared. One
// user at a time: a mark is tested only until the next one is taken (indexOf here, and
// WordingIndex.candidatesIn, each within one loop).
let marks = new Int32Array(1024);
let lastMark = 0;

/** A mark no stem has yet. */
export function nextMark(): number {
  if (lastMark === 2 ** 31 - 1) {
    marks.fill(0);
    lastMark = 0;
  }
  return ++lastMark;
}

/** Gives the stem the mark; false when it had it already. */
export function mark(seen: number, stemNumber: number): boolean {
  if (stemNumber >= marks.length) marks = grownToHold(marks, stemNumber);
  if (marks[stemNumber] === seen) return false;
  marks[stemNumber] = seen;
  return true;
}

/** A copy of a table by stem number long enough to hold `stemNumber` (at least twice as long), zeros past the old end. */
function grownToHold<T extends Int32Array | Uint8Array>(table: T, stemNumber: number): T {
  const grown = new (table.constructor as new (length: number) => T)(Math.max(stemNumber + 1, 2 * table.length));
  grown.set(table);
  return grown;
}

/**
 * The first sentences of the groups (up to three consecutive sentences) holding at least
 * `needed` of the stems, ascending: found from the stems' places, so a group that shares
 * too little with the wording is never looked at.
 */
export function candidateGroups(np: NormalizedPart, stems: ReadonlySet<string>, needed: number): number[] {
  // The stems are noted as asked about before the part's index is looked at.
  const numbers = askedNumbers(stems);
  const index = indexOf(np);
  if (counts.length < np.sentences.length) {
    counts = new Int32Array(Math.max(np.sentences.length, 2 * counts.length));
    touched = new Int32Array(counts.length);
  }
  // Each group is touched once (its count goes from 0 to 1 once), so `touched` cannot overflow.
  let touchedCount = 0;
  for (const number of numbers) {
    const from = number * SENTENCE_BITS;
    // A stem counts once per group, however many of its three sentences hold it.
    let marked = -1;
    for (let p = lowerBound(index, from); p < index.length && index[p] < from + SENTENCE_BITS; p++) {
      const s = index[p] - from;
      for (let k = Math.max(0, s - 2, marked + 1); k <= s; k++) if (counts[k]++ === 0) touched[touchedCount++] = k;
      marked = s;
    }
  }
  const out: number[] = [];
  for (let t = 0; t < touchedCount; t++) {
    const k = touched[t];
    if (counts[k] >= needed) out.push(k);
    counts[k] = 0;
  }
  // Mostly one group, or already in order: sorting makes a copy, so only when needed.
  for (let t = 1; t < out.length; t++) if (out[t] < out[t - 1]) return out.sort((a, b) => a - b);
  return out;
}

// Scratch counts per group for candidateGroups, and the groups counted, zeroed again after each use.
let counts = new Int32Array(256);
let touched = new Int32Array(256);

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The group whose first sentence is `k`: up to three sentences, over the part's token array. */
export function groupAt(np: NormalizedPart, k: number): SentenceGroup {
  const { tokens, sentenceStart } = tokensOf(np);
  const from = sentenceStart[k];
  return { tokens, from, to: sentenceStart[Math.min(k + 3, np.sentences.length)], firstCount: sentenceStart[k + 1] - from };
}

/**
 * The group's sentences by their numbers (normalize gives each recurring sentence one): groups
 * with equal keys have equal tokens. Undefined for a group with a sentence not seen to recur:
 * it is not remembered.
 */
export function groupKey(np: NormalizedPart, k: number): string | undefined {
  // Asked for every group a wording is matched in: no arrays made to join three numbers.
  const end = Math.min(k + 3, np.sentences.length);
  let key = '';
  for (let s = k; s < end; s++) {
    const recurring = np.sentences[s].recurring;
    if (recurring === undefined) return undefined;
    key = s === k ? `${recurring}` : `${key},${recurring}`;
  }
  return key;
}

/** Every group of the part, in order (tests compare the index with them all). */
export function sentenceGroups(np: NormalizedPart): SentenceGroup[] {
  return np.sentences.map((_, k) => groupAt(np, k));
}

/** How many of the stems the group's tokens have: the prefilter's measure. */
export function sharedStems(group: SentenceGroup, stems: ReadonlySet<string>): number {
  const present = new Set(group.tokens.slice(group.from, group.to).map((t) => t.stem));
  let shared = 0;
  for (const stem of stems) if (present.has(stem)) shared++;
  return shared;
}

// --- The bound -------------------------------------------------------------------------

/**
 * An upper bound on `dice(target, window)` for every window [i, j) of a group, where the
 * window's string is its words joined (`codes`: each token's word coded as bigram numbers, or
 * undefined when the key leaves the token out). The window shares at most what each word
 * shares on its own plus, per seam between two of its words, the seam's bigram when the
 * target has it, and never more than the target has; its bigram total is exact. Same
 * arithmetic as the score, so bound ≥ score holds in floating point too.
 */
export class DiceBound {
  private readonly lengths: Int32Array;
  private readonly shared: Int32Array;
  /** seams[k]: how many words before k have a seam bigram the target has with the word before them. */
  private readonly seams: Int32Array;
  /** That seam of word k itself (1 or 0), which does not count when k opens the window. */
  private readonly seamOf: Int32Array;
  private readonly open: boolean;
  /** The target's index, kept for the questions asked of it about every word. */
  private readonly index: TargetIndex;
  /** Words before this (relative) index are counted. */
  private filled = 0;
  private previous: string | undefined;

  /**
   * Bounds for windows within codes[from, to); `at` takes indexes into `codes`. Only the
   * stretches `cover` was given are counted (the constructor covers [from, to) when `lazy`
   * is not set): a part's groups ask for theirs, and the words between them cost nothing.
   */
  constructor(
    private readonly codes: ReadonlyArray<WordBigrams | undefined>,
    private readonly target: Bigrams,
    private readonly from = 0,
    to = codes.length,
    lazy = false,
    /** Arrays to count in (each at least to - from + 1 long), when the caller reuses them. */
    buffers?: BoundBuffers,
  ) {
    const n = to - from;
    const arrays = buffers ?? new BoundBuffers();
    arrays.fit(n + 1);
    ({ lengths: this.lengths, shared: this.shared, seams: this.seams, seamOf: this.seamOf } = arrays);
    // Only what `cover` writes is ever read, from index 0 on: the first prefix sums are zero.
    this.lengths[0] = this.shared[0] = this.seams[0] = 0;
    // A target under two characters scores by string equality alone: no bound.
    this.open = target.compact.length < 2;
    this.index = targetIndex(target);
    if (!lazy) this.cover(from, to);
  }

  /**
   * Counts the words of codes[a, b) (indexes into `codes`), in ascending stretches. Words
   * skipped between stretches count as nothing: a window lies within one stretch, and the
   * seam of its first word, whatever word it was taken from, is never counted.
   */
  cover(a: number, b: number): void {
    const { codes, from, index } = this;
    for (let k = this.filled; k < b - from; k++) {
      const code = k + from >= a ? codes[k + from] : undefined;
      const text = code ? code.text : '';
      this.seamOf[k] = text && !this.open && this.previous !== undefined && seamIn(index, this.previous, text) ? 1 : 0;
      if (text) this.previous = text;
      this.lengths[k + 1] = this.lengths[k] + text.length;
      this.shared[k + 1] = this.shared[k] + (code && !this.open ? sharedWith(index, code) : 0);
      this.seams[k + 1] = this.seams[k] + this.seamOf[k];
    }
    this.filled = Math.max(this.filled, b - from);
  }

  at(i: number, j: number): number {
    if (this.open) return 1;
    i -= this.from;
    j -= this.from;
    const length = this.lengths[j] - this.lengths[i];
    if (length < 2) return 0;
    return (2 * this.sharedIn(i, j)) / (this.target.total + length - 1);
  }

  /**
   * At least `at(i, j)` for every j in [shortest, longest]: what the longest window shares over
   * the length of the shortest (what a window shares only grows with it, its length too). One
   * test instead of one per window rules out a start none of whose windows can count.
   */
  atMost(i: number, shortest: number, longest: number): number {
    if (this.open) return 1;
    i -= this.from;
    const a = shortest - this.from;
    const b = longest - this.from;
    if (this.lengths[b] - this.lengths[i] < 2) return 0;
    return (2 * this.sharedIn(i, b)) / (this.target.total + Math.max(2, this.lengths[a] - this.lengths[i]) - 1);
  }

  /**
   * At most how many bigrams the words [i, j) (relative to `from`, holding some text) share
   * with the target: each word's own, and its seams, but not the seam of the first word that
   * has text (what stands before the window is not in it).
   */
  private sharedIn(i: number, j: number): number {
    let first = i;
    while (this.lengths[first + 1] === this.lengths[first]) first++;
    const seams = this.seams[j] - this.seams[i] - this.seamOf[first];
    return Math.min(this.target.total, this.shared[j] - this.shared[i] + seams);
  }
}

/**
 * The arrays a DiceBound counts in. A part's bounds live only while one wording is matched in
 * it, so the next part's may count in the same arrays instead of allocating new ones.
 */
export class BoundBuffers {
  lengths = new Int32Array(0);
  shared = new Int32Array(0);
  seams = new Int32Array(0);
  seamOf = new Int32Array(0);

  fit(size: number): void {
    if (this.lengths.length >= size) return;
    const grown = Math.max(size, 2 * this.lengths.length, 64);
    this.lengths = new Int32Array(grown);
    this.shared = new Int32Array(grown);
    this.seams = new Int32Array(grown);
    this.seamOf = new Int32Array(grown);
  }
}

// --- The memo --------------------------------------------------------------------------

/**
 * A map that forgets its least recently used entry beyond `limit`: memory stays flat however
 * many pages a run reads, while the blocks every page repeats stay in it.
 */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly limit: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }

  clear(): void {
    this.map.clear();
  }
}
