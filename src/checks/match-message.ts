// Finds where a key message is said in one part: any window of up to three consecutive
// sentences, including a stretch inside a longer sentence, scored with Dice similarity
// on two keys (surface words; content lemmas) and read for polarity. The same keys without
// diacritics give a second score, so copy typed without Polish letters ("darmowa dostawa
// przy zamowieniach powyzej 200 zl") is recognised; the messages check never lets that
// score make it "present": at best it is drift, with a note saying why.
import { foldText, stripDiacritics } from '../normalize/fold.js';
import { tokenize, type NormalizedPart, type Token } from '../normalize/index.js';
import { bigrams, GrowingDice, type Bigrams } from './similarity.js';

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
  const negated = polarity(tokens, 0, tokens.length, contentLemmas);
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

/** Odd number of cues that point at message words (or at availability) = negated. */
function polarity(tokens: readonly Token[], from: number, to: number, contentLemmas: ReadonlySet<string>): boolean {
  let cues = 0;
  for (let i = Math.max(0, from - CUE_REACH); i < to; i++) {
    if (!tokens[i].negation) continue;
    for (let k = i + 1; k <= Math.min(tokens.length - 1, i + CUE_REACH); k++) {
      if (contentLemmas.has(tokens[k].bareLemma) || AVAILABILITY.has(tokens[k].norm)) {
        cues++;
        break;
      }
    }
  }
  return cues % 2 === 1;
}

function overlap(tokens: readonly Token[], stems: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const t of tokens) if (stems.has(t.stem)) seen.add(t.stem);
  return seen.size;
}


/**
 * The best window in this part for the wording, preferring a window of the wording's own
 * polarity: returns the best same-polarity match and the best opposite-polarity match.
 */
export function matchInPart(np: NormalizedPart, wording: Wording): { plain?: MessageMatch; opposite?: MessageMatch } {
  const needed = Math.max(1, Math.ceil(wording.contentStems.size * 0.4));
  const shortest = Math.max(1, Math.ceil(wording.tokenCount * 0.5));
  const longest = Math.ceil(wording.tokenCount * 1.5) + 1;
  let plain: MessageMatch | undefined;
  let opposite: MessageMatch | undefined;
  const { sentences } = np;
  for (let k = 0; k < sentences.length; k++) {
    const group = sentences.slice(k, k + 3).flatMap((s) => s.tokens);
    if (overlap(group, wording.contentStems) < needed) continue;
    const firstCount = sentences[k].tokens.length;
    for (let i = 0; i < firstCount; i++) {
      // The same keys as keys(window), with and without diacritics, grown a word at a time
      // as the window lengthens: each longer window costs one word, not all of them again.
      const surface = new GrowingDice(wording.surface);
      const content = new GrowingDice(wording.content);
      const target = wording.bare ?? { surface: wording.surface, content: wording.content };
      const bareSurface = new GrowingDice(target.surface);
      const bareContent = new GrowingDice(target.content);
      let marks = false;
      const last = Math.min(group.length, i + longest);
      for (let j = i + 1; j <= last; j++) {
        const token = group[j - 1];
        marks ||= token.bare !== token.norm;
        if (!token.negation) {
          surface.append(token.norm);
          bareSurface.append(token.bare);
          if (!token.stop) {
            content.append(token.lemma);
            bareContent.append(token.bareLemma);
          }
        }
        if (j < i + shortest) continue;
        let score = Math.max(surface.score, content.score);
        let bareScore = 0;
        // Copy typed without any diacritics against a wording that has them: recognisable,
        // but kept apart so it is never taken as said. A wording typed without them (the
        // spec's slip) against correct copy: the copy is right, so the folded score counts.
        if (score < 1 && wording.bare && !marks) bareScore = Math.max(bareSurface.score, bareContent.score);
        else if (score < 1 && !wording.bare && marks) score = Math.max(score, bareSurface.score, bareContent.score);
        const negated = polarity(group, i, j, wording.contentLemmas) !== wording.negated;
        const best = negated ? opposite : plain;
        const rank = Math.max(score, bareScore);
        if (!best || rank > bestScore(best)) {
          const match: MessageMatch = { score, negated, start: group[i].start, end: group[j - 1].end, wording };
          if (bareScore > score) match.bareScore = bareScore;
          if (negated) opposite = match;
          else plain = match;
        }
      }
    }
  }
  return { plain, opposite };
}
