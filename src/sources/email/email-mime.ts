// Where the copy postal-mime decoded lies in the raw .eml, and the charset mistakes real
// mail makes. A light scan of the MIME structure, not a second parser: postal-mime decodes,
// this only finds each leaf's headers and body lines so anchors can point into the file.
import { decodeWords } from 'postal-mime';
import type { Anchor, LineIndex } from '../../documents/types.js';

/** One leaf of the MIME tree as found in the raw message: enough to place its decoded text. */
export interface MimeLeaf {
  type: string;
  charset: string;
  encoding: string;
  flowed: boolean;
  delsp: boolean;
  attachment: boolean;
  /** Leaves of one multipart/alternative share a group: they are one body in two forms. */
  group: number;
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Moves anchors from a leaf's decoded text into the .eml. 7bit/8bit/binary keep lines one to
 * one. Quoted-printable is followed line by line: soft breaks (`=` at the end) join raw lines
 * and `=0A` starts a decoded line mid-line; format=flowed joins lines the same way. Where a
 * decoded line continues on the next raw line, or an `=XX` escape puts text and file out of
 * step, a new anchor is added, so QP lines and columns are exact. 8bit bodies count columns in
 * decoded characters, as an editor shows them. Base64 keeps no lines: no map, and its parts
 * name only the part.
 */
export function anchorMap(
  raw: string,
  leaf: MimeLeaf,
  lines: LineIndex,
  utf8: boolean,
  decoded: string,
): ((anchors: Anchor[], length: number) => Anchor[]) | undefined {
  if (leaf.encoding.includes('base64')) return undefined;
  const qp = leaf.encoding.includes('quoted-printable');
  // Where a raw line (or a run after `=0A` or an escape) starts in the decoded text, and in the
  // file: parallel arrays of numbers, as there is one per escape in long HTML.
  const dLines: number[] = [];
  const dCols: number[] = [];
  const fileLines: number[] = [];
  const fileCols: number[] = [];
  const mark = (dLine: number, dCol: number, line: number, column: number) => {
    dLines.push(dLine);
    dCols.push(dCol);
    fileLines.push(line);
    fileCols.push(column);
  };
  let line = lines.position(leaf.bodyStart).line;
  let dLine = 1;
  let dCol = 1;
  // Counts characters as the decoded text has them: UTF-8 continuation bytes add none.
  const width = (byte: number) => (utf8 && (byte & 0xc0) === 0x80 ? 0 : 1);
  for (let pos = leaf.bodyStart; ; line++) {
    const newline = lineEnd(raw, pos, leaf.bodyEnd);
    const end = newline > pos && raw.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
    const stuffed = leaf.flowed && raw.charCodeAt(pos) === 0x20 ? 1 : 0;
    mark(dLine, dCol, line, 1 + stuffed);
    const soft = qp && end > pos && raw.charCodeAt(end - 1) === 0x3d;
    const contentEnd = soft ? end - 1 : end;
    let lastByte = 0;
    let inStep = true;
    // Only QP and format=flowed need the columns of a line; other bodies keep lines as they are.
    for (let j = pos + stuffed; (qp || leaf.flowed) && j < contentEnd; j++) {
      const start = j;
      let byte = raw.charCodeAt(j);
      if (qp && byte === 0x3d && j + 2 < contentEnd && hex(raw.charCodeAt(j + 1)) >= 0 && hex(raw.charCodeAt(j + 2)) >= 0) {
        byte = hex(raw.charCodeAt(j + 1)) * 16 + hex(raw.charCodeAt(j + 2));
        j += 2;
        if (byte === 0x0a) {
          dLine++;
          dCol = 1;
          mark(dLine, dCol, line, j - pos + 2);
          continue;
        }
      }
      const w = width(byte);
      if (qp && w && !inStep) mark(dLine, dCol, line, start - pos + 1);
      inStep = !qp || (w === 1 && j === start);
      dCol += w;
      lastByte = byte;
    }
    if (newline >= leaf.bodyEnd) break;
    const lineStart = pos;
    pos = newline + 1;
    if (soft) continue;
    // format=flowed: a line ending in a space (not the "-- " signature line) runs on.
    if (leaf.flowed && lastByte === 0x20 && raw.slice(lineStart, end) !== '-- ') {
      if (leaf.delsp) dCol--;
      continue;
    }
    dLine++;
    dCol = 1;
  }
  // A parser that read the leaf differently (broken structure, odd charset) gives another
  // line count: then no anchors rather than wrong ones.
  let decodedLines = 1;
  for (let at = decoded.indexOf('\n'); at !== -1; at = decoded.indexOf('\n', at + 1)) decodedLines++;
  if (Math.abs(decodedLines - dLine) > 1) return undefined;

  const lastAtOrBefore = (line: number, column: number) => {
    let lo = 0;
    let hi = dLines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (dLines[mid] < line || (dLines[mid] === line && dCols[mid] <= column)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return (anchors, length) => {
    const placed: Anchor[] = [];
    anchors.forEach((anchor, i) => {
      // The text from this anchor to the next runs in step with the decoded body: it gets
      // a new anchor wherever the decoded text and the file step apart.
      const runEnd = anchor.column + ((anchors[i + 1]?.at ?? length) - anchor.at);
      let k = lastAtOrBefore(anchor.line, anchor.column);
      placed.push({ at: anchor.at, line: fileLines[k], column: fileCols[k] + Math.max(0, anchor.column - dCols[k]) });
      for (k++; k < dLines.length && dLines[k] === anchor.line && dCols[k] < runEnd; k++) {
        placed.push({ at: anchor.at + dCols[k] - anchor.column, line: fileLines[k], column: fileCols[k] });
      }
    });
    return placed;
  };
}

/** The leaves of a raw message's MIME tree, in file order; a light scan, not a second parser. */
export function scanMime(raw: string, start: number): MimeLeaf[] {
  const leaves: MimeLeaf[] = [];
  let groups = 0;
  const visit = (from: number, to: number, depth: number, group: number | undefined, defaultType: string): void => {
    const { fields, bodyStart } = readHeaderBlock(raw, from, to);
    const type = parseHeaderValue(fields.get('content-type') ?? defaultType);
    const disposition = parseHeaderValue(fields.get('content-disposition') ?? '').value;
    const boundary = type.params.boundary;
    if (type.value.startsWith('multipart/') && boundary && depth < 32) {
      const own = type.value === 'multipart/alternative' ? groups++ : group;
      const childType = type.value === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
      const delimiter = `--${boundary}`;
      let partStart = -1;
      for (let pos = bodyStart; pos < to; ) {
        const nl = lineEnd(raw, pos, to);
        const rest = raw.startsWith(delimiter, pos) ? raw.slice(pos + delimiter.length, nl).trim() : undefined;
        if (rest === '' || rest === '--') {
          if (partStart >= 0) visit(partStart, Math.max(partStart, pos - 1), depth + 1, own, childType);
          if (rest === '--') return;
          partStart = nl + 1;
        }
        pos = nl + 1;
      }
      if (partStart >= 0 && partStart < to) visit(partStart, to, depth + 1, own, childType);
      return;
    }
    const params = type.params;
    leaves.push({
      type: type.value,
      charset: params.charset ?? '',
      encoding: (fields.get('content-transfer-encoding') ?? '').toLowerCase(),
      flowed: /^flowed$/i.test(params.format ?? ''),
      delsp: /^yes$/i.test(params.delsp ?? ''),
      attachment: disposition === 'attachment',
      group: group ?? groups++,
      bodyStart,
      bodyEnd: raw[to - 1] === '\r' ? to - 1 : to,
    });
  };
  visit(start, raw.length, 0, undefined, 'text/plain');
  return leaves;
}

const hex = (code: number) => (code >= 48 && code <= 57 ? code - 48 : (code | 0x20) >= 97 && (code | 0x20) <= 102 ? (code | 0x20) - 87 : -1);

function lineEnd(raw: string, pos: number, to: number): number {
  const nl = raw.indexOf('\n', pos);
  return nl === -1 || nl > to ? to : nl;
}

/** Header fields (first of each name, unfolded) and where the body after them starts. */
function readHeaderBlock(raw: string, from: number, to: number): { fields: Map<string, string>; bodyStart: number } {
  const fields = new Map<string, string>();
  let name = '';
  for (let pos = from; pos < to; ) {
    const nl = lineEnd(raw, pos, to);
    const line = raw.slice(pos, raw[nl - 1] === '\r' ? nl - 1 : nl);
    pos = nl + 1;
    if (!line) return { fields, bodyStart: Math.min(pos, to) };
    if ((line[0] === ' ' || line[0] === '\t') && name) {
      fields.set(name, `${fields.get(name)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (name && !fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
    else name = '';
  }
  return { fields, bodyStart: to };
}

function parseHeaderValue(value: string): { value: string; params: Record<string, string> } {
  const semicolon = value.indexOf(';');
  const params: Record<string, string> = {};
  const rest = semicolon === -1 ? '' : value.slice(semicolon);
  for (const m of rest.matchAll(/;\s*([\w.*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return { value: (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase(), params };
}

/** Undoes two charset mistakes that real mail is full of. */
export function fixCharset(text: string, charset: string): { text: string; utf8: boolean } {
  if (/^utf-?8$/i.test(charset)) return { text: fixC1(text), utf8: true };
  const repaired = repairMislabelledUtf8(text, charset);
  return repaired === text ? { text: fixC1(text), utf8: false } : { text: repaired, utf8: true };
}

/**
 * Mailers often label a UTF-8 body with a legacy charset (issue230.eml: x-mac-cyrillic over
 * UTF-8 "©"). Text decoded with a single-byte charset is turned back into its bytes; if those
 * are valid UTF-8 with multi-byte sequences, UTF-8 was meant. Real legacy text almost never
 * validates: its accented letters are lone bytes above 0x7F.
 */
function repairMislabelledUtf8(text: string, charset: string): string {
  if (!charset || /^(us-)?ascii$/i.test(charset) || !/[^\x00-\x7f]/.test(text)) return text;
  const table = singleByteTable(charset.toLowerCase());
  if (!table) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table.get(text.charCodeAt(i));
    if (byte === undefined) return text;
    bytes[i] = byte;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}

/** windows-1252 at 0x80–0x9F; undefined bytes stay as they are. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * C1 control characters are never copy: they are windows-1252 text read as ISO-8859-1 (mail
 * labels it so all the time, and Node 20's TextDecoder('windows-1252') itself returns them).
 */
export const fixC1 = (text: string) => text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const singleByteTables = new Map<string, Map<number, number> | undefined>();

function singleByteTable(charset: string): Map<number, number> | undefined {
  if (singleByteTables.has(charset)) return singleByteTables.get(charset);
  let table: Map<number, number> | undefined;
  try {
    const chars = new TextDecoder(charset).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    table = new Map([...chars].map((c, i) => [c.charCodeAt(0), i]));
    if (chars.length !== 256 || table.size !== 256) table = undefined;
  } catch {
    table = undefined;
  }
  singleByteTables.set(charset, table);
  return table;
}

/**
 * Re-decodes a raw header whose encoded words split a character between two base64 words
 * that each carry padding (=?utf-8?B?0JHRi9GB0Y=?= =?utf-8?B?...?=): postal-mime joins only
 * unpadded words, so it decodes each half alone into U+FFFD. Adjacent B words of one charset
 * are joined as bytes, as RFC 2047 decoders that keep bytes per charset do, then decoded.
 */
export function decodeSplitWords(header: string): string {
  const unfolded = header.replace(/\r?\n[ \t]+/g, ' ');
  const joined = unfolded.replace(/(?:=\?([^?\s]+)\?[Bb]\?[A-Za-z0-9+/=]*\?=\s*)+/g, (run) => {
    const words = [...run.matchAll(/=\?([^?\s]+)\?[Bb]\?([A-Za-z0-9+/=]*)\?=/g)];
    const trailing = /\s*$/.exec(run)![0];
    let out = '';
    for (let i = 0; i < words.length; ) {
      const charset = words[i][1].toLowerCase();
      const bytes: Buffer[] = [];
      for (; i < words.length && words[i][1].toLowerCase() === charset; i++) bytes.push(Buffer.from(words[i][2], 'base64'));
      out += `=?${charset}?B?${Buffer.concat(bytes).toString('base64')}?=`;
    }
    return out + trailing;
  });
  return decodeWords(joined);
}
