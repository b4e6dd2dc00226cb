// Whether a window that resembles a key message says it or says its opposite. Window search
// (match-message.ts) finds candidates by similarity; this decides polarity on the message's
// own terms, clause by clause:
//
// 1. The window must first be recognisably the message: at least the drift floor, and more
//    than half of the message's content words inside as many clauses as the message has
//    ("brands that sell in 23 countries" shares one word with "We never sell your data").
// 2. A cue negates only inside its clause, and only the words it governs: the next few
//    words, or the whole clause when it denies availability ("Decoration is not
//    included"), or the words before it when it closes the clause ("… nicht."). Cues in a
//    condition or a question claim nothing ("If you're not ready…").
// 3. The polarities differ when the number of cues that govern the message's words differs
//    in parity ("A credit card is required" against "No credit card required"), or when
//    both deny, but different words of it ("Setup takes weeks, not minutes" against "Set up
//    in minutes, not weeks").
import { foldText, rawSpan } from '../normalize/fold.js';
import { splitClauses, type Clause } from '../normalize/clauses.js';
import { tokenize, type NormalizedPart, type Sentence, type Token } from '../normalize/index.js';
import { knownLanguage } from '../normalize/negation.js';
import { NEGATION_WORDS } from '../normalize/negation-words.js';
import { splitSentences } from '../normalize/segment.js';
import { bestScore, matchWith, type MessageMatch, type Wording } from './match-message.js';

/** How many words after a cue it governs, inside its clause. */
const REACH = 4;

export type PolarityVerdict = 'agrees' | 'contradicts' | 'unrecognised';

/** Tokens with their clauses (token indexes into `tokens`). */
interface Reading {
  tokens: Token[];
  clauses: Array<Clause & { sentence: number }>;
}

interface Stance {
  /** Cues that govern a word of the message. */
  cues: number;
  /** The message's content lemmas those cues govern. */
  denied: Set<string>;
}

/**
 * Tokens and clauses of some sentences. `raw` maps folded offsets to the text as written,
 * where line breaks (a `<br>`, a post's lines) still are: they close clauses.
 */
function read(text: string, sentences: ReadonlyArray<{ end: number; tokens: Token[] }>, language: string, raw?: (from: number, to: number) => string): Reading {
  const tokens: Token[] = [];
  const clauses: Reading['clauses'] = [];
  const between = raw ?? ((from: number, to: number) => text.slice(from, to));
  for (const [index, sentence] of sentences.entries()) {
    const offset = tokens.length;
    const words = sentence.tokens;
    tokens.push(...words);
    const gap = (i: number) => between(words[i - 1].end, i < words.length ? words[i].start : sentence.end);
    // Field by field, not spread (see matchWith in match-message.ts).
    for (const c of splitClauses(words, gap, language)) clauses.push({ from: c.from + offset, to: c.to + offset, asserted: c.asserted, sentence: index });
  }
  return { tokens, clauses };
}

/**
 * The text as written between two folded offsets of a part, with a '\n' where the reader
 * marked a line break (a `<br>` is a space in the part's text).
 */
function rawText(np: NormalizedPart): (from: number, to: number) => string {
  const breaks = np.part.lineBreaks ?? [];
  return (from, to) => {
    if (to <= from) return np.folded.text.slice(from, to);
    const [start, end] = rawSpan(np.folded, from, to);
    const text = np.part.text.slice(start, end);
    return breaks.some((at) => at >= start && at < end) ? `${text}\n` : text;
  };
}

const wordsCache = new Map<string, { contrast: Set<string>; availability: Set<string> }>();
function wordsFor(language: string) {
  let words = wordsCache.get(language);
  if (!words) wordsCache.set(language, (words = listsFor(language)));
  return words;
}

function listsFor(language: string) {
  const lang = knownLanguage(language);
  const all = Object.values(NEGATION_WORDS);
  const pick = (get: (w: (typeof all)[number]) => readonly string[]) => new Set(lang ? get(NEGATION_WORDS[lang]) : all.flatMap(get));
  return { contrast: pick((w) => w.contrast), availability: pick((w) => w.availability) };
}

function stance(reading: Reading, clauses: readonly Clause[], content: ReadonlySet<string>, language: string): Stance {
  const { contrast, availability } = wordsFor(language);
  const { tokens } = reading;
  const result: Stance = { cues: 0, denied: new Set() };
  for (const clause of clauses) {
    if (!clause.asserted) continue;
    for (let i = clause.from; i < clause.to; i++) {
      if (!tokens[i].negation && !contrast.has(tokens[i].norm)) continue;
      let governed = tokens.slice(i + 1, Math.min(clause.to, i + 1 + REACH));
      const denies = governed.some((t) => availability.has(t.norm));
      if (denies) governed = tokens.slice(clause.from, clause.to).filter((_, k) => clause.from + k !== i);
      // A cue that ends its clause ("… nicht.", "… not!") denies what came before it.
      else if (governed.length === 0) governed = tokens.slice(Math.max(clause.from, i - REACH), i);
      const words = governed.filter((t) => content.has(t.bareLemma) && !t.negation).map((t) => t.bareLemma);
      if (!words.length && !denies) continue;
      result.cues++;
      for (const w of words) result.denied.add(w);
    }
  }
  return result;
}

/** Clauses holding at least one of the message's content words. */
function contentClauses(reading: Reading, content: ReadonlySet<string>): Clause[] {
  return reading.clauses.filter((c) => reading.tokens.slice(c.from, c.to).some((t) => content.has(t.bareLemma)));
}

/**
 * Content words a window must share with the message to be recognisably it: more than half
 * (all of one or two) to contradict it, at least half to be a rewording of it.
 */
export function wordsNeeded(contentWords: number, toContradict: boolean): number {
  return toContradict ? Math.floor(contentWords / 2) + 1 : Math.max(1, Math.ceil(contentWords / 2));
}

interface MessageReading {
  reading: Reading;
  clauseCount: number;
  sentences: number;
  stance: Stance;
}

const messageReadings = new WeakMap<Wording, MessageReading>();

function readMessage(wording: Wording): MessageReading {
  let cached = messageReadings.get(wording);
  if (!cached) {
    const text = foldText(wording.text).text;
    const sentences = splitSentences(text, wording.language).map((s) => ({ end: s.end, tokens: tokenize(text, wording.language, s.start, s.end) }));
    const reading = read(text, sentences, wording.language);
    const clauses = contentClauses(reading, wording.contentLemmas);
    cached = { reading, clauseCount: Math.max(1, clauses.length), sentences: sentences.length, stance: stance(reading, reading.clauses, wording.contentLemmas, wording.language) };
    messageReadings.set(wording, cached);
  }
  return cached;
}

/** The sentences of a part that the window [start, end) touches. */
function sentencesOf(np: NormalizedPart, start: number, end: number) {
  return np.sentences.filter((s) => s.start < end && start < s.end);
}

// A part's readings by the run of sentences read: every wording matched in the same sentences
// reads them the same way, so they are read once.
const partReadings = new WeakMap<NormalizedPart, Map<number, Reading>>();

/** The tokens and clauses of the part's sentences that the window [start, end) touches. */
function readWindow(np: NormalizedPart, start: number, end: number): Reading {
  const sentences = sentencesOf(np, start, end);
  const first = sentences.length ? np.sentences.indexOf(sentences[0]) : -1;
  // The touched sentences are consecutive: the first and how many name them.
  const key = (first + 1) * 2 ** 24 + sentences.length;
  let readings = partReadings.get(np);
  if (!readings) partReadings.set(np, (readings = new Map()));
  let reading = readings.get(key);
  if (!reading) readings.set(key, (reading = read(np.folded.text, sentences, np.language, rawText(np))));
  return reading;
}

/** How many of the content lemmas the clauses' tokens hold (no list of them made: a window is judged often). */
function lemmasInClauses(tokens: readonly Token[], clauses: readonly Clause[], content: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const c of clauses) {
    for (let i = c.from; i < c.to; i++) {
      const t = tokens[i];
      if (!t.negation && content.has(t.bareLemma)) seen.add(t.bareLemma);
    }
  }
  return seen.size;
}

type Purpose = 'contradiction' | 'drift';

/**
 * The clauses of the window that hold the message: the run of as many clauses as the
 * message has that holds most of its content words, among the clauses the window touches
 * (to contradict), or among those of the sentences it touches, one clause more allowed (a
 * rewording may add one: "Free delivery, for orders above $50"). Undefined when the window
 * scores below the floor or no run holds enough of the message's words.
 */
function recognise(np: NormalizedPart, match: MessageMatch, floor: number, purpose: Purpose): { reading: Reading; clauses: Clause[] } | undefined {
  if (bestScore(match) < floor) return undefined;
  const content = match.wording.contentLemmas;
  const message = readMessage(match.wording);
  const reading = readWindow(np, match.start, match.end);
  const strict = purpose === 'contradiction';
  const touches = (c: Clause) => reading.tokens.slice(c.from, c.to).some((t) => t.start < match.end && match.start < t.end);
  const candidates = strict ? reading.clauses.filter(touches) : reading.clauses;
  let best: { clauses: Clause[]; shared: number } | undefined;
  for (let k = 0; k < candidates.length; k++) {
    // One coherent stretch: a run never crosses a sentence end the message does not have.
    const run = candidates.slice(k, k + message.clauseCount + (strict ? 0 : 1)).filter((c) => message.sentences > 1 || c.sentence === candidates[k].sentence);
    const shared = lemmasInClauses(reading.tokens, run, content);
    if (!best || shared > best.shared) best = { clauses: run, shared };
  }
  if (!best || best.shared < wordsNeeded(content.size, strict)) return undefined;
  return { reading, clauses: best.clauses };
}

/**
 * Whether the window holds enough of the message's content words in one stretch of
 * clauses to be a rewording of it, rather than another sentence sharing a word or two
 * (the drift gate).
 */
export function isRecognisable(np: NormalizedPart, match: MessageMatch, floor: number): boolean {
  return recognise(np, match, floor, 'drift') !== undefined;
}

/** Whether a window says the message, says its opposite, or is not recognisably it. */
export function judgePolarity(np: NormalizedPart, match: MessageMatch, floor: number): PolarityVerdict {
  const found = recognise(np, match, floor, 'contradiction');
  if (!found) return 'unrecognised';
  const message = readMessage(match.wording);
  const copy = stance(found.reading, found.clauses, match.wording.contentLemmas, np.language);
  if (copy.cues % 2 !== message.stance.cues % 2) return 'contradicts';
  const own = [...message.stance.denied];
  if (own.length && copy.denied.size && own.every((w) => !copy.denied.has(w))) return 'contradicts';
  return 'agrees';
}

/** Whether the sentences hold a negation or contrast word. */
function holdCue(sentences: readonly Sentence[], language: string): boolean {
  const { contrast } = wordsFor(language);
  return sentences.some((s) => s.tokens.some((t) => t.negation || contrast.has(t.norm)));
}

/** Whether the sentences a window touches hold a negation or contrast word. */
function hasCue(np: NormalizedPart, match: MessageMatch): boolean {
  return holdCue(sentencesOf(np, match.start, match.end), np.language);
}

// Per part: whether any of its words negates or contrasts (hasCue, for the whole part).
const partCues = new WeakMap<NormalizedPart, boolean>();

/**
 * Whether sortByPolarity may find that a window of this part, read as agreeing with the
 * wording, contradicts it: only when the message itself denies something, or the part holds
 * a negation or contrast word (the sentences a window touches are the part's).
 */
export function mayContradict(np: NormalizedPart, wording: Wording): boolean {
  if (readMessage(wording).stance.cues > 0) return true;
  let cue = partCues.get(np);
  if (cue === undefined) partCues.set(np, (cue = holdCue(np.sentences, np.language)));
  return cue;
}

/**
 * The window search's best same-polarity and opposite-polarity windows of one part, sorted
 * again by judgePolarity: a window only contradicts when it is recognisably the message and
 * denies what the message says; one that agrees is a candidate for "said"; one that is not
 * recognisably the message is neither.
 */
export function sortByPolarity(
  np: NormalizedPart,
  found: { plain?: MessageMatch; opposite?: MessageMatch },
  floor: number,
): { plain?: MessageMatch; opposite?: MessageMatch } {
  let { plain } = found;
  let opposite: MessageMatch | undefined;
  if (found.opposite) {
    const verdict = judgePolarity(np, found.opposite, floor);
    if (verdict === 'contradicts') opposite = found.opposite;
    else if (verdict === 'agrees' && (!plain || bestScore(found.opposite) > bestScore(plain))) plain = matchWith(found.opposite, false);
  }
  // A window the search read as agreeing can only turn out to contradict when the message
  // itself denies something, or the window holds a cue (cheap tests first: most do not).
  const suspect = (m: MessageMatch) => readMessage(m.wording).stance.cues > 0 || hasCue(np, m);
  if (found.plain && found.plain === plain && bestScore(found.plain) >= floor && suspect(found.plain) && judgePolarity(np, found.plain, floor) === 'contradicts') {
    if (!opposite || bestScore(found.plain) > bestScore(opposite)) opposite = matchWith(found.plain, true);
    plain = undefined;
  }
  return { plain, opposite };
}
