// Language tags and `language: auto`. The detector is eld (Nito-ELD, "extrasmall" n-gram
// database shipped in the package): on short marketing lines in en/pl/he it was the most
// accurate of franc, franc-min, tinyld, cld3-asm and eld, and the fastest (bench/languages.js).
// It costs ~120 ms and ~90 MB to load, so it is loaded on first use, never at start-up.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The tag a spec, channel or source gives when the copy's language should be detected. */
export const AUTO = 'auto';

export interface DetectedLanguage {
  /** BCP 47 tag (en, pl, he...), or the fallback when the text says too little. */
  language: string;
  /** 0..1: the detector's score for that language; 0 when the fallback was used. */
  confidence: number;
}

interface Eld {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

let eld: Eld | undefined;

// eld is ESM-only and exports no "require" condition; resolving the file and loading it with
// require() (Node >= 20.19 loads ESM synchronously) keeps detection synchronous and lazy.
function detector(): Eld {
  if (!eld) {
    const file = fileURLToPath(import.meta.resolve('eld/extrasmall'));
    eld = (createRequire(import.meta.url)(file) as { eld: Eld }).eld;
  }
  return eld;
}

// Asked for every number and value read, with one of the few tags a run has: each tag's
// answer is remembered (up to a bound, since a source may name any tag).
const primaryByTag = new Map<string, string>();

/** The primary language subtag, lower-cased: "pl-PL" -> "pl". */
export function primaryLanguage(tag: string): string {
  let primary = primaryByTag.get(tag);
  if (primary === undefined) {
    primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primaryByTag.size < 256) primaryByTag.set(tag, primary);
  }
  return primary;
}

/** Same language for matching purposes: "pl-PL" and "pl" are; "pt-BR" and "pt" are too. */
export function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b);
}

export function isAuto(tag: string | undefined): boolean {
  return tag?.toLowerCase() === AUTO;
}

// Old ISO 639 codes some detectors still emit, and what BCP 47 says instead.
const DEPRECATED: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv' };

// Words that say nothing about a language: URLs, addresses, handles, hashtags, numbers, codes.
const NOISE = /(?:https?:\/\/|www\.)\S+|\S+@\S+|[@#]\w+|\b[\p{Lu}\d]*\d[\p{Lu}\d]*\b|[\p{N}\p{P}\p{S}]+/gu;

/** Enough text is read to be sure; more only costs time. */
const SAMPLE = 3000;
const MIN_LETTERS = 3;

/**
 * The language of a text, as a BCP 47 tag. Short or ambiguous text ("Kup teraz", "OK")
 * gives the fallback with confidence 0: a caller should never trust a guess from two words.
 */
export function detectLanguage(text: string, fallback: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE).replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return { language: fallback, confidence: 0 };
  const result = detector().detect(sample);
  if (!result.language || !result.isReliable()) return { language: fallback, confidence: 0 };
  const score = result.getScores()[result.language] ?? 0;
  const language = DEPRECATED[result.language] ?? result.language;
  return { language, confidence: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100 };
}
