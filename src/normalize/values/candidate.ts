// What each extractor proposes before overlaps are resolved.
import type { Value } from './types.js';

export interface Candidate extends Value {
  /**
   * Occupies its span without being reported: a date written without a year when no year
   * is known still keeps "30" in "April 30" from being read as a number.
   */
  hidden?: boolean;
  /**
   * Overrides the type's priority when overlaps are resolved: a phone number or a model
   * number is hidden and outranks the plain numbers inside it, but nothing else.
   */
  rank?: number;
}

/**
 * Characters between an amount and its unit that are invisible in copy: LRM/RLM/ALM,
 * zero-width space and joiners, bidi embeddings and isolates, BOM, soft hyphen.
 */
export const INVISIBLE = '[\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]*';

/**
 * Space-like characters that copy puts inside and around numbers (regex class body):
 * space, NBSP, figure space, thin and hair space, narrow NBSP, medium math space.
 */
export const SPACES = ' \\u00A0\\u2007\\u2009\\u200A\\u202F\\u205F';

/**
 * A digit not inside a word or number; a Hebrew one-letter prefix (ו ה ב ל מ ש כ) written
 * straight onto the digits ("ב30%", "מ49.90 ש\"ח") does not count as a word. The digit is
 * looked for first: the lookbehinds then run at digits only, not at every character.
 */
export const NOT_AFTER_WORD = String.raw`(?=\d)(?:(?<![\p{L}\p{N}.,])|(?<=(?<![\p{L}\p{N}])[ובהלמשכ]))`;

/** Dashes between the two ends of a range, folded or not. */
export const RANGE_DASH = '[-\\u2010-\\u2015\\u2212]';

export function candidate(type: Value['type'], text: string, start: number, end: number, key: string | undefined): Candidate | undefined {
  if (key === undefined || end <= start) return undefined;
  return { type, start, end, raw: text.slice(start, end), key };
}
