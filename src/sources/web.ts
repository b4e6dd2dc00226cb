// Web pages: bytes decoded with the page's own charset, then walked into parts.
import { htmlToParts } from './html.js';
import { decodeText } from './decode.js';
import type { Part } from '../documents/types.js';
import type { SourceInput } from './types.js';

export function readHtml(input: SourceInput): Part[] {
  return htmlToParts(decodeText(input, 'HTML'), { selector: input.selector });
}
