// Email copy: .eml through postal-mime (FACTS.md: no dependencies, typed, fast), MJML
// templates, saved HTML and plain-text mails. Subject and preheader are parts of their
// own; attachments and headers such as List-Unsubscribe are not copy.
import PostalMime from 'postal-mime';
import { LineIndex, type Part } from '../documents/types.js';
import { decodeText } from './decode.js';
import { htmlToParts } from './html.js';
import { SourceError, type SourceInput } from './types.js';

export { readMjml } from './mjml.js';

const HEADER_LINE = /^[!-9;-~]+:[ \t]?/;

/** Plain text into paragraph parts (blank lines separate them), anchored at each paragraph. */
export function paragraphs(text: string, role: Part['role'], firstLine = 1): Part[] {
  const parts: Part[] = [];
  const lines = text.split(/\r?\n/);
  let buffer: string[] = [];
  let start = 0;
  const flush = () => {
    const joined = buffer.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) {
      const column = (buffer[0].match(/^\s*/)?.[0].length ?? 0) + 1;
      parts.push({ role, text: joined, anchors: [{ at: 0, line: firstLine + start, column }] });
    }
    buffer = [];
  };
  lines.forEach((line, i) => {
    if (!line.trim()) return flush();
    if (!buffer.length) start = i;
    buffer.push(line);
  });
  flush();
  return parts;
}

/** Letters and digits only: the same sentence in the HTML and text parts compares equal. */
const sameText = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Where a MIME part's body starts in the raw message, when its encoding keeps lines. */
function bodyLine(raw: string, lines: LineIndex, mimeType: string): number | undefined {
  // A light look at the raw text, not a second MIME parser: the first header block that
  // declares this type, and the blank line after it. Base64 keeps no lines: no anchors.
  const header = new RegExp(`^content-type:[ \\t]*${mimeType.replace('/', '\\/')}`, 'im').exec(raw);
  if (!header) return undefined;
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = header.index;
  const end = blank.exec(raw);
  if (!end) return undefined;
  const headerBlock = raw.slice(header.index, end.index);
  if (/content-transfer-encoding:[ \t]*base64/i.test(headerBlock)) return undefined;
  return lines.position(end.index + end[0].length).line;
}

export async function readEml(input: SourceInput): Promise<Part[]> {
  const bytes = input.bytes;
  if (bytes.subarray(0, 4096).includes(0)) throw new SourceError('not an email: looks like binary data');
  const raw = Buffer.from(bytes).toString('latin1');
  const firstLine = raw.split(/\r?\n/, 1)[0];
  if (!HEADER_LINE.test(firstLine)) throw new SourceError('not an email: the file does not start with a header line ("Name: value")');
  let mail: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    mail = await PostalMime.parse(bytes);
  } catch (error) {
    throw new SourceError(`not an email: ${(error as Error).message}`);
  }
  const lines = new LineIndex(raw);
  const parts: Part[] = [];
  if (mail.subject?.trim()) {
    const at = /^subject:[ \t]*/im.exec(raw);
    const anchors = at ? [{ at: 0, ...lines.position(at.index + at[0].length) }] : [];
    parts.push({ role: 'subject', text: mail.subject.replace(/\s+/g, ' ').trim(), anchors });
  }
  const htmlParts: Part[] = [];
  if (mail.html) {
    const line = bodyLine(raw, lines, 'text/html');
    const fromHtml = htmlToParts(mail.html, { metadata: false, preheader: true, origin: line ? { line, column: 1 } : undefined });
    htmlParts.push(...(line ? fromHtml : fromHtml.map((p) => ({ ...p, anchors: [] }))));
    parts.push(...htmlParts);
  }
  if (mail.text) {
    const line = bodyLine(raw, lines, 'text/plain');
    const seen = sameText(htmlParts.map((p) => p.text).join(' '));
    for (const p of paragraphs(mail.text, 'body', line ?? 1)) {
      if (mail.html && seen.includes(sameText(p.text))) continue;
      parts.push(line ? p : { ...p, anchors: [] });
    }
  }
  if (!parts.length) throw new SourceError('no copy: the message has no subject, HTML or text part');
  return parts;
}

export function readEmailHtml(input: SourceInput): Part[] {
  return htmlToParts(decodeText(input, 'HTML'), { metadata: false, preheader: true });
}

export function readEmailText(input: SourceInput): Part[] {
  const text = decodeText(input, 'text');
  const subject = /^subject:[ \t]*(.+)$/im.exec(text.split(/\r?\n/, 1)[0]);
  if (!subject) return paragraphs(text, 'body');
  const rest = text.slice(text.indexOf('\n') + 1);
  return [
    { role: 'subject', text: subject[1].trim(), anchors: [{ at: 0, line: 1, column: subject[0].indexOf(subject[1]) + 1 }] },
    ...paragraphs(rest, 'body', 2),
  ];
}
