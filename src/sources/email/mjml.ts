// MJML templates: copy lives in mj-text / mj-raw / mj-table (HTML), mj-button (a call to
// action), mj-title, mj-preview (the preheader), mj-navbar-link and mj-image alt. Styling and
// default attributes in mj-head are not copy. Every piece of content goes through the same
// HTML walker as a page, from where it starts in the .mjml, so findings point into the template.
// No dependency on the `mjml` package: reading copy needs no rendering.
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import { LineIndex, type Anchor, type Part, type Role } from '../../documents/types.js';
import { decodeText } from './decode.js';
import { htmlToParts } from '../html/html.js';
import { SourceError, type SourceInput } from '../types.js';

/** Elements whose content is HTML with blocks of its own. */
const HTML_CONTENT = new Set(['mj-text', 'mj-raw', 'mj-table', 'mj-accordion-text']);
/** Elements whose content is one piece of copy with a role. */
const ONE_PART: Record<string, Role> = {
  'mj-button': 'cta',
  'mj-title': 'title',
  'mj-preview': 'preheader',
  'mj-navbar-link': 'nav',
  'mj-social-element': 'nav',
  'mj-accordion-title': 'heading',
};
const WITH_ALT = new Set(['mj-image', 'mj-carousel-image']);
/** mj-head holds styles, fonts and default attributes (an mj-text there is a default, not copy). */
const HEAD_COPY = new Set(['mj-title', 'mj-preview']);

/**
 * Template variables ({{FirstName}}, {% if %}, Mailchimp *|FNAME|*, Mailjet [[PERMALINK]]) are
 * filled in at send time, so they are not copy. They become spaces of the same length, which
 * keeps every offset in the file.
 */
export function blankPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
}

const PLACEHOLDER = /\{\{\{?[^{}\n]*\}?\}\}|\{%[^%\n]*%\}|\*\|[A-Z0-9_:]+\|\*|\[\[[A-Za-z0-9_:.-]+\]\]/g;

export function readMjml(input: SourceInput): Part[] {
  const source = blankPlaceholders(decodeText(input, 'MJML'));
  if (!/<mjml[\s>]/i.test(source)) throw new SourceError('not MJML: no <mjml> root element');
  const dom = parseDocument(source, {
    xmlMode: true,
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    withStartIndices: true,
    withEndIndices: true,
  });
  const lines = new LineIndex(source);
  const parts: Part[] = [];

  const visit = (node: AnyNode, inHead: boolean): void => {
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const name = node.type === 'root' ? '' : el.name;
    if (inHead && name && !HEAD_COPY.has(name)) return;
    if (HTML_CONTENT.has(name)) {
      // Without an mj-preview, hidden text before any copy is the preheader, as in any mail.
      const preheader = parts.length === 0 || (parts.length === 1 && parts[0].role === 'title');
      parts.push(...contentParts(el, source, lines, preheader));
      return;
    }
    const role = ONE_PART[name];
    if (role) {
      const part = joinParts(contentParts(el, source, lines, false), role, decodeHTML(el.attribs.href ?? '').trim() || undefined);
      if (part) parts.push(part);
      return;
    }
    if (WITH_ALT.has(name)) {
      const alt = altPart(el, source, lines);
      if (alt) parts.push(alt);
    }
    for (const child of el.children) visit(child, inHead || name === 'mj-head');
  };
  visit(dom, false);
  if (!parts.length) throw new SourceError('no copy: the template has no text');
  return parts;
}

/** An element's inner markup as parts, anchored where that markup starts in the file. */
function contentParts(el: Element, source: string, lines: LineIndex, preheader: boolean): Part[] {
  const first = el.children[0];
  const last = el.children[el.children.length - 1];
  if (!first || !last || first.startIndex == null || last.endIndex == null) return [];
  const start = first.startIndex;
  // The end tag, when there is one: an unclosed element ends with its last child.
  const close = el.endIndex == null ? -1 : source.lastIndexOf('</', el.endIndex);
  const end = close > start && source.startsWith(`</${el.name}`, close) ? close : last.endIndex + 1;
  return htmlToParts(source.slice(start, end), { metadata: false, preheader, origin: lines.position(start) });
}

/** Several parts (a button with a <br>) as one part of the given role. */
function joinParts(parts: Part[], role: Role, href: string | undefined): Part | undefined {
  if (!parts.length) return undefined;
  let text = '';
  const anchors: Anchor[] = [];
  const muted: Array<[number, number]> = [];
  for (const part of parts) {
    if (text) text += ' ';
    const shift = text.length;
    anchors.push(...part.anchors.map((a) => ({ ...a, at: a.at + shift })));
    for (const [from, to] of part.muted ?? []) muted.push([from + shift, to + shift]);
    text += part.text;
  }
  const joined: Part = { role, text, anchors };
  if (href) joined.href = href;
  if (muted.length) joined.muted = muted;
  return joined;
}

function altPart(el: Element, source: string, lines: LineIndex): Part | undefined {
  const alt = decodeHTML(el.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
  if (!alt) return undefined;
  const start = el.startIndex ?? 0;
  const tagEnd = el.children[0]?.startIndex ?? el.endIndex ?? start;
  const attribute = /\balt\s*=\s*["']?\s*/i.exec(source.slice(start, tagEnd + 1));
  return { role: 'alt', text: alt, anchors: [{ at: 0, ...lines.position(start + (attribute ? attribute.index + attribute[0].length : 0)) }] };
}
