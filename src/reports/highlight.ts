// Copy shown in a terminal: made safe to print, kept in logical order, clipped around the
// words a finding is about, and measured by what the terminal actually draws.

import { printable } from './sanitize.js';

export { printable } from './sanitize.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

// Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms) and
// the explicit bidi controls that could otherwise reorder the rest of the line.
const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u200F\u202A-\u202E\u2066-\u2069\u061C]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]/;
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Right-to-left copy stays in logical order (never reversed here: the terminal's bidi
 * algorithm draws it). Wrapping it in a first-strong isolate keeps that algorithm from
 * reordering the labels, locations and rule ids printed around it.
 */
export function isolate(text: string): string {
  return BIDI.test(text) ? `${FSI}${text}${PDI}` : text;
}

/** Any piece of copy or user-named thing, ready to print on one line. */
export function display(text: string): string {
  return isolate(printable(text));
}

export interface ClippedExcerpt {
  before: string;
  hit: string;
  after: string;
}

const ELLIPSIS = '…';
/** How far a cut may move to land on a space instead of inside a word. */
const WORD_SLACK = 15;

// Segmenting is slow (~1.5 M chars/s), and most copy does not need it: without marks,
// format characters (ZWJ, bidi controls), characters outside the BMP (emoji), Hangul jamo
// or the two Thai/Lao vowels that attach, every UTF-16 unit is a grapheme of its own.
const ASCII = /^[\x20-\x7e]*$/;
const NEEDS_SEGMENTER = /[\p{M}\p{Cf}\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u{10000}-\u{10FFFF}]/u;

function graphemeList(text: string): string[] {
  return NEEDS_SEGMENTER.test(text) ? Array.from(graphemes.segment(text), (s) => s.segment) : text.split('');
}

/** A cut at `offset` moved back to the start of the grapheme it falls in. */
function snapBack(segments: Intl.Segments | undefined, text: string, offset: number): number {
  if (!segments || offset <= 0 || offset >= text.length) return Math.max(0, Math.min(text.length, offset));
  return segments.containing(offset)?.index ?? offset;
}

/** A cut at `offset` moved on to the end of the grapheme it falls in. */
function snapOn(segments: Intl.Segments | undefined, text: string, offset: number): number {
  const back = snapBack(segments, text, offset);
  if (back === offset || !segments) return back;
  const segment = segments.containing(offset);
  return segment ? segment.index + segment.segment.length : offset;
}

function validHighlight(highlight: readonly [number, number] | undefined, length: number): [number, number] | undefined {
  if (!highlight) return undefined;
  const start = Math.max(0, Math.min(length, Math.floor(highlight[0])));
  const end = Math.max(0, Math.min(length, Math.ceil(highlight[1])));
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? [start, end] : undefined;
}

/** Code units read on each side per grapheme of budget: more than any real script needs. */
const UNITS_PER_GRAPHEME = 8;

/**
 * Splits an excerpt around its highlight and shortens it to about `max` graphemes, keeping
 * the highlighted words whole and cutting the context at spaces where it can, with `…` where
 * something was left out. Only the neighbourhood of the highlight is segmented.
 */
export function clipExcerpt(excerpt: string, highlight?: readonly [number, number], max = 100): ClippedExcerpt {
  const text = printable(excerpt);
  const segments = NEEDS_SEGMENTER.test(text) ? graphemes.segment(text) : undefined;
  const span = validHighlight(highlight, text.length);
  const hitFrom = span ? snapBack(segments, text, span[0]) : 0;
  const hitTo = span ? snapOn(segments, text, span[1]) : 0;
  const hit = graphemeList(text.slice(hitFrom, hitTo));
  if (hit.length >= max) {
    return { before: hitFrom > 0 ? ELLIPSIS : '', hit: hit.slice(0, max - 1).join(''), after: ELLIPSIS };
  }

  const room = max - hit.length;
  const reach = room * UNITS_PER_GRAPHEME;
  const windowFrom = snapBack(segments, text, hitFrom - reach);
  const windowTo = snapBack(segments, text, hitTo + reach);
  const beforeAll = graphemeList(text.slice(windowFrom, hitFrom));
  const afterAll = graphemeList(text.slice(hitTo, windowTo));
  const keepBefore = Math.min(beforeAll.length, Math.max(Math.ceil(room / 2), room - afterAll.length));
  const keepAfter = Math.min(afterAll.length, room - keepBefore);

  let before = beforeAll.slice(beforeAll.length - keepBefore).join('');
  if (keepBefore < beforeAll.length || windowFrom > 0) {
    const space = before.indexOf(' ');
    if (space >= 0 && space < WORD_SLACK && space < before.length - 1) before = before.slice(space + 1);
    before = ELLIPSIS + before.trimStart();
  }
  let after = afterAll.slice(0, keepAfter).join('');
  if (keepAfter < afterAll.length || windowTo < text.length) {
    const space = after.lastIndexOf(' ');
    if (space > 0 && after.length - space < WORD_SLACK) after = after.slice(0, space);
    after = after.trimEnd() + ELLIPSIS;
  }
  return { before, hit: hit.join(''), after };
}

/** Shortens one value (an expected or found wording) to about `max` characters. */
export function clipText(text: string, max = 100): string {
  const { after } = clipExcerpt(text, undefined, max);
  return after;
}

// Terminal cells: ANSI colour codes take none; isolates, joiners and combining marks take
// none; wide East Asian characters and emoji take two.
const ANSI = /\u001b\[[0-9;]*m/g;
const ZERO_WIDTH = /^[\p{Cf}\p{Mn}\p{Me}]+$/u;
const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function visibleWidth(text: string): number {
  const shown = stripAnsi(text);
  if (ASCII.test(shown)) return shown.length;
  let width = 0;
  if (!NEEDS_SEGMENTER.test(shown)) {
    for (const ch of shown) width += EMOJI.test(ch) || isWide(ch.charCodeAt(0)) ? 2 : 1;
    return width;
  }
  for (const { segment } of graphemes.segment(shown)) {
    if (ZERO_WIDTH.test(segment)) continue;
    width += EMOJI.test(segment) || isWide(segment.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return width;
}

export function padEndVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}
