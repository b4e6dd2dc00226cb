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
import type { Bigrams } from './similarity.js';

export interface SentenceGroup {
  /** The tokens of up to three consecutive sentences. */
  tokens: Token[];
  /** Windows start in the first sentence: its token count. */
  firstCount: number;
  /** The tokens' rough stems, for the wording's cheap first test. */
  stems: ReadonlySet<string>;
  /** Language and the sentences' texts: groups with equal keys have equal tokens. */
  key: string;
}

const groupsByPart = new WeakMap<NormalizedPart, SentenceGroup[]>();

/** The part's sentence groups, in sentence order; built once per part. */
export function sentenceGroups(np: NormalizedPart): SentenceGroup[] {
  let groups = groupsByPart.get(np);
  if (groups) return groups;
  const { sentences } = np;
  const text = np.folded.text;
  groups = sentences.map((sentence, k) => {
    const members = sentences.slice(k, k + 3);
    const tokens = members.flatMap((s) => s.tokens);
    return {
      tokens,
      firstCount: sentence.tokens.length,
      stems: new Set(tokens.map((t) => t.stem)),
      key: `${np.language}\u0001${members.map((s) => text.slice(s.start, s.end)).join('\u0000')}`,
    };
  });
  groupsByPart.set(np, groups);
  return groups;
}

/** How many of the wording's stems the group has: the prefilter's measure. */
export function sharedStems(group: SentenceGroup, stems: ReadonlySet<string>): number {
  let shared = 0;
  for (const stem of stems) if (group.stems.has(stem)) shared++;
  return shared;
}

// --- The bound -------------------------------------------------------------------------

/** Which form of a token one Dice key appends, or '' when the key leaves the token out. */
export type Piece = (token: Token) => string;

const compact = (word: string) => (/\s/.test(word) ? word.replace(/\s+/g, '') : word);

// Per target, the bigrams each word can share with it: words recur, so this is a lookup.
const sharedByTarget = new WeakMap<Bigrams, Map<string, number>>();
const WORD_CACHE_LIMIT = 20_000;

/** Σ over the word's bigrams p of min(count in word, count in target). */
function sharedWithin(word: string, target: Bigrams): number {
  let cache = sharedByTarget.get(target);
  if (!cache) sharedByTarget.set(target, (cache = new Map()));
  let shared = cache.get(word);
  if (shared !== undefined) return shared;
  shared = 0;
  const seen = new Map<string, number>();
  for (let i = 0; i < word.length - 1; i++) {
    const pair = word.substring(i, i + 2);
    const used = seen.get(pair) ?? 0;
    if (used < (target.counts.get(pair) ?? 0)) shared++;
    seen.set(pair, used + 1);
  }
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, shared);
  return shared;
}

/**
 * An upper bound on `dice(target, window)` for every window [i, j) of the tokens, where the
 * window's string is its tokens' pieces joined. The window shares at most what each piece
 * shares on its own plus one bigram per seam between pieces, and never more than the
 * target has; its bigram total is exact. Same arithmetic as the score, so bound ≥ score
 * holds in floating point too.
 */
export class DiceBound {
  private readonly pieces: Int32Array;
  private readonly lengths: Int32Array;
  private readonly shared: Int32Array;
  private readonly open: boolean;

  constructor(tokens: readonly Token[], piece: Piece, private readonly target: Bigrams) {
    const n = tokens.length;
    this.pieces = new Int32Array(n + 1);
    this.lengths = new Int32Array(n + 1);
    this.shared = new Int32Array(n + 1);
    // A target under two characters scores by string equality alone: no bound.
    this.open = target.compact.length < 2;
    for (let k = 0; k < n; k++) {
      const word = compact(piece(tokens[k]));
      this.pieces[k + 1] = this.pieces[k] + (word ? 1 : 0);
      this.lengths[k + 1] = this.lengths[k] + word.length;
      this.shared[k + 1] = this.shared[k] + (word && !this.open ? sharedWithin(word, target) : 0);
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
