// Walks HTML into parts of copy: one part per block, with roles and anchors into the file.
// cheerio's .text() glues blocks ("menuSave", FACTS.md), so the walk is our own, over
// htmlparser2's DOM with source offsets (the fast path: ~3x parse5).
import type { AnyNode, Element, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { LineIndex, type Anchor, type Part, type Role } from '../documents/types.js';
import { readMetadata, selectAll } from './structured.js';
import { SourceError } from './types.js';

export interface HtmlOptions {
  /** CSS selector scoping body copy; page metadata is still read. */
  selector?: string;
  /** Where `html` starts inside the file (HTML inside an .mjml or .eml). */
  origin?: { line: number; column: number };
  /** Read <title>, meta description, Open Graph / Twitter tags, JSON-LD / microdata offers. */
  metadata?: boolean;
  /** Email: the hidden first text of the body is the inbox preheader, a part of its own. */
  preheader?: boolean;
}

const BLOCK = new Set(
  'address article aside blockquote body br caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol option p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
const NOT_COPY = new Set('script style template noscript svg iframe object canvas head select textarea map audio video'.split(' '));
const STRUCK = new Set(['s', 'del', 'strike']);
const HEADING = /^h[1-6]$/;
const BUTTON_LIKE = /(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])/i;

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (el.name === 'input' && a.type?.toLowerCase() === 'hidden') return true;
  const style = a.style?.toLowerCase().replace(/\s+/g, '');
  return Boolean(style && /(?:^|;)(?:display:none|visibility:hidden)/.test(style));
}

function isCta(el: Element): boolean {
  if (el.name === 'button') return true;
  if (el.name === 'input') return /^(?:submit|button)$/i.test(el.attribs.type ?? '');
  return el.name === 'a' && (BUTTON_LIKE.test(el.attribs.class ?? '') || el.attribs.role === 'button');
}

interface Context {
  role: Role;
  struck: boolean;
  href?: string;
}

/** Accumulates one part's text, collapsing whitespace and stamping anchors as it goes. */
class PartBuilder {
  text = '';
  anchors: Anchor[] = [];
  muted: Array<[number, number]> = [];
  pendingSpace = false;
  constructor(
    readonly role: Role,
    readonly href?: string,
  ) {}

  append(data: string, rawStart: number, exact: boolean, struck: boolean, position: (offset: number) => { line: number; column: number }): void {
    const runs = data.matchAll(/\S+/g);
    let first = true;
    for (const run of runs) {
      if ((run.index > 0 || this.pendingSpace) && this.text.length > 0) this.text += ' ';
      this.pendingSpace = false;
      // Where the file and the text stop running in step, a new anchor says where we are.
      if (first || exact) this.anchors.push({ at: this.text.length, ...position(rawStart + (exact ? run.index : 0)) });
      first = false;
      const start = this.text.length;
      this.text += run[0];
      if (struck) this.muted.push([start, this.text.length]);
    }
    if (/\s$/.test(data)) this.pendingSpace = true;
  }

  build(): Part | undefined {
    if (!this.text) return undefined;
    const part: Part = { role: this.role, text: this.text, anchors: this.anchors };
    if (this.href) part.href = this.href;
    if (this.muted.length) part.muted = mergeRanges(this.muted);
    return part;
  }
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = r[1];
    else out.push([...r]);
  }
  return out;
}

export function htmlToParts(html: string, options: HtmlOptions = {}): Part[] {
  const dom = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
  const lines = new LineIndex(html);
  const origin = options.origin ?? { line: 1, column: 1 };
  const position = (offset: number) => {
    const p = lines.position(offset);
    return p.line === 1 ? { line: origin.line, column: origin.column + p.column - 1 } : { line: origin.line + p.line - 1, column: p.column };
  };
  const parts: Part[] = options.metadata === false ? [] : readMetadata(dom, position);

  let roots: AnyNode[] = dom.children;
  if (options.selector) {
    let selected: Element[];
    try {
      selected = selectAll(options.selector, dom);
    } catch {
      throw new SourceError(`invalid selector "${options.selector}"`);
    }
    if (!selected.length) throw new SourceError(`selector "${options.selector}" matches nothing`);
    // Nested matches would be read twice: keep the outermost.
    roots = selected.filter((el) => !selected.some((other) => other !== el && contains(other, el)));
  }

  let current: PartBuilder | undefined;
  let seenVisibleText = false;
  let preheaderTaken = !options.preheader;
  const flush = () => {
    const part = current?.build();
    if (part) parts.push(part);
    current = undefined;
  };

  const walk = (node: AnyNode, ctx: Context): void => {
    if (node.type === 'text') {
      const text = node as Text;
      if (!text.data.trim() && !current) return;
      current ??= new PartBuilder(ctx.role, ctx.href);
      const raw = html.slice(text.startIndex ?? 0, (text.endIndex ?? 0) + 1);
      current.append(text.data, text.startIndex ?? 0, raw === text.data, ctx.struck, position);
      if (text.data.trim()) seenVisibleText = true;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const name = el.name?.toLowerCase();
    if (NOT_COPY.has(name)) return;
    if (isHidden(el)) {
      if (!preheaderTaken && !seenVisibleText) {
        preheaderTaken = true;
        flush();
        const inner = new PartBuilder('preheader');
        current = inner;
        for (const child of el.children) walkHiddenText(child, inner);
        flush();
      }
      return;
    }
    if (name === 'img' || (name === 'input' && el.attribs.type === 'image')) {
      const alt = el.attribs.alt?.trim();
      if (alt) parts.push({ role: 'alt', text: alt.replace(/\s+/g, ' '), anchors: [{ at: 0, ...position(el.startIndex ?? 0) }] });
      return;
    }
    if (name === 'input') {
      const value = el.attribs.value?.trim();
      if (value && isCta(el)) parts.push({ role: 'cta', text: value, anchors: [{ at: 0, ...position(el.startIndex ?? 0) }] });
      return;
    }
    const cta = isCta(el);
    const block = BLOCK.has(name) || cta;
    if (block) flush();
    const next: Context = {
      role: cta ? 'cta' : HEADING.test(name) ? 'heading' : ['nav', 'header', 'footer'].includes(name) || el.attribs.role === 'navigation' ? 'nav' : ctx.role,
      struck: ctx.struck || STRUCK.has(name),
      href: cta ? el.attribs.href : ctx.href,
    };
    for (const child of el.children) walk(child, next);
    if (block) flush();
  };

  const walkHiddenText = (node: AnyNode, into: PartBuilder): void => {
    if (node.type === 'text') {
      const text = node as Text;
      into.append(text.data, text.startIndex ?? 0, html.slice(text.startIndex ?? 0, (text.endIndex ?? 0) + 1) === text.data, false, position);
    } else if (node.type === 'tag' && !NOT_COPY.has((node as Element).name)) {
      for (const child of (node as Element).children) walkHiddenText(child, into);
    }
  };

  for (const root of roots) walk(root, { role: 'body', struck: false });
  flush();
  return parts;
}

function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
