// A document is one source as storefront sees it: text parts with roles and locations.
// Readers (src/sources) build documents; nothing after them reads files again.

export type ChannelKind = 'web' | 'email' | 'social';

/** What a part of copy is, so checks can weigh it (a subject is short, a nav link is not a CTA). */
export type Role =
  | 'title' // <title>
  | 'description' // meta description
  | 'og' // Open Graph / Twitter-card text
  | 'heading' // h1..h6
  | 'body' // running copy: paragraphs, list items, table cells, text parts of mail
  | 'cta' // button or button-like link: its text is copy and its href a call-to-action target
  | 'link' // ordinary link text inside copy
  | 'nav' // navigation / header / footer link text: copy, but its href is not a mention
  | 'alt' // image alt text
  | 'offer' // structured data (JSON-LD / microdata) offer: "name: price currency"
  | 'subject' // email subject
  | 'preheader' // hidden first text of an email body
  | 'post'; // one social post

/** A 1-based position in the source file. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Maps offsets in `Part.text` back to the file: `at` is an offset in the part text where the
 * text and the file run in step again from `line:column` (a new text node, collapsed
 * whitespace, a decoded entity). Readers stamp these once; nobody re-finds text by search.
 */
export interface Anchor extends Position {
  at: number;
}

export interface Part {
  role: Role;
  /** Decoded copy: entities decoded, whitespace collapsed to single spaces, trimmed. */
  text: string;
  /** Where the text starts in the file, then wherever the mapping jumps; empty when unknown. */
  anchors: Anchor[];
  /** Link target for cta/link/nav parts and a social post's link. */
  href?: string;
  /** Groups parts of one unit of copy: a social post's id (or `#3`), an mbox message. */
  unit?: string;
  /**
   * How the platform presents this unit when it is not plain copy of its own: 'repost'
   * (someone else's post shared), 'reply', 'thread' (a reply continuing the author's own
   * post), 'forward' (a forwarded message inside an email).
   */
  label?: 'repost' | 'reply' | 'thread' | 'forward';
  /** When the unit was sent or posted (ISO 8601), where the source says: a mail's Date. */
  sent?: string;
  /**
   * Ranges [start, end) of `text` that are shown but not stated: struck-through prices
   * (<s>, <del>, <strike>). Values found inside are not statements of a fact.
   */
  muted?: Array<[number, number]>;
  /**
   * Offsets of the spaces in `text` that stand for a line break inside the block (`<br>`):
   * not a new part, but they close a clause ("Free shipping<br>No code needed").
   */
  lineBreaks?: number[];
}

/** The fields a part may lack, in the one order partWith sets them. */
const OPTIONAL_PART_FIELDS = ['href', 'unit', 'label', 'sent', 'muted', 'lineBreaks'] as const;

/**
 * The part with some fields changed: what `{ ...part, ...changes }` gives, built field by field
 * in one order. A spread whose parts come in several shapes (with and without href, muted,
 * lineBreaks) makes V8 give each copy a shape of its own: a mailbox's parts each had a different
 * one, and checks reading them fell back to their slowest property look-ups and threw optimized
 * code away. Parts made here share shapes. A field changed to undefined is left out.
 */
export function partWith(part: Part, changes: Partial<Part>): Part {
  const out: Part = { role: changes.role ?? part.role, text: changes.text ?? part.text, anchors: changes.anchors ?? part.anchors };
  const fields = out as unknown as Record<string, unknown>;
  for (const field of OPTIONAL_PART_FIELDS) {
    const value = field in changes ? changes[field] : part[field];
    if (value !== undefined) fields[field] = value;
  }
  return out;
}

/**
 * An inline `storefront-disable` comment: findings of its rules (all when empty) on lines
 * from..to of the source are accepted, like a spec exception, with the comment's reason.
 */
export interface InlineDisable {
  rules: string[];
  /** First and last line (1-based, inclusive) the comment covers. */
  from: number;
  to: number;
  reason?: string;
  /** Where the comment is written. */
  at: Position;
}

export interface Document {
  /** Source id: path relative to the spec's folder, or the URL. */
  source: string;
  channel: string;
  kind: ChannelKind;
  /** BCP 47 tag, from the source, its channel or the spec. */
  language: string;
  parts: Part[];
  /** Units of the source that could not be read (a broken message in an mbox). */
  problems?: Array<{ reason: string; line?: number; column?: number }>;
  /** Inline storefront-disable comments of the source (sources/inline-disables.ts). */
  disables?: InlineDisable[];
}

/** Where an offset inside a part lies in the file, from the part's anchors. */
export function locate(part: Part, offset: number): Position | undefined {
  let best: Anchor | undefined;
  for (const anchor of part.anchors) {
    if (anchor.at <= offset && (!best || anchor.at >= best.at)) best = anchor;
  }
  if (!best) return undefined;
  return { line: best.line, column: best.column + (offset - best.at) };
}

/** Line/column lookup for readers that know byte-free string offsets into a file. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
