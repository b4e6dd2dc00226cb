// Text helpers for terminal output: visible width, excerpt clipping, bidi isolation.

const ANSI = /\u001b\[[0-9;]*m/g;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text.replace(ANSI, ''))) n++;
  return n;
}

export function padVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Right-to-left copy stays in logical order; wrapping it in first-strong isolates keeps a
 * terminal's bidi algorithm from reordering the labels around it.
 */
export function isolate(text: string): string {
  return RTL.test(text) ? `\u2068${text}\u2069` : text;
}

const CONTEXT = 50;

/** The excerpt around the highlight, at most ~120 characters, split for marking. */
export function clipExcerpt(excerpt: string, highlight?: [number, number]): { before: string; hit: string; after: string } {
  const [start, end] = highlight && highlight[1] > highlight[0] ? highlight : [0, 0];
  let before = excerpt.slice(0, start);
  const hit = excerpt.slice(start, end);
  let after = excerpt.slice(end);
  if (before.length > CONTEXT) before = `…${before.slice(-CONTEXT)}`;
  const room = Math.max(CONTEXT, 120 - before.length - hit.length);
  if (after.length > room) after = `${after.slice(0, room)}…`;
  return { before, hit, after };
}
