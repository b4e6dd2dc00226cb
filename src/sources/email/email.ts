// Email copy: .eml through postal-mime (FACTS.md: no dependencies, typed, fast), saved HTML
// mails and plain-text mails; MJML templates are read in mjml.ts, mailboxes in mbox.ts (each
// message through readMessage here). Subject and preheader are parts of their own; forwarded
// messages are copy labelled 'forward'; attachments and headers such as List-Unsubscribe are not.
import PostalMime, { type Email } from 'postal-mime';
import { LineIndex, locate, partWith, type Anchor, type Part, type Role } from '../../documents/types.js';
import { decodeText } from './decode.js';
import { decodeHtml } from '../html/decode-html.js';
import { htmlToParts } from '../html/html.js';
import { blankPlaceholders } from './mjml.js';
import { anchorMap, decodeSplitWords, fixC1, fixCharset, scanMime, type MimeLeaf } from './email-mime.js';
import { SourceError, type SourceInput } from '../types.js';

export { readMjml } from './mjml.js';

/** Headers of which a mail has at least one; a "Name: value" file without them is not a mail. */
const MAIL_HEADERS = new Set(['from', 'subject', 'content-type', 'mime-version']);
const HEADER_LINE = /^[!-9;-~]+:/;

export async function readEml(input: SourceInput): Promise<Part[]> {
  return withSent(await readMessage(input.bytes));
}

/** Every part of a mail carries the mail's Date (a forward keeps its own). */
export function withSent({ parts, date }: { parts: Part[]; date?: string }): Part[] {
  return date ? parts.map((part) => (part.sent ? part : partWith(part, { sent: date }))) : parts;
}

/** One mail as storefront reads it: its copy, and what identifies it in a mailbox. */
export interface Message {
  parts: Part[];
  /** Message-ID without its angle brackets. */
  messageId?: string;
  /** Date header as ISO 8601, when it parses. */
  date?: string;
}

/** Forwards inside forwards are read this deep; deeper ones are not copy anyone reviews. */
const MAX_FORWARD_DEPTH = 8;

/**
 * The copy of one message: subject, preheader, HTML and text parts, then each message it
 * forwards (message/rfc822 parts, attached or inline), labelled 'forward'. Throws a
 * SourceError when the bytes are not a mail or it has no copy at all.
 */
export async function readMessage(bytes: Uint8Array, depth = 0): Promise<Message> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const headerStart = checkLooksLikeMail(raw);
  let mail: Email;
  try {
    // Forwarded messages stay apart from the body, so their copy can be labelled and anchored.
    mail = await PostalMime.parse(bytes, { forceRfc822Attachments: true });
  } catch (error) {
    throw new SourceError(`not an email: ${oneLine(error)}`);
  }
  if (!mail.headers.some((h) => MAIL_HEADERS.has(h.key))) {
    throw new SourceError('not an email: no From, Subject or Content-Type header');
  }
  const lines = new LineIndex(raw);
  const leaves = scanMime(raw, headerStart);
  const parts: Part[] = [];

  const header = subjectHeader(raw, headerStart);
  const decoded = mail.subject?.includes('\uFFFD') && header ? decodeSplitWords(header.value) : mail.subject;
  const subject = collapse(fixC1(decoded ?? ''));
  if (subject) parts.push({ role: 'subject', text: subject, anchors: header ? [{ at: 0, ...lines.position(header.start) }] : [] });

  const html = bodyOf('text/html', mail.html, leaves, raw, lines);
  const htmlParts = html ? htmlCopy(html.text).map(html.place) : [];
  parts.push(...htmlParts);

  const text = bodyOf('text/plain', mail.text, leaves, raw, lines);
  if (text) parts.push(...withoutRepeats(paragraphs(text.text, 'body').map(text.place), htmlParts));

  if (depth < MAX_FORWARD_DEPTH) parts.push(...(await forwardedParts(mail, leaves, raw, lines, depth)));

  if (!parts.length) throw new SourceError('no copy: the message has no subject and no text in its HTML or text part');
  const date = mail.date && !Number.isNaN(Date.parse(mail.date)) ? new Date(mail.date).toISOString() : undefined;
  const messageId = mail.messageId?.replace(/^\s*<|>\s*$/g, '').trim() || undefined;
  return { parts, messageId, date };
}

/**
 * The copy of forwarded messages, labelled 'forward'. A forward kept as it was sent (7bit,
 * 8bit) lies byte for byte in this file, so its anchors move down to where it starts; one
 * re-encoded (base64, quoted-printable) keeps no lines of this file, so its anchors are dropped.
 */
async function forwardedParts(mail: Email, leaves: MimeLeaf[], raw: string, lines: LineIndex, depth: number): Promise<Part[]> {
  const forwards = mail.attachments.filter((a) => a.mimeType === 'message/rfc822');
  const forwardLeaves = leaves.filter((l) => l.type === 'message/rfc822');
  const parts: Part[] = [];
  for (const [i, forward] of forwards.entries()) {
    const bytes = typeof forward.content === 'string' ? Buffer.from(forward.content, 'latin1') : new Uint8Array(forward.content);
    let message: Message;
    try {
      message = await readMessage(bytes, depth + 1);
    } catch (error) {
      if (error instanceof SourceError) continue; // a forward without copy adds nothing
      throw error;
    }
    const leaf = forwardLeaves.length === forwards.length ? forwardLeaves[i] : undefined;
    const inPlace = leaf && sameText(raw.slice(leaf.bodyStart, leaf.bodyEnd), Buffer.from(bytes).toString('latin1'));
    const shift = inPlace ? lines.position(leaf.bodyStart).line - 1 : undefined;
    for (const part of message.parts) {
      const anchors = shift === undefined ? [] : moveAnchors(part.anchors, shift);
      parts.push(partWith(part, { anchors, label: 'forward' }));
    }
  }
  return parts;
}

const sameText = (a: string, b: string) => a.replace(/(?:\r?\n)+$/, '') === b.replace(/(?:\r?\n)+$/, '');

/**
 * Anchors of a message that starts at the beginning of line `shift + 1` of a bigger file (an
 * mbox, a forward). `widened` lines had one character less in the message than in the file
 * (mboxrd's ">From " quoting, undone before reading): their columns move right by one.
 */
export function moveAnchors(anchors: Anchor[], shift: number, widened?: ReadonlySet<number>): Anchor[] {
  return anchors.map((a) => ({ ...a, line: a.line + shift, column: widened?.has(a.line) ? a.column + 1 : a.column }));
}

/**
 * HTML mail saved as a file, often a newsletter's web view saved from the browser: its <title>
 * is the subject (ESPs write the subject there) and the hidden first text its preheader. Page
 * metadata (description, Open Graph, JSON-LD) repeats those and is not copy of a mail.
 */
export function readEmailHtml(input: SourceInput): Part[] {
  // Decoded exactly like a web page (BOM, header, <meta charset>, windows-1252 fallback).
  const html = fixC1(blankPlaceholders(decodeHtml(input.bytes, input.contentType)));
  const parts: Part[] = [];
  for (const part of htmlToParts(html, { preheader: true })) {
    if (part.role === 'title' && !parts.some((p) => p.role === 'subject')) parts.push(partWith(part, { role: 'subject' }));
    else if (part.role !== 'title' && part.role !== 'description' && part.role !== 'og' && part.role !== 'offer') parts.push(part);
  }
  if (!parts.some((p) => p.role !== 'subject')) throw new SourceError('no copy: the HTML has no visible text');
  return parts;
}

/** A mail saved as text: an optional first line `Subject: …`, then paragraphs. */
export function readEmailText(input: SourceInput): Part[] {
  const text = fixC1(blankPlaceholders(decodeText(input, 'text')));
  // Lines end with LF, CRLF or a lone CR (classic Mac OS): the subject is the first line in all three.
  const firstBreak = /\r\n?|\n/.exec(text);
  const firstLine = firstBreak ? text.slice(0, firstBreak.index) : text;
  const subject = /^(subject:[ \t]*)(\S.*?)\s*$/i.exec(firstLine);
  const parts: Part[] = [];
  if (subject) {
    parts.push({ role: 'subject', text: collapse(subject[2]), anchors: [{ at: 0, line: 1, column: subject[1].length + 1 }] });
    parts.push(...paragraphs(firstBreak ? text.slice(firstBreak.index + firstBreak[0].length) : '', 'body', 2));
  } else {
    parts.push(...paragraphs(text, 'body'));
  }
  if (!parts.length) throw new SourceError('no copy: the file has no text');
  return parts;
}

/** Plain text into paragraph parts (blank lines separate them), anchored where text and file part step. */
export function paragraphs(text: string, role: Role, firstLine = 1): Part[] {
  const parts: Part[] = [];
  let current: Part | undefined;
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    let previousEnd = -2; // no run yet on this line: the first one always gets an anchor
    for (const run of lines[i].matchAll(/\S+/g)) {
      if (current) current.text += ' ';
      else current = { role, text: '', anchors: [] };
      // Across one single space on a line, the text and the file run in step.
      if (run.index !== previousEnd + 1) current.anchors.push({ at: current.text.length, line: firstLine + i, column: run.index + 1 });
      current.text += run[0];
      previousEnd = run.index + run[0].length;
    }
    if (previousEnd === -2 && current) {
      parts.push(current);
      current = undefined;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Some mailers label a plain-text rendering as text/html (Discover, 2002): read that as text. */
function htmlCopy(html: string): Part[] {
  const hasMarkup = /<(?:!doctype|html|head|body|p|br|div|span|table|td|a|b|i|font|img|center|h[1-6]|ul|li)\b/i.test(html);
  return hasMarkup ? htmlToParts(html, { metadata: false, preheader: true }) : paragraphs(html, 'body');
}

// ---- Is it a mail at all -------------------------------------------------------------------

/** Refuses bytes that are not a mail; returns where its header block starts. */
function checkLooksLikeMail(raw: string): number {
  if (!raw.trim()) throw new SourceError('not an email: the file is empty');
  const head = raw.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(head)) throw new SourceError('not an email: looks like binary data');
  // Thunderbird and mbox exports put a "From - date" envelope line before the headers.
  const start = head.startsWith('From ') ? head.indexOf('\n') + 1 : 0;
  const lineEnd = head.indexOf('\n', start);
  const firstLine = head.slice(start, lineEnd === -1 ? undefined : lineEnd);
  if (!HEADER_LINE.test(firstLine)) {
    throw new SourceError('not an email: the file does not start with a header block ("Name: value" lines)');
  }
  return start;
}

/** The raw Subject header's value (folded as in the file) and where it starts. */
function subjectHeader(raw: string, headerStart: number): { value: string; start: number } | undefined {
  const blank = /\r?\n\r?\n/.exec(raw.slice(headerStart));
  const headers = raw.slice(headerStart, blank ? headerStart + blank.index : raw.length);
  const header = /^subject:[ \t]*(?:\r?\n[ \t]+)?((?:.*)(?:\r?\n[ \t].*)*)/im.exec(headers);
  if (!header) return undefined;
  return { value: header[1], start: headerStart + header.index + header[0].length - header[1].length };
}

// ---- Which body postal-mime gave, and where it lies in the file ------------------------------

interface Body {
  text: string;
  /** Moves a part's anchors from the decoded body into the .eml, or empties them. */
  place: (part: Part) => Part;
}

/**
 * The HTML or text body postal-mime assembled, if the message really has one: postal-mime
 * renders a missing form from the other (htmlToText / textToHtml), which is not copy of its own.
 */
function bodyOf(type: string, decoded: string | undefined, leaves: MimeLeaf[], raw: string, lines: LineIndex): Body | undefined {
  const own = leaves.filter((l) => !l.attachment && l.type === type);
  if (!decoded || !own.length) return undefined;
  const charsets = new Set(own.map((l) => l.charset.toLowerCase()));
  const { text, utf8 } = fixCharset(decoded, charsets.size === 1 ? own[0].charset : '');
  // Anchors only when the body is exactly one leaf: postal-mime joins several leaves (and
  // renders groups lacking this form from the other one), which no simple map follows.
  // Forwarded messages are read apart (forwardedParts), so they do not join the body.
  const groups = new Set(leaves.filter((l) => !l.attachment && /^text\/(plain|html)$/.test(l.type)).map((l) => l.group));
  const single = own.length === 1 && groups.size === 1;
  const toFile = single ? anchorMap(raw, own[0], lines, utf8, text) : undefined;
  if (!toFile) return { text, place: (part) => partWith(part, { anchors: [] }) };
  return { text, place: (part) => partWith(part, { anchors: toFile(part.anchors, part.text.length) }) };
}

// ---- The same sentence once ------------------------------------------------------------------

const URL_IN_TEXT = /<(?:https?|mailto):[^>\s]*>|\((?:https?|mailto):[^)\s]*\)|\b(?:https?:\/\/|www\.)\S+/gi;

/** Lowercase words without punctuation, written-out links or "[Image:" markers: a sentence as both parts say it. */
const words = (text: string) =>
  text
    .replace(URL_IN_TEXT, ' ')
    .replace(/\[(?:image|img)\s*:/gi, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The same sentence in the HTML and text parts counts once: sentences of the text part whose
 * words the HTML already says are dropped, and so are bare links and rules ("=====") that the
 * HTML shows as buttons and lines. What is left of a paragraph stays, anchored as before.
 */
function withoutRepeats(textParts: Part[], htmlParts: Part[]): Part[] {
  if (!htmlParts.length) return textParts;
  // A link part inside a block repeats words of that block, and would break its run of words
  // if read in place: the HTML is read both in order and with its links apart.
  const htmlWords = htmlParts.map((p) => words(p.text));
  const streams = [new WordStream(htmlWords.flat())];
  if (htmlParts.some((p) => p.role === 'link')) streams.push(new WordStream(htmlWords.filter((_, i) => htmlParts[i].role !== 'link').flat()));
  const isSaid = (sentence: string[]) => !sentence.length || streams.some((stream) => stream.says(sentence));
  const kept: Part[] = [];
  for (const part of textParts) {
    let start = -1;
    for (const [from, to] of sentenceRanges(part.text)) {
      if (!isSaid(words(part.text.slice(from, to)))) {
        if (start < 0) start = from;
        continue;
      }
      if (start >= 0) kept.push(slicePart(part, start, from));
      start = -1;
    }
    if (start >= 0) kept.push(slicePart(part, start, part.text.length));
  }
  return kept;
}

/** The HTML's words in order, indexed, so that finding a sentence in them is not a scan of them all. */
class WordStream {
  private readonly positions = new Map<string, number[]>();
  private readonly tightStarts: number[] = [];
  private readonly tight: string;

  constructor(private readonly words: string[]) {
    let offset = 0;
    words.forEach((word, i) => {
      const at = this.positions.get(word);
      if (at) at.push(i);
      else this.positions.set(word, [i]);
      this.tightStarts.push(offset);
      offset += word.length;
    });
    this.tight = words.join('');
  }

  says(sentence: string[]): boolean {
    // Candidates start from the rarest word the HTML has.
    const shared = sentence
      .map((word, index) => ({ index, at: this.positions.get(word) ?? [] }))
      .filter((w) => w.at.length)
      .sort((a, b) => a.at.length - b.at.length);
    if (shared.length === sentence.length) {
      const { index, at } = shared[0];
      if (at.some((p) => sentence.every((word, k) => this.words[p - index + k] === word))) return true;
    }
    // Text parts generated from HTML often lose or gain a space where lines were joined
    // ("inviteyou"): long sentences also compare without spaces, aligned on a shared word.
    const tight = sentence.join('');
    if (tight.length < 40) return false;
    const offsets: number[] = [];
    sentence.reduce((offset, word) => (offsets.push(offset), offset + word.length), 0);
    return shared.slice(0, 3).some(({ index, at }) =>
      at.some((p) => this.tightStarts[p] >= offsets[index] && this.tight.startsWith(tight, this.tightStarts[p] - offsets[index])),
    );
  }
}

/** Sentence ranges: a run of . ! ? … (and closing quotes) before a space or the end closes one. */
function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…]+["'”’)\]]*(?:\s+|$)/g)) {
    ranges.push([start, m.index + m[0].length]);
    start = m.index + m[0].length;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges;
}

function slicePart(part: Part, start: number, end: number): Part {
  while (end > start && part.text[end - 1] === ' ') end--;
  if (start === 0 && end === part.text.length) return part;
  const first = locate(part, start);
  const rest = part.anchors.filter((a) => a.at > start && a.at < end).map((a) => ({ ...a, at: a.at - start }));
  return partWith(part, { text: part.text.slice(start, end), anchors: first ? [{ at: 0, ...first }, ...rest] : rest });
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];
