// Folds typography so that equal copy compares equal, keeping a map back to the raw text:
// findings must point at the words as written, so no step may lose offsets.

export interface FoldedText {
  /** NFKC, quotes and dashes folded, invisible marks removed, whitespace collapsed. */
  text: string;
  /** toRaw[i] is the offset in the raw text of folded character i; toRaw[text.length] = raw length. */
  toRaw: number[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u05F3\u02BC]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u05F4\u00AB\u00BB]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
// Zero-width, bidi controls, soft hyphen, BOM: invisible in copy, but they break matching.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const COMBINING = /\p{M}/u;
const SPACE = /\s/;

function foldChar(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch;
}

/**
 * NFKC is applied per cluster (a code point and its combining marks) rather than to the
 * whole string so that every output character keeps the raw offset of its cluster.
 */
export function foldText(raw: string): FoldedText {
  let text = '';
  const toRaw: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < raw.length) {
    const start = i;
    const cp = raw.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    while (i < raw.length) {
      const next = raw.codePointAt(i)!;
      const ch = String.fromCodePoint(next);
      if (!COMBINING.test(ch)) break;
      i += next > 0xffff ? 2 : 1;
    }
    const cluster = raw.slice(start, i);
    if (INVISIBLE.test(cluster)) continue;
    for (const ch of cluster.normalize('NFKC')) {
      if (SPACE.test(ch)) {
        if (pendingSpace < 0) pendingSpace = start;
        continue;
      }
      if (pendingSpace >= 0 && text.length > 0) {
        text += ' ';
        toRaw.push(pendingSpace);
      }
      pendingSpace = -1;
      const folded = foldChar(ch);
      text += folded;
      for (let k = 0; k < folded.length; k++) toRaw.push(start);
    }
  }
  toRaw.push(raw.length);
  return { text, toRaw };
}

/** Raw [start, end) of a folded [start, end). */
export function rawSpan(folded: FoldedText, start: number, end: number): [number, number] {
  const rawStart = folded.toRaw[start];
  // The end maps through the last character so that a multi-char cluster is not cut.
  const rawEnd = end > start ? nextRawBoundary(folded, end - 1) : rawStart;
  return [rawStart, rawEnd];
}

function nextRawBoundary(folded: FoldedText, last: number): number {
  const at = folded.toRaw[last];
  for (let k = last + 1; k < folded.toRaw.length; k++) if (folded.toRaw[k] !== at) return folded.toRaw[k];
  return folded.toRaw[folded.toRaw.length - 1];
}
