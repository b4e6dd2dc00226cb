// Inline disables: authors accept a finding where it lives, as with `<!-- vale off -->` or
// `<!-- markdownlint-disable -->`. Comments are read from the raw file, so their lines are
// the file's lines, the same lines findings point at.
//   <!-- storefront-disable term-avoid, message-drift -- reason -->  …  <!-- storefront-enable -->
//   <!-- storefront-disable-next-line term-variant -- reason -->
//   a plain-text post's last line: storefront-disable term-avoid -- reason
import type { InlineDisable } from '../documents/types.js';
import { LineIndex } from '../documents/types.js';

const COMMENT = /<!--\s*storefront-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;
/** The marker line of a plain-text post. */
export const POST_MARKER = /^[ \t]*storefront-disable\b(.*)$/;
const SEPARATOR = /^[ \t]*---[ \t]*$/;
const END = Number.MAX_SAFE_INTEGER;

/** "term-avoid, message-drift -- reason" -> rules and reason. */
function parseDirective(body: string): { rules: string[]; reason?: string } {
  const [list, ...rest] = body.split(/\s--\s|^--\s|\s--$/);
  const reason = rest.join(' -- ').trim();
  const rules = (list ?? '').split(/[\s,]+/).filter(Boolean);
  return { rules, ...(reason ? { reason } : {}) };
}

/** Disables written as HTML comments (web pages, mail HTML, MJML). */
export function commentDisables(text: string): InlineDisable[] {
  const lines = new LineIndex(text);
  const out: InlineDisable[] = [];
  const open: InlineDisable[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const at = lines.position(m.index);
    const end = lines.position(m.index + m[0].length).line;
    const { rules, reason } = parseDirective(m[2].trim());
    if (m[1] === 'disable-next-line') {
      out.push({ rules, from: end + 1, to: end + 1, ...(reason ? { reason } : {}), at });
    } else if (m[1] === 'disable') {
      const range: InlineDisable = { rules, from: at.line, to: END, ...(reason ? { reason } : {}), at };
      out.push(range);
      open.push(range);
    } else {
      // storefront-enable closes the ranges of the rules it names, or every open one.
      for (const range of [...open]) {
        if (rules.length && !range.rules.some((r) => rules.includes(r))) continue;
        range.to = at.line;
        open.splice(open.indexOf(range), 1);
      }
    }
  }
  return out;
}

/** Disables written as the last line of a plain-text post: they cover that post. */
export function postMarkerDisables(text: string): InlineDisable[] {
  const out: InlineDisable[] = [];
  const lines = text.split(/\r\n?|\n/);
  let start = 0;
  const flush = (end: number) => {
    let last = end - 1;
    while (last >= start && lines[last].trim() === '') last--;
    const marker = last >= start ? POST_MARKER.exec(lines[last]) : null;
    if (marker) {
      const { rules, reason } = parseDirective(marker[1].trim());
      out.push({ rules, from: start + 1, to: last + 1, ...(reason ? { reason } : {}), at: { line: last + 1, column: lines[last].search(/\S/) + 1 } });
    }
  };
  lines.forEach((line, i) => {
    if (!SEPARATOR.test(line)) return;
    flush(i);
    start = i + 1;
  });
  flush(lines.length);
  return out;
}
