// Findings quote the copy as written: folded offsets go back to the raw part text, and
// the line/column come from the reader's anchors, never from searching the text again.
import { locate } from '../documents/types.js';
import type { Location } from '../findings/types.js';
import { rawSpan } from '../normalize/fold.js';
import type { NormalizedPart } from '../normalize/index.js';

export interface Quote {
  excerpt: string;
  highlight: [number, number];
  location: Location;
}

const MAX_EXCERPT = 240;

/** Quote the sentence(s) around folded [start, end) of a part, highlighting that span. */
export function quote(np: NormalizedPart, start: number, end: number): Quote {
  const context = np.sentences.filter((s) => s.start < Math.max(end, start + 1) && s.end > start);
  const from = context.length ? Math.min(start, context[0].start) : start;
  const to = context.length ? Math.max(end, context[context.length - 1].end) : end;
  const [rawFrom, rawTo] = rawSpan(np.folded, from, to);
  const [hitFrom, hitTo] = rawSpan(np.folded, start, end);
  let excerpt = np.part.text.slice(rawFrom, rawTo);
  let highlight: [number, number] = [hitFrom - rawFrom, hitTo - rawFrom];
  if (excerpt.length > MAX_EXCERPT) {
    const cut = Math.max(0, Math.min(highlight[0] - 60, excerpt.length - MAX_EXCERPT));
    const head = cut > 0 ? '…' : '';
    const body = excerpt.slice(cut, cut + MAX_EXCERPT);
    const tail = cut + MAX_EXCERPT < excerpt.length ? '…' : '';
    excerpt = head + body + tail;
    highlight = [highlight[0] - cut + head.length, Math.min(highlight[1] - cut, MAX_EXCERPT) + head.length];
  }
  const position = locate(np.part, hitFrom);
  const location: Location = { part: np.part.role };
  if (position) Object.assign(location, position);
  return { excerpt, highlight, location };
}

/** Quote a whole part (a post, a subject) without highlighting a span. */
export function quotePart(np: NormalizedPart): Quote {
  return quote(np, 0, 0);
}
