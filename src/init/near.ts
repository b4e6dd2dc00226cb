// Near words for drafted facts: the words next to a value that say which fact it is. A near
// word claims the closest value of its type in its scope, so a word that also stands beside
// another fact of the same type ("Club" beside two prices) would make the facts claim each
// other's values: such shared words are never chosen.
import type { ExtractedPart, ExtractedValue } from '../extract/index.js';
import { stripDiacritics } from '../normalize/fold.js';
import { isStopword } from '../normalize/stopwords.js';

export const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

const FILLERS = new Set(['just', 'only', 'now', 'get', 'use', 'code', 'is', 'are', 'was', 'at', 'for', 'a', 'an', 'the', 'of', 'per', 'month', 'each']);
const isContext = (w: string, language: string) => w.length > 1 && !/^\d/.test(w) && !FILLERS.has(w.toLowerCase()) && !isStopword(w.toLowerCase(), language);
// Words that introduce a deadline; short and common, so the stop-word filter would drop them.
export const DATE_CUES = new Set(['until', 'till', 'through', 'thru', 'by', 'ends', 'do', 'od', 'עד']);
/** Roles whose near-word scope is one sentence (checks/facts.ts); other parts are one scope. */
const SENTENCE_SCOPED = new Set(['body', 'link', 'nav']);

/** One stated value with the words of its scope, closest and most telling first. */
export interface Occurrence {
  /** "money 49.99 USD": which fact it states. */
  fact: string;
  type: string;
  /** Context words ranked: the preferred cue first, then by distance. */
  ranked: string[];
  /** Every word of the value's scope, as near matching sees them. */
  scope: string[];
}

/** The text a near word of this value is looked for in: its sentence, or its whole part. */
export function scopeOf(part: ExtractedPart, value: ExtractedValue): string {
  if (!SENTENCE_SCOPED.has(part.role)) return part.text;
  return part.sentences.find((s) => s.includes(value.raw)) ?? part.text;
}

export function occurrence(part: ExtractedPart, value: ExtractedValue, language: string): Occurrence {
  const scope = scopeOf(part, value);
  const at = scope.indexOf(value.raw);
  const written = at < 0 ? [] : words(scope.slice(0, at));
  const before = written.filter((w) => isContext(w, language)).reverse();
  const after = at < 0 ? [] : words(scope.slice(at + value.raw.length)).filter((w) => isContext(w, language));
  const preferred: string[] = [];
  const cue = written[written.length - 1];
  if (value.type === 'date' && cue && DATE_CUES.has(cue.toLowerCase())) preferred.push(cue.toLowerCase());
  // "30% off": a percent is named by the word after it.
  if (value.type === 'percent' && after[0]) preferred.push(after[0]);
  // "RunFast Pro is just $49.99": a price is best named by the product, the closest
  // capitalized word shortly before it (not the sentence's first word, capitalized anyway).
  if (value.type === 'money') {
    const named = before.slice(0, 4).find((w) => /^\p{Lu}/u.test(w) && w !== written[0]);
    if (named) preferred.push(named);
  }
  const byDistance: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (before[i]) byDistance.push(before[i]);
    if (after[i]) byDistance.push(after[i]);
  }
  const ranked = [...new Set([...preferred, ...byDistance])];
  return { fact: `${value.type} ${value.key}`, type: value.type, ranked, scope: words(scope).map(comparable) };
}

const comparable = (w: string) => stripDiacritics(w.toLowerCase());

/** Whether near word `near` would match `word` (checks/near.ts: prefixes beyond three letters). */
function nearMatches(near: string, word: string): boolean {
  const n = comparable(near);
  return n.length > 3 ? word.startsWith(n) : word === n;
}

/**
 * For each fact, its near words (the best distinctive word of each place it is stated, at
 * most four) and the distinctive words left over, in order, to fall back on.
 */
export function chooseNear(occurrences: readonly Occurrence[]): Map<string, { near: string[]; spare: string[] }> {
  const out = new Map<string, { near: string[]; spare: string[] }>();
  const distinctive = (o: Occurrence, w: string) => !occurrences.some((other) => other.type === o.type && other.fact !== o.fact && other.scope.some((x) => nearMatches(w, x)));
  for (const o of occurrences) {
    const entry = out.get(o.fact) ?? { near: [], spare: [] };
    out.set(o.fact, entry);
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const usable = o.ranked.filter((w) => distinctive(o, w));
    // Each place contributes its best word; the same word from two places counts once.
    if (usable[0] && entry.near.length < 4 && !entry.near.some((x) => same(x, usable[0]))) entry.near.push(usable[0]);
    entry.spare = [...entry.spare, ...usable.slice(1)].filter((w, i, all) => !entry.near.some((x) => same(x, w)) && all.findIndex((x) => same(x, w)) === i);
  }
  return out;
}
