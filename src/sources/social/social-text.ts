// Turns a post's stored text into the text a reader sees: bytes to characters, entities
// decoded, whitespace tidied. Newlines inside a post are kept because every platform counts
// them toward the length; runs of spaces are collapsed.
import { createRequire } from 'node:module';
import { SourceError } from '../types.js';

/**
 * Characters of a file. Spreadsheet exports are not always UTF-8: a UTF-16 BOM is honoured,
 * and bytes that are not valid UTF-8 are read as Windows-1252 (Excel's "CSV" on Windows).
 * TextDecoder drops the BOM itself, so offsets count from the first real character.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // A spreadsheet or image named .csv/.json: refuse it rather than read noise as posts.
  if (bytes.subarray(0, 8192).includes(0)) throw new SourceError('not a text file: looks like binary data');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// Only complete references (with `;`): "AT&T" or "Q&A" in plain text must stay as written.
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

/** `&amp;` becomes `&`: X stores its text escaped, and exports from web tools often are. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, (entity) => decodeHTML()(entity)) : text;
}

// entities' decoder knows all 2,231 named references, as the HTML parser does (the tests hold
// the two equal on each of them), without loading a parser. Its tables are decoded when it
// loads, so it is required on the first reference, as htmlparser2 is on the first HTML post:
// most posts have none.
type DecodeHtml = (text: string) => string;
let decodeHtml: DecodeHtml | undefined;
const decodeHTML = () => (decodeHtml ??= (createRequire(import.meta.url)('entities/decode') as { decodeHTML: DecodeHtml }).decodeHTML);

/** Line breaks normalized, spaces and tabs collapsed, each line and the whole post trimmed. */
export function tidyPostText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/^ | $/g, '');
}

const TIDIED = /[ \t\f\v]+|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

/**
 * One line tidied as tidyPostText and decodeEntities do (entities decoded, runs of spaces
 * collapsed, the ends trimmed), with where the tidied text and the line run in step again
 * after each change: `at` in the tidied text, `column` (1-based) in the line. Locations then
 * come from these anchors instead of drifting left after every collapsed run.
 */
export function tidyLine(line: string): { text: string; steps: Array<{ at: number; column: number }> } {
  const start = line.length - line.replace(/^[ \t\f\v]+/, '').length;
  const end = line.replace(/[ \t\f\v]+$/, '').length;
  const body = line.slice(start, end);
  let text = '';
  let from = 0;
  const steps: Array<{ at: number; column: number }> = [];
  for (const m of body.matchAll(TIDIED)) {
    text += body.slice(from, m.index);
    const written = m[0];
    const replaced = written.startsWith('&') ? decodeEntities(written) : ' ';
    text += replaced;
    from = m.index + written.length;
    if (replaced.length !== written.length) steps.push({ at: text.length, column: start + from + 1 });
  }
  text += body.slice(from);
  return { text, steps };
}
