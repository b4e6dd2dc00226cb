// Finds where a key message is said in one part: any window of up to three consecutive
// sentences, including a stretch inside a longer sentence, scored with Dice similarity
// on two keys (surface words; content lemmas) and read for polarity. The same keys without
// diacritics give a second score, so copy typed without Polish letters ("darmowa dostawa
// przy zamowieniach powyzej 200 zl") is recognised; the messages check never lets that
// score make it "present": at best it is drift, with a note saying why.
import { mapped } from '../arrays.js';
import { foldText, stripDiacritics } from '../normalize/fold.js';
import { stemNumber, tokenize, type NormalizedPart, type Sentence, type Token } from '../normalize/index.js';
import { BoundBuffers, candidateGroups, DiceBound, groupAt, groupKey, LruMap, mark, nextMark, type SentenceGroup } from './message-index.js';
import { bigrams, GrowingDice, wordBigrams, type Bigrams, type WordBigrams } from './similarity.js';

export interface Wording {
  text: string;
  language: string;
  surface: Bigrams;
  content: Bigrams;
  /** The two keys without diacritics; absent when the wording has none to lose. */
  bare?: { surface: Bigrams; content: Bigrams };
  /** Content lemmas without diacritics (polarity looks for these after a cue). */
  contentLemmas: ReadonlySet<string>;
  /** Rough stems of the content words: the cheap first test of a sentence group. */
  contentStems: ReadonlySet<string>;
  tokenCount: number;
  negated: boolean;
}

export interface MessageMatch {
  /** Similarity as written. */
  score: number;
  /**
   * Similarity once diacritics are ignored, set when the copy has none where the wording
   * does and that scores higher: the copy was typed without them ("zamowieniach", "zl").
   */
  bareScore?: number;
  negated: boolean;
  /** Folded offsets of the matched window in the part. */
  start: number;
  end: number;
  wording: Wording;
}

// Words that a negation cue points at when it denies availability rather than a content
// word ("free shipping is not available").
const AVAILABILITY = new Set(['available', 'included', 'valid', 'eligible', 'apply', 'applies', 'offered', 'possible', 'dostępna', 'dostępny', 'dostępne', 'obowiązuje', 'ważna', 'ważny', 'זמין', 'זמינה', 'בתוקף']);
const CUE_REACH = 3;

function keys(tokens: readonly Token[]): { surface: string; content: string } {
  const kept = tokens.filter((t) => !t.negation);
  return {
    surface: kept.map((t) => t.norm).join(' '),
    content: kept.filter((t) => !t.stop).map((t) => t.lemma).join(' '),
  };
}

/** The ranking score of a match: as written, or ignoring diacritics. */
export function bestScore(match: MessageMatch): number {
  return Math.max(match.score, match.bareScore ?? 0);
}

export function prepareWording(text: string, language: string): Wording {
  const folded = foldText(text).text;
  const tokens = tokenize(folded, language);
  const { surface, content } = keys(tokens);
  const bareSurface = stripDiacritics(surface);
  const bareContent = stripDiacritics(content);
  const hasMarks = bareSurface !== surface || bareContent !== content;
  const contentLemmas = new Set(tokens.filter((t) => !t.stop && !t.negation).map((t) => t.bareLemma));
  const contentStems = new Set(tokens.filter((t) => !t.stop && !t.negation).map((t) => t.stem));
  const negated = polarity(tokens, 0, tokens.length, 0, tokens.length, contentLemmas);
  return {
    text,
    language,
    surface: bigrams(surface),
    content: bigrams(content),
    ...(hasMarks ? { bare: { surface: bigrams(bareSurface), content: bigrams(bareContent) } } : {}),
    contentLemmas,
    contentStems,
    tokenCount: tokens.length,
    negated,
  };
}

/**
 * Odd number of cues that point at message words (or at availability) = negated. The window
 * is tokens[from, to); cues and the words they point at are looked for within tokens[lo, hi).
 */
function polarity(tokens: readonly Token[], lo: number, hi: number, from: number, to: number, contentLemmas: ReadonlySet<string>): boolean {
  let cues = 0;
  for (let i = Math.max(lo, from - CUE_REACH); i < to; i++) {
    if (!tokens[i].negation) continue;
    for (let k = i + 1; k <= Math.min(hi - 1, i + CUE_REACH); k++) {
      if (contentLemmas.has(tokens[k].bareLemma) || AVAILABILITY.has(tokens[k].norm)) {
        cues++;
        break;
      }
    }
  }
  return cues % 2 === 1;
}

function anyNegation(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].negation) return true;
  return false;
}

/** The best windows of one sentence group, by token index in the group. */
interface GroupBest {
  floor: number;
  /** The marks it was judged with: a window counted only above its kind's (see Above). */
  above: Above;
  plain?: WindowScore;
  opposite?: WindowScore;
}

/**
 * Marks a window must rank strictly above to count, by kind: of the wording's own polarity
 * (plain) or the opposite one. The messages check sets them from what the source has already
 * shown: a window that cannot beat that changes nothing, so it need not be scored.
 */
export interface Above {
  plain: number;
  opposite: number;
}

/** No marks: every window at or above the floor counts. */
export const NOTHING_ABOVE: Above = Object.freeze({ plain: -Infinity, opposite: -Infinity });

interface WindowScore {
  score: number;
  bareScore?: number;
  negated: boolean;
  from: number;
  to: number;
}

// Each distinct group is judged once per wording per run (see message-index.ts); the key
// holds everything a judgement reads, so results never depend on the order of sources.
const GROUP_MEMO_LIMIT = 4096;
const groupMemo = new LruMap<string, WeakMap<Wording, GroupBest>>(GROUP_MEMO_LIMIT);

/** Forget every memoized group (tests; a long-lived process between unrelated runs). */
export function clearMatchMemo(): void {
  groupMemo.clear();
}

/**
 * The best window in this part for the wording, preferring a window of the wording's own
 * polarity: returns the best same-polarity match and the best opposite-polarity match.
 * Only windows ranking at least `floor` count: below it nothing is recognisably the message,
 * and the index skips windows that cannot reach it. With `above`, only windows ranking above
 * their kind's mark count: the result is the one without marks, less any match at or below
 * its mark (the property tests hold it to that).
 */
export function matchInPart(np: NormalizedPart, wording: Wording, floor = 0, above: Above = NOTHING_ABOVE): { plain?: MessageMatch; opposite?: MessageMatch } {
  let plain: MessageMatch | undefined;
  let opposite: MessageMatch | undefined;
  const groups = candidateGroups(np, wording.contentStems, stemsNeeded(wording));
  if (!groups.length) return { plain, opposite };
  // The bounds of every key over the stretch of the part the candidates span, made once for
  // all of its groups (they overlap), and only if some group is not in the memo.
  let bounds: PartBounds | undefined;
  for (const k of groups) {
    const group = groupAt(np, k);
    const key = groupKey(np, k);
    let byWording = key === undefined ? undefined : groupMemo.get(key);
    if (key !== undefined && !byWording) groupMemo.set(key, (byWording = new WeakMap()));
    let best = byWording?.get(wording);
    if (!best || !answers(best, floor, above)) {
      best = bestInGroup(group, wording, floor, true, (bounds ??= spannedBounds(np, groups)), above);
      byWording?.set(wording, best);
    }
    // Groups in order, a later one only when strictly better: the first best window wins. A
    // remembered window at or below its mark does not count here (see answers).
    if (best.plain && rankOf(best.plain) > above.plain && (!plain || rankOf(best.plain) > bestScore(plain))) plain = matchOf(group, best.plain, wording);
    if (best.opposite && rankOf(best.opposite) > above.opposite && (!opposite || rankOf(best.opposite) > bestScore(opposite))) opposite = matchOf(group, best.opposite, wording);
  }
  return { plain, opposite };
}

/**
 * Whether a remembered judgement answers for this floor and these marks: one made with the
 * same floor and marks no higher holds every window that counts now (and maybe some that do
 * not, which the caller passes over).
 */
function answers(best: GroupBest, floor: number, above: Above): boolean {
  return best.floor === floor && best.above.plain <= above.plain && best.above.opposite <= above.opposite;
}

// matchInPart's helpers are functions of their own, not closures: it runs for every part and
// wording, and V8 allocates a function's closure context on each call that may make one.
function spannedBounds(np: NormalizedPart, groups: readonly number[]): PartBounds {
  const first = groupAt(np, groups[0]);
  return new PartBounds(first.tokens, first.from, groupAt(np, groups[groups.length - 1]).to);
}

function matchOf(group: SentenceGroup, w: WindowScore, wording: Wording): MessageMatch {
  // One shape for every match, as for windows.
  return { score: w.score, negated: w.negated, start: group.tokens[group.from + w.from].start, end: group.tokens[group.from + w.to - 1].end, wording, bareScore: w.bareScore };
}

const rankOf = (w: WindowScore) => Math.max(w.score, w.bareScore ?? 0);

/**
 * The match with its polarity set: what `{ ...match, negated }` gives, built field by field in
 * matchOf's order. A spread over objects of several shapes makes V8 give each copy a shape of
 * its own, and the code reading matches (and clauses, likewise) then ran its slowest property
 * look-ups, the shape changing with every copy.
 */
export function matchWith(match: MessageMatch, negated = match.negated): MessageMatch {
  return { score: match.score, negated, start: match.start, end: match.end, wording: match.wording, bareScore: match.bareScore };
}

/** The match with the index of the part it is in (see matchWith). */
export function placedMatch(match: MessageMatch, partIndex: number): MessageMatch & { partIndex: number } {
  const placed = matchWith(match) as MessageMatch & { partIndex: number };
  placed.partIndex = partIndex;
  return placed;
}

/** A sentence group is a candidate for a wording when it holds this many of its content stems. */
const stemsNeeded = (wording: Wording) => Math.max(1, Math.ceil(wording.contentStems.size * 0.4));

/**
 * The wordings of a run indexed by their content stems, so a part finds the few it may say in
 * one pass over its own words instead of being searched once per wording: on a real page most
 * parts (a menu item, a caption) share too little with every message to hold a candidate.
 */
export class WordingIndex {
  /**
   * The wordings with each content stem, by stem number (see normalize's stemNumber): an
   * array, since every token of every part is looked up here. Numbers go to stems in the
   * order they are first seen, and a run's wordings are read near its start, so it is short;
   * a word whose number is past its end is in no wording.
   */
  private readonly byStem: Array<Wording[] | undefined> = [];
  // By the part's sentences, which parts with the same text and language share.
  private readonly live = new WeakMap<readonly Sentence[], ReadonlySet<Wording>>();

  constructor(wordings: Iterable<Wording>) {
    for (const wording of new Set(wordings)) {
      for (const stem of wording.contentStems) {
        const number = stemNumber(stem);
        // Filled with undefined rather than left with holes: one kind of array for V8.
        while (this.byStem.length <= number) this.byStem.push(undefined);
        (this.byStem[number] ??= []).push(wording);
      }
    }
  }

  /**
   * The wordings that share enough stems with the part as a whole to have a candidate group in
   * it (a group holds no more of them than its part): the others cannot match there.
   */
  candidatesIn(np: NormalizedPart): ReadonlySet<Wording> {
    let live = this.live.get(np.sentences);
    if (live) return live;
    const shared = new Map<Wording, number>();
    const { byStem } = this;
    const seen = nextMark();
    for (const sentence of np.sentences) {
      for (const { stemNumber } of sentence.tokens) {
        // Most words are in no wording: only those that are need marking.
        const wordings = stemNumber < byStem.length ? byStem[stemNumber] : undefined;
        if (!wordings || !mark(seen, stemNumber)) continue;
        for (const wording of wordings) shared.set(wording, (shared.get(wording) ?? 0) + 1);
      }
    }
    const out = new Set<Wording>();
    for (const [wording, count] of shared) if (count >= stemsNeeded(wording)) out.add(wording);
    this.live.set(np.sentences, (live = out));
    return live;
  }
}

// The four keys of keys(window), as each token contributes to them: its word, or nothing.
const KEY_WORDS: ReadonlyArray<(t: Token) => string | undefined> = [
  (t) => (t.negation ? undefined : t.norm),
  (t) => (t.negation || t.stop ? undefined : t.lemma),
  (t) => (t.negation ? undefined : t.bare),
  (t) => (t.negation || t.stop ? undefined : t.bareLemma),
];

// Each token's word coded (its bigram numbers) per key, once per part whatever the number of
// wordings and groups; filled as groups ask (null: the key leaves the token out).
const partCodes = new WeakMap<readonly Token[], Array<Array<WordBigrams | null | undefined>>>();

function codesOf(tokens: readonly Token[], key: number, from: number, to: number): ReadonlyArray<WordBigrams | undefined> {
  let byKey = partCodes.get(tokens);
  if (!byKey) partCodes.set(tokens, (byKey = []));
  const codes = (byKey[key] ??= new Array<WordBigrams | null | undefined>(tokens.length));
  for (let k = from; k < to; k++) {
    if (codes[k] !== undefined) continue;
    const word = KEY_WORDS[key](tokens[k]);
    codes[k] = word === undefined ? null : wordBigrams(word);
  }
  return codes as ReadonlyArray<WordBigrams | undefined>;
}

// One set of arrays per key, reused by every part's bounds in turn (see BoundBuffers).
const keyBuffers = KEY_WORDS.map(() => new BoundBuffers());

/**
 * Each key's window bound over a part's tokens for one wording, made on first use and counted
 * group by group (groups come in ascending order; words no group holds are never counted).
 */
class PartBounds {
  private readonly bounds: DiceBound[] = [];
  /** Bounds for groups within tokens[from, to). */
  constructor(
    private readonly tokens: readonly Token[],
    private readonly from: number,
    private readonly to: number,
  ) {}

  of(key: number, against: Bigrams, group: SentenceGroup): DiceBound {
    const codes = codesOf(this.tokens, key, group.from, group.to);
    const bound = (this.bounds[key] ??= new DiceBound(codes, against, this.from, this.to, true, keyBuffers[key]));
    bound.cover(group.from, group.to);
    return bound;
  }
}

// One growing score per key and target, reset for each window start: no counts allocated per group.
const growing = new WeakMap<Bigrams, GrowingDice[]>();
function growingDice(against: Bigrams, key: number): GrowingDice {
  let byKey = growing.get(against);
  if (!byKey) growing.set(against, (byKey = []));
  return (byKey[key] ??= new GrowingDice(against));
}

/** One key of a window's score: its growing Dice, its words' codes, and its bound (when pruning). */
interface WindowKey {
  dice: GrowingDice;
  codes: ReadonlyArray<WordBigrams | undefined>;
  bound: DiceBound | undefined;
}

/**
 * Every window starting in the group's first sentence, from half to one and a half times the
 * wording's length; with `prune`, only those whose bound can reach `floor` and beat the best
 * so far are scored (the property test compares both ways). Windows are given by token index
 * from the group's first token. `bounds`: the part's, when the caller has them.
 */
export function bestInGroup(group: SentenceGroup, wording: Wording, floor: number, prune = true, bounds?: PartBounds, above: Above = NOTHING_ABOVE): GroupBest {
  const shortest = Math.max(1, Math.ceil(wording.tokenCount * 0.5));
  const longest = Math.ceil(wording.tokenCount * 1.5) + 1;
  const { tokens, from: lo, to: hi } = group;
  const target = wording.bare ?? { surface: wording.surface, content: wording.content };
  // The keys without diacritics only count when the wording or the copy has some.
  let bare = !!wording.bare;
  for (let k = lo; k < hi && !bare; k++) bare = tokens[k].bare !== tokens[k].norm;
  const targets = bare ? [wording.surface, wording.content, target.surface, target.content] : [wording.surface, wording.content];
  // By mapped, and read by index, not destructured: one kind of array in every tier (arrays.ts).
  const keys = mapped(targets, (against, n): WindowKey => {
    const codes = codesOf(tokens, n, lo, hi);
    return { dice: growingDice(against, n), codes, bound: prune ? (bounds?.of(n, against, group) ?? new DiceBound(codes, against, lo, hi)) : undefined };
  });
  // bareSurface and bareContent are read below only where `bare` holds.
  const surface = keys[0].dice;
  const content = keys[1].dice;
  const bareSurface = bare ? keys[2].dice : surface;
  const bareContent = bare ? keys[3].dice : content;
  const bound = (i: number, j: number) => {
    let most = 0;
    for (const key of keys) most = Math.max(most, key.bound!.at(i, j));
    return most;
  };
  // Both fields from the start: one shape for every group's result (see the windows below).
  const result: GroupBest = { floor, above, plain: undefined, opposite: undefined };
  // A window at or below both marks counts for neither kind.
  const lowestMark = Math.min(above.plain, above.opposite);
  // Without a negation cue in the group every window has the wording's own polarity, so a
  // window counts only where it could beat the best one so far (of that one polarity) and
  // that polarity's mark.
  const polarityKnown = prune && !anyNegation(tokens, lo, hi);
  const ownMark = wording.negated ? above.opposite : above.plain;
  const worth = (ceiling: number) => {
    if (ceiling < floor || ceiling <= lowestMark) return false;
    if (!polarityKnown) return true;
    if (ceiling <= ownMark) return false;
    const best = wording.negated ? result.opposite : result.plain;
    return !best || ceiling > rankOf(best);
  };
  for (let i = lo; i < lo + group.firstCount; i++) {
    const last = Math.min(hi, i + longest);
    if (last < i + shortest) continue;
    // A start none of whose windows could count is passed over at once.
    if (prune) {
      let most = 0;
      for (const key of keys) most = Math.max(most, key.bound!.atMost(i, i + shortest, last));
      if (!worth(most)) continue;
    }
    // The longest window from i that could count: no need to grow beyond it.
    let reach = last;
    if (prune) while (reach >= i + shortest && !worth(bound(i, reach))) reach--;
    if (reach < i + shortest) continue;
    // Each key grown a word at a time as the window lengthens: each longer window costs
    // one word, not all of them again.
    for (const key of keys) key.dice.reset();
    let marks = false;
    for (let j = i + 1; j <= reach; j++) {
      const token = tokens[j - 1];
      marks ||= token.bare !== token.norm;
      for (const key of keys) {
        const code = key.codes[j - 1];
        if (code) key.dice.appendWord(code);
      }
      if (j < i + shortest) continue;
      // The window's own scores cost no more to read than its bound (its words are appended
      // already), so the bound is not asked here: it only decides how far to grow (reach).
      // Most windows reach the floor on no key: asked as yes or no first, since reading a
      // score out of the scorer made a number object each time (pruning only, so that the
      // property tests hold it against reading every score).
      if (prune && !surface.reaches(floor) && !content.reaches(floor) && !(bare && (bareSurface.reaches(floor) || bareContent.reaches(floor)))) continue;
      let score = Math.max(surface.score, content.score);
      let bareScore = 0;
      // Copy typed without any diacritics against a wording that has them: recognisable,
      // but kept apart so it is never taken as said. A wording typed without them (the
      // spec's slip) against correct copy: the copy is right, so the folded score counts.
      if (score < 1 && wording.bare && !marks) bareScore = Math.max(bareSurface.score, bareContent.score);
      else if (score < 1 && !wording.bare && marks) score = Math.max(score, bareSurface.score, bareContent.score);
      const rank = Math.max(score, bareScore);
      if (rank < floor || rank <= lowestMark) continue;
      // A window replaces a best one only when strictly better: one that beats neither is
      // not read for polarity (nor, with polarity known, one that does not beat its own).
      if (prune && (!worth(rank) || (result.plain && result.opposite && rank <= Math.min(rankOf(result.plain), rankOf(result.opposite))))) continue;
      const negated = polarity(tokens, lo, hi, i, j, wording.contentLemmas) !== wording.negated;
      if (rank <= (negated ? above.opposite : above.plain)) continue;
      const best = negated ? result.opposite : result.plain;
      if (!best || rank > rankOf(best)) {
        // bareScore always present (undefined when it does not beat the score): one shape for
        // every window, so that code optimized for the first is not thrown away at another.
        const window: WindowScore = { score, negated, from: i - lo, to: j - lo, bareScore: bareScore > score ? bareScore : undefined };
        if (negated) result.opposite = window;
        else result.plain = window;
      }
    }
  }
  return result;
}
