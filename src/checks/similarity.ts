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

// Every bigram seen gets a number for the process, and each word is kept as its bigrams'
// numbers; a target knows which numbers it has and how often. Appending a word to a window
// is then a few integer steps, with no substring or map entry made per bigram, and a word
// is coded once however many wordings it is held against.
const pairIds = new Map<string, number>();
// The same numbers by the pair's two UTF-16 code units, for a seam ("…e" + "s…"): no string
// made. A seam is looked up for every word appended to a window, so those of two ASCII
// characters (most) are in a table (-1: not seen yet), the others in a map.
const ASCII = 128;
const asciiPairIds = new Int32Array(ASCII * ASCII).fill(-1);
const pairIdsByCodes = new Map<number, number>();
const codePair = (first: number, second: number) => first * 65536 + second;

/** The number of the bigram of these two code units, or -1 when no text has had it yet. */
function pairIdOfCodes(first: number, second: number): number {
  if (first < ASCII && second < ASCII) return asciiPairIds[first * ASCII + second];
  return pairIdsByCodes.get(codePair(first, second)) ?? -1;
}

function pairId(pair: string): number {
  let id = pairIds.get(pair);
  if (id === undefined) {
    pairIds.set(pair, (id = pairIds.size));
    const first = pair.charCodeAt(0);
    const second = pair.charCodeAt(1);
    if (first < ASCII && second < ASCII) asciiPairIds[first * ASCII + second] = id;
    else pairIdsByCodes.set(codePair(first, second), id);
  }
  return id;
}

/** A word as Dice sees it: its whitespace-free text and the numbers of its own bigrams. */
export interface WordBigrams {
  text: string;
  ids: Int32Array;
  /**
   * The word's own number, counted up for the process: a target keeps what each word of the
   * current generation shares with it at the word's place in a table (see sharedWith).
   */
  number: number;
}

// The words coded so far, up to a limit; past it, a new generation of words starts (below).
const words = new Map<string, WordBigrams>();
const WORD_CACHE_LIMIT = 100_000;
let nextWordNumber = 0;

export function wordBigrams(word: string): WordBigrams {
  let coded = words.get(word);
  if (coded) return coded;
  const text = /\s/.test(word) ? word.replace(/\s+/g, '') : word;
  const ids = new Int32Array(Math.max(0, text.length - 1));
  for (let i = 0; i < ids.length; i++) ids[i] = pairId(text.substring(i, i + 2));
  if (words.size >= WORD_CACHE_LIMIT) startWordGeneration();
  words.set(word, (coded = { text, ids, number: nextWordNumber++ }));
  return coded;
}

/** A target's bigrams by number, and what words were found to share with it. */
export interface TargetIndex {
  /** Bigram number -> its slot in the target, or -1; numbers past the end are not in it. */
  slotOf: Int32Array;
  /** How often the target has the bigram in each slot. */
  limits: Int32Array;
  /**
   * sharedWith's answers, worked out once (a site repeats its words on every page), by the
   * word's number in the current generation: the answer plus one, 0 while not worked out.
   * An array, not a map by word: the window bound asks it about every word of a part, and a
   * map keyed by objects cost ~2x as much per question (bench: ~3 million questions).
   */
  sharedByWord: Uint8Array;
  /** The generation of words the table is for (see below). */
  sharedGeneration: number;
}

// What words share with targets is kept for one generation of words at a time. A generation
// ends when the words' cache is full or the targets' tables would take more than their
// budget; the next one numbers words from where the last stopped, and each table is emptied
// when next used: no list of tables is kept, so a table goes with its wording. A word coded in
// an earlier generation (still held by a part being checked) is counted, not looked up.
const TABLE_BUDGET = 4 * 1024 * 1024;
let tableBytes = 0;
let sharedGeneration = 0;
let firstWordNumber = 0;

/** Starts a new generation of words (exported for tests: in a run, the limits start one). */
export function startWordGeneration(): void {
  words.clear();
  sharedGeneration++;
  firstWordNumber = nextWordNumber;
  tableBytes = 0;
}

const targets = new WeakMap<Bigrams, TargetIndex>();

/** The target's index, made on first use: a caller asking about many words keeps it. */
export function targetIndex(target: Bigrams): TargetIndex {
  let index = targets.get(target);
  if (!index) {
    const entries = [...target.counts].map(([pair, count]) => [pairId(pair), count] as const);
    const slotOf = new Int32Array(entries.reduce((max, [id]) => Math.max(max, id + 1), 0)).fill(-1);
    const limits = new Int32Array(entries.length);
    entries.forEach(([id, count], slot) => {
      slotOf[id] = slot;
      limits[slot] = count;
    });
    targets.set(target, (index = { slotOf, limits, sharedByWord: EMPTY_TABLE, sharedGeneration }));
  }
  return index;
}

const slot = (index: TargetIndex, id: number) => (id < index.slotOf.length ? index.slotOf[id] : -1);

/**
 * Whether the bigram across the seam of two words joined ("…e" + "s…" = "es") is one the
 * target (its index) has. The window bound asks this and sharedWith about every word of a
 * part (~3 million times on the bench), so it keeps the index instead of having the target
 * looked up each time.
 */
export function seamIn(index: TargetIndex, before: string, after: string): boolean {
  const id = pairIdOfCodes(before.charCodeAt(before.length - 1), after.charCodeAt(0));
  return id >= 0 && slot(index, id) >= 0;
}

// Scratch counts per slot for sharedWithin, zeroed again after each use.
let scratch = new Int32Array(64);

/** How many bigrams the word alone shares with the target: Σ min(count in word, count in target). */
export function sharedWithin(target: Bigrams, word: WordBigrams): number {
  return sharedWith(targetIndex(target), word);
}

/** sharedWithin for a target's index (see seamIn). */
export function sharedWith(index: TargetIndex, word: WordBigrams): number {
  if (index.sharedGeneration !== sharedGeneration) {
    index.sharedByWord = EMPTY_TABLE;
    index.sharedGeneration = sharedGeneration;
  }
  const place = word.number - firstWordNumber;
  if (place < 0) return countShared(index, word);
  if (place < index.sharedByWord.length) {
    const known = index.sharedByWord[place];
    if (known !== 0) return known - 1;
  } else if (!grownToHold(index, place)) {
    return countShared(index, word);
  }
  const shared = countShared(index, word);
  // A word longer than a table entry holds is counted each time it is asked about.
  if (shared < 255) index.sharedByWord[place] = shared + 1;
  return shared;
}

const EMPTY_TABLE = new Uint8Array(0);

/** Grows the target's table to hold `place`, within the budget: false when a new generation had to start instead. */
function grownToHold(index: TargetIndex, place: number): boolean {
  const table = index.sharedByWord;
  const length = Math.min(Math.max(1024, 2 * (place + 1)), WORD_CACHE_LIMIT);
  if (tableBytes + length - table.length > TABLE_BUDGET) {
    startWordGeneration();
    index.sharedByWord = EMPTY_TABLE;
    index.sharedGeneration = sharedGeneration;
    return false;
  }
  const grown = new Uint8Array(length);
  grown.set(table);
  tableBytes += length - table.length;
  index.sharedByWord = grown;
  return true;
}

function countShared(index: TargetIndex, word: WordBigrams): number {
  if (scratch.length < index.limits.length) scratch = new Int32Array(index.limits.length * 2);
  let shared = 0;
  for (const id of word.ids) {
    const s = slot(index, id);
    if (s >= 0 && scratch[s]++ < index.limits[s]) shared++;
  }
  for (const id of word.ids) {
    const s = slot(index, id);
    if (s >= 0) scratch[s] = 0;
  }
  return shared;
}

/**
 * The Dice score of a string that grows a word at a time against a fixed one: after each
 * `append`, `score` equals `dice(target, bigrams(words.join(' ')))`, but a window one word
 * longer costs only that word's bigrams instead of all of them again.
 */
export class GrowingDice {
  private readonly index: TargetIndex;
  private readonly counts: Int32Array;
  // Reused from window to window: counts of the slots touched and pieces appended are kept
  // apart from the arrays, which are overwritten rather than emptied (emptying frees them).
  private readonly touched: number[] = [];
  private touchedCount = 0;
  private readonly pieces: string[] = [];
  private pieceCount = 0;
  private shared = 0;
  private length = 0;
  /** The last code unit appended (-1: none yet). */
  private last = -1;

  constructor(private readonly target: Bigrams) {
    this.index = targetIndex(target);
    this.counts = new Int32Array(this.index.limits.length);
  }

  /** Back to the empty string, to grow another window against the same target. */
  reset(): void {
    for (let k = 0; k < this.touchedCount; k++) this.counts[this.touched[k]] = 0;
    this.touchedCount = 0;
    this.pieceCount = 0;
    this.shared = 0;
    this.length = 0;
    this.last = -1;
  }

  append(word: string): void {
    this.appendWord(wordBigrams(word));
  }

  /** `append` for a word already coded (see `wordBigrams`). */
  appendWord({ text, ids }: WordBigrams): void {
    if (!text) return;
    if (this.last >= 0) {
      const seam = pairIdOfCodes(this.last, text.charCodeAt(0));
      if (seam >= 0) this.count(seam);
    }
    for (let k = 0; k < ids.length; k++) this.count(ids[k]);
    this.pieces[this.pieceCount++] = text;
    this.length += text.length;
    this.last = text.charCodeAt(text.length - 1);
  }

  get score(): number {
    const { target } = this;
    // Equal strings share every bigram: only then can they be equal. From two characters on,
    // sharing every bigram at the same length scores 1 below as well (2t / (t + t)), so only
    // a shorter string is compared: joining the pieces made a string per matching window.
    if (this.length === target.compact.length && this.shared === target.total && (this.length >= 2 || this.pieces.slice(0, this.pieceCount).join('') === target.compact)) return 1;
    if (this.length < 2 || target.compact.length < 2) return 0;
    return (2 * this.shared) / (target.total + this.length - 1);
  }

  /** Whether `score` is at least `floor`, without handing the score out (see bestInGroup). */
  reaches(floor: number): boolean {
    return this.score >= floor;
  }

  private count(id: number): void {
    const s = slot(this.index, id);
    if (s < 0) return;
    const had = this.counts[s];
    if (had === 0) this.touched[this.touchedCount++] = s;
    this.counts[s] = had + 1;
    if (had < this.index.limits[s]) this.shared++;
  }
}
