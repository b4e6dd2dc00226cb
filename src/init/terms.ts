// Drafted terms: brand spellings the copy actually shows. A brand is a name the truth writes
// the same way at least twice; it becomes a term when its spelling can drift mechanically
// (CamelCase: "Run Fast", "Runfast") or when another source already writes it differently
// ("Lesny Bieg" for "Leśny Bieg"). Names no source writes two ways are left alone.
import type { Extraction } from '../extract/index.js';
import { stripDiacritics } from '../normalize/fold.js';

export type DraftTerm = { use: string; instead_of: string[] } | { require: string; channels: string[] };

interface Channelled {
  name: string;
  kind: string;
  sources: string[];
}

/** "Leśny-Bieg", "Lesny Bieg", "LeśnyBieg" -> "lesnybieg": one key per name however written. */
const skeleton = (text: string) => stripDiacritics(text.toLowerCase()).replace(/[\s\-‐]+/g, '');

const CAMEL = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u;
const CAPITALIZED = /^\p{Lu}[\p{Ll}\p{Lu}]*$/u;

/**
 * Every run of one to three words in a text, as written (with its own spaces or hyphens).
 * Hashtags, mentions and addresses are names of another kind ("#SpringSale" is no misspelling).
 */
function phrases(text: string): string[] {
  const tokens = [...text.replace(/[#@][\p{L}\p{N}_]+|\S+\.\p{L}{2,}\/\S*/gu, (m) => ' '.repeat(m.length)).matchAll(/[\p{L}\p{N}]+/gu)];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let k = i; k < Math.min(tokens.length, i + 3); k++) {
      const between = text.slice(tokens[k - 1]?.index ?? 0, tokens[k].index);
      // Words of one name are joined by a space or a hyphen only, never by punctuation.
      if (k > i && !/^[\p{L}\p{N}]+[ \-‐]?$/u.test(between)) break;
      out.push(text.slice(tokens[i].index, (tokens[k].index ?? 0) + tokens[k][0].length));
    }
  }
  return out;
}

/**
 * A spelling that differs from the brand's as a misspelling would: other letters, spaces or
 * hyphens ("Lesny Bieg", "Run-Fast"), or a CamelCase name's inner capital lost ("Runfast").
 * Capitals for emphasis ("RUNFAST") or a lower-case start are styling, not variants.
 */
function isVariant(spelling: string, brand: string): boolean {
  if (spelling === brand || (spelling === spelling.toUpperCase() && /\p{Ll}/u.test(brand))) return false;
  if (spelling.toLowerCase() !== brand.toLowerCase()) return true;
  return CAMEL.test(brand) && spelling.slice(1) !== brand.slice(1);
}

function count<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Phrases written with capitals where a sentence does not start: names, not sentence case. */
function namesIn(text: string): string[] {
  return phrases(text).filter((phrase) => {
    const at = text.indexOf(phrase);
    return phrase.split(/[ \-‐]/).every((w) => CAPITALIZED.test(w)) && /\p{L}{2}/u.test(phrase) && /[\p{L}\p{N},] *$/u.test(text.slice(0, at)) && !/\p{N}/u.test(phrase);
  });
}

export function draftBrandTerms(truth: Extraction, sources: Extraction[]): DraftTerm[] {
  const truthPhrases = truth.parts.flatMap((p) => p.sentences.flatMap(namesIn));
  const everywhere = count(sources.flatMap((s) => s.parts.flatMap((p) => phrases(p.text))));
  const names = [...count(truthPhrases).entries()]
    .filter(([, n]) => n >= 2)
    // The name written most often, and of two written as often the longer: "RunFast" before
    // "RunFast Pro", "Leśny Bieg" before its "Leśny".
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const terms: Array<{ use: string; instead_of: string[]; weight: number }> = [];
  for (const [brand, n] of names) {
    if (terms.some((t) => t.use.includes(brand) || brand.includes(t.use))) continue;
    const seen = [...everywhere.keys()].filter((s) => skeleton(s) === skeleton(brand) && isVariant(s, brand));
    const mechanical = CAMEL.test(brand) ? camelVariants(brand) : [];
    if (!seen.length && !mechanical.length) continue;
    terms.push({ use: brand, instead_of: [...new Set([...mechanical, ...seen])], weight: n });
  }
  return terms
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map(({ use, instead_of }) => ({ use, instead_of }));
}

/** "RunFast" -> "Run Fast", "Runfast", "Run-Fast": how a CamelCase name is commonly mistyped. */
function camelVariants(brand: string): string[] {
  const pieces = brand.split(/(?=\p{Lu})/u);
  return [pieces.join(' '), pieces[0] + pieces.slice(1).join('').toLowerCase(), pieces.join('-')];
}

/** Mail that says "Unsubscribe" everywhere: the phrase becomes required in its channel. */
export function draftRequiredTerms(channels: Channelled[], sources: Extraction[]): DraftTerm[] {
  const mailChannels = channels.filter((c) => c.kind === 'email' && sources.some((s) => c.sources.includes(s.source) && s.parts.some((p) => /\bunsubscribe\b/i.test(p.text))));
  return mailChannels.length ? [{ require: 'Unsubscribe', channels: mailChannels.map((c) => c.name) }] : [];
}
