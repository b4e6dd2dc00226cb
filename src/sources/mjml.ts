// MJML templates: copy lives in mj-text / mj-raw (HTML), mj-button (a call to action),
// mj-title, mj-preview (the preheader), mj-navbar-link and mj-image alt. mj-head styling
// and attributes are not copy. Inner HTML goes through the same walker as any page, with
// its position in the .mjml so findings point into the template.
import type { AnyNode, Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { LineIndex, type Part, type Role } from '../documents/types.js';
import { decodeText } from './decode.js';
import { htmlToParts } from './html.js';
import { SourceError, type SourceInput } from './types.js';

const TEXT_ROLES: Record<string, Role> = { 'mj-button': 'cta', 'mj-title': 'title', 'mj-preview': 'preheader', 'mj-navbar-link': 'nav' };
const SKIP = new Set(['mj-style', 'mj-attributes', 'mj-font', 'mj-breakpoint', 'mj-html-attributes']);

export function readMjml(input: SourceInput): Part[] {
  const source = decodeText(input, 'MJML');
  if (!/<mjml[\s>]/i.test(source)) throw new SourceError('not MJML: no <mjml> root element');
  const dom = parseDocument(source, { withStartIndices: true, withEndIndices: true, recognizeSelfClosing: true, lowerCaseTags: true });
  const lines = new LineIndex(source);
  const parts: Part[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type !== 'tag') {
      if ('children' in node) (node as Element).children.forEach(visit);
      return;
    }
    const el = node as Element;
    if (SKIP.has(el.name)) return;
    const at = lines.position(el.startIndex ?? 0);
    if (el.name === 'mj-text' || el.name === 'mj-raw') {
      const first = el.children[0];
      const last = el.children[el.children.length - 1];
      if (!first || !last) return;
      const inner = source.slice(first.startIndex ?? 0, (last.endIndex ?? 0) + 1);
      parts.push(...htmlToParts(inner, { metadata: false, origin: lines.position(first.startIndex ?? 0) }));
      return;
    }
    const role = TEXT_ROLES[el.name];
    if (role) {
      const text = textContent(el).replace(/\s+/g, ' ').trim();
      if (text) parts.push({ role, text, anchors: [{ at: 0, ...at }], ...(el.attribs.href ? { href: el.attribs.href } : {}) });
      return;
    }
    if (el.name === 'mj-image' && el.attribs.alt?.trim()) {
      parts.push({ role: 'alt', text: el.attribs.alt.trim(), anchors: [{ at: 0, ...at }] });
    }
    el.children.forEach(visit);
  };
  dom.children.forEach(visit);
  return parts;
}
