// Values stated in copy, normalized so that different spellings of one value compare equal.

export type ValueType = 'money' | 'percent' | 'number' | 'date' | 'code' | 'url';

export interface Value {
  type: ValueType;
  /** [start, end) offsets in the text given to the extractor. */
  start: number;
  end: number;
  /** The text as written, e.g. "$49.99". */
  raw: string;
  /**
   * Canonical form, equal for equal values:
   * money "49.99 USD" (two decimals + ISO 4217 code), percent "30" (absolute number, no
   * trailing zeros), number "1200.5", date "2026-04-30", code "SPRING30" (upper case),
   * url "runfast.example/spring" (no scheme, www., query, fragment, trailing slash; host lower case).
   */
  key: string;
  /** Introduced as a former or reference price ("was $59", "regular price", "zamiast"). */
  reference?: boolean;
  /**
   * Other keys the same writing can mean. Only dates: under a bare `en` tag an ambiguous
   * numeric date ("3/7/2026", both parts 12 or less) is `key` read day first and here read
   * month first; a fact check accepts either reading (SPEC.md §7, README "Ambiguous dates").
   */
  alternatives?: string[];
}

export interface ExtractOptions {
  /** BCP 47 tag of the copy: picks day/month order and language words. */
  language: string;
  /** Year for dates written without one (taken from the spec's date facts). */
  year?: number;
}
