// Web pages: bytes decoded as a browser would pick the charset, binary refused, then walked.
import type { Part } from '../../documents/types.js';
import { htmlToParts } from '../html/html.js';
import type { SourceInput } from '../types.js';
import { decodeHtml } from '../html/decode-html.js';

export function readHtml(input: SourceInput): Part[] {
  return htmlToParts(blankFrontMatter(decodeHtml(input.bytes, input.contentType)), { selector: input.selector, exclude: input.exclude });
}

/**
 * A page kept as a site generator's template (Jekyll, Hugo, Eleventy) opens with front matter:
 * YAML between `---` lines or TOML between `+++` lines. It is the build's settings, never copy a
 * reader sees, so it is blanked out — every character but line breaks becomes a space, so the
 * anchors of the copy after it still point at the right line and column.
 */
export function blankFrontMatter(html: string): string {
  const open = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/.exec(html);
  if (!open) return html;
  const close = new RegExp(`\\r?\\n${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?=\\r?\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const end = close.exec(html);
  if (!end) return html;
  const stop = end.index + end[0].length;
  return html.slice(0, stop).replace(/[^\r\n]/g, ' ') + html.slice(stop);
}

/**
 * A fetched body without a Content-Type is read as a page only if it starts like markup (after a
 * byte-order mark and white space): a metadata service's or an API's plain text or JSON is not copy.
 */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?[\s\0]*</.test(head);
}
