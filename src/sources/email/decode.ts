// Text files that are not web pages (.txt mail, .mjml templates) are decoded by the one
// decoder storefront has, ../html/decode-html.ts's decodeHtml: BOM, Content-Type charset, <meta charset>,
// UTF-8, else windows-1252 (with Node 20's C1 gap filled), binary refused. Only its wording
// is adapted here, so a template is "not MJML", not "not HTML".
import { SourceError, type SourceInput } from '../types.js';
import { decodeHtml } from '../html/decode-html.js';

/** Text of a source, or a SourceError naming `what` it was expected to be. */
export function decodeText(input: SourceInput, what: string): string {
  try {
    return decodeHtml(input.bytes, input.contentType);
  } catch (error) {
    if (error instanceof SourceError) throw new SourceError(error.message.replace(/^not HTML\b/, `not ${what}`), error.line, error.column);
    throw error;
  }
}
