// What makes message matching cost what it finds, kept apart from what a match means
// (match-message.ts):
// - a part's sentence groups (up to three consecutive sentences, the windows' home) are built
//   once per part with their content stems, not once per wording;
// - an upper bound on the Dice score a window can reach, from per-word counts, so a window is
//   scored only when it could reach the drift floor (or beat the best window so far);
// - a bounded memo of each distinct group's best windows per wording: navigation, footers and
//   repeated blocks recur on every page, and their tokens (so their judgement) depend on
//   nothing but their text and language.
import type { NormalizedPart, Token } from '../normalize/index.js';
import type { Bigrams, WordCode } from './similarity.js';

export interface SentenceGroup {
  /** The tokens of up to three consecutive sentences. */
  tokens: Token[];
  /** Windows start in the first sentence: its token count. */
  firstCount: number;
  /** Language and the sentences' texts: groups with equal keys have equal tokens. */
  key: string;
}

interface PartIndex {
  /** Rough stem -> the sentences holding it, ascending, each once. */
  sentencesOf: Map<string, number[]>;
  /** Groups by first sentence, built when a wording first needs them. */
  groups: Array<SentenceGroup | undefined>;
}

const indexes = new WeakMap<NormalizedPart, PartIndex>();

function indexOf(np: NormalizedPart): PartIndex {
  let index = indexes.get(np);
  if (index) return index;
  const sentencesOf = new Map<string, number[]>();
  np.sentences.forEach((sentence, k) => {
    for (const token of sentence.tokens) {
      const list = sentencesOf.get(token.stem);
      if (!list) sentencesOf.set(token.stem, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  indexes.set(np, (index = { sentencesOf, groups: [] }));
  return index;
}

/**
 * The first sentences of the groups (up to three consecutive sentences) holding at least
 * `needed` of the stems, ascending: found from the stems' places, so a group that shares
 * too little with the wording is never looked at.
 */
export function candidateGroups(np: NormalizedPart, stems: ReadonlySet<string>, needed: number): number[] {
  const { sentencesOf } = indexOf(np);
  if (counts.length < np.sentences.length) counts = new Int32Array(Math.max(np.sentences.length, 2 * counts.length));
  const touched: number[] = [];
  for (const stem of stems) {
    const places = sentencesOf.get(stem);
    if (!places) continue;
    // A stem counts once per group, however many of its three sentences hold it.
    let marked = -1;
    for (const s of places) {
      for (let k = Math.max(0, s - 2, marked + 1); k <= s; k++) if (counts[k]++ === 0) touched.push(k);
      marked = s;
    }
  }
  const out = touched.filter((k) => counts[k] >= needed);
  for (const k of touched) counts[k] = 0;
  return out.sort((a, b) => a - b);
}

// Scratch counts per group for candidateGroups, zeroed again after each use.
let counts = new Int32Array(256);

/** The group whose first sentence is `k`. */
export function groupAt(np: NormalizedPart, k: number): SentenceGroup {
  const index = indexOf(np);
  let group = index.groups[k];
  if (!group) {
    const members = np.sentences.slice(k, k + 3);
    const text = np.folded.text;
    group = index.groups[k] = {
      tokens: members.flatMap((s) => s.tokens),
      firstCount: members[0].tokens.length,
      key: `${np.language}\u0001${members.map((s) => text.slice(s.start, s.end)).join('\u0000')}`,
    };
  }
  return group;
}

/** Every group of the part, in order (tests compare the index with them all). */
export function sentenceGroups(np: NormalizedPart): SentenceGroup[] {
  return np.sentences.map((_, k) => groupAt(np, k));
}

/** How many of the stems the group's tokens have: the prefilter's measure. */
export function sharedStems(group: SentenceGroup, stems: ReadonlySet<string>): number {
  const present = new Set(group.tokens.map((t) => t.stem));
  let shared = 0;
  for (const stem of stems) if (present.has(stem)) shared++;
  return shared;
}

// --- The bound -------------------------------------------------------------------------

/**
 * An upper bound on `dice(target, window)` for every window [i, j) of a group, where the
 * window's string is its words joined (`codes`: each token's word as the target sees it, or
 * undefined when the key leaves the token out). The window shares at most what each word
 * shares on its own plus one bigram per seam between words, and never more than the target
 * has; its bigram total is exact. Same arithmetic as the score, so bound ≥ score holds in
 * floating point too.
 */
export class DiceBound {
  private readonly pieces: Int32Array;
  private readonly lengths: Int32Array;
  private readonly shared: Int32Array;
  private readonly open: boolean;

  constructor(codes: ReadonlyArray<WordCode | undefined>, private readonly target: Bigrams) {
    const n = codes.length;
    this.pieces = new Int32Array(n + 1);
    this.lengths = new Int32Array(n + 1);
    this.shared = new Int32Array(n + 1);
    // A target under two characters scores by string equality alone: no bound.
    this.open = target.compact.length < 2;
    for (let k = 0; k < n; k++) {
      const code = codes[k];
      const length = code ? code.text.length : 0;
      this.pieces[k + 1] = this.pieces[k] + (length ? 1 : 0);
      this.lengths[k + 1] = this.lengths[k] + length;
      this.shared[k + 1] = this.shared[k] + (code ? code.within : 0);
    }
  }

  at(i: number, j: number): number {
    if (this.open) return 1;
    const length = this.lengths[j] - this.lengths[i];
    if (length < 2) return 0;
    const seams = Math.max(0, this.pieces[j] - this.pieces[i] - 1);
    const shared = Math.min(this.target.total, this.shared[j] - this.shared[i] + seams);
    return (2 * shared) / (this.target.total + length - 1);
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
