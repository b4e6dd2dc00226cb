// Cheap scans that tell a grammar where in a text it can match at all, so its pattern runs
// there only instead of being tried at every character. A pattern that starts at a digit
// (an amount, a day) runs at the starts of runs of digits; the results are exactly those of
// `text.matchAll(pattern)`, since every position skipped is one where it cannot match.

// ASCII classes by UTF-16 code unit, for scans that walk a text without a pattern.
export const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
export const isAsciiUpper = (c: number) => c >= 0x41 && c <= 0x5a;
export const isAsciiLetter = (c: number) => isAsciiUpper(c) || (c >= 0x61 && c <= 0x7a);
export const isAsciiAlnum = (c: number) => isAsciiLetter(c) || isAsciiDigit(c);

/** Offsets where a run of ASCII digits starts ("a 12 b 345": 2, 7), ascending. */
export function digitRunStarts(text: string): number[] {
  const starts: number[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) starts.push(m.index);
  return starts;
}

const DIGIT_RUN = /\d+/g;

/**
 * The matches `text.matchAll(global)` would give, found by trying `sticky` (the same pattern
 * with the `y` flag instead of `g`) only at `positions` (ascending). Every position where
 * the pattern can start a match must be among them.
 */
export function matchesAt(text: string, sticky: RegExp, positions: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  // A list read by index: the places were generators once, and each step of one made an
  // iterator result.
  for (let k = 0; k < positions.length; k++) {
    const at = positions[k];
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    from = at + Math.max(1, m[0].length);
  }
  return out;
}

/**
 * The matches `text.matchAll(global)` gives, for a pattern whose every match holds an anchor
 * (a month name, say; `anchors`: where they start, ascending) at most `reach` characters after
 * its own start. The search starts `reach` before the next anchor rather than at every
 * character between: a text that names a month once is searched there, not all through. No
 * match can start in what is skipped, since its anchor would be the next one or a later one.
 * The pattern must never match the empty string.
 */
export function matchesNear(text: string, global: RegExp, anchors: readonly number[], reach: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  let next = 0;
  for (;;) {
    while (next < anchors.length && anchors[next] < from) next++;
    if (next === anchors.length) break;
    global.lastIndex = Math.max(from, anchors[next] - reach);
    const m = global.exec(text);
    if (!m) break;
    out.push(m);
    from = global.lastIndex;
  }
  // As found: the pattern is shared, and matchAll would start where this one stopped.
  global.lastIndex = 0;
  return out;
}

/** Every offset where the global `pattern` matches, overlapping ones included, ascending. */
export function matchStarts(text: string, pattern: RegExp): number[] {
  const starts: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    starts.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return starts;
}

/** A regex's copy with the sticky flag instead of the global one. */
export function stickyOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
}

/** A value built on its first use: a large pattern is compiled only by a run that needs it. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
