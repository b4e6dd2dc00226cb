// What each extractor proposes before overlaps are resolved.
import type { Value } from './types.js';

export interface Candidate extends Value {
  /**
   * Occupies its span without being reported: a date written without a year when no year
   * is known still keeps "30" in "April 30" from being read as a number.
   */
  hidden?: boolean;
}

/** Characters between an amount and its unit that are invisible in copy (bidi marks). */
export const INVISIBLE = '[\\u200E\\u200F\\u061C\\u200B]*';

/** Dashes between the two ends of a range, folded or not. */
export const RANGE_DASH = '[-\\u2010-\\u2015\\u2212]';

export function candidate(type: Value['type'], text: string, start: number, end: number, key: string | undefined): Candidate | undefined {
  if (key === undefined || end <= start) return undefined;
  return { type, start, end, raw: text.slice(start, end), key };
}
