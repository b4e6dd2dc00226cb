// Reads posts from a CSV: a header row, one post per record. csv-parse gives the values; the
// positions come from a small scanner of our own, because csv-parse 6.2's `info.lines` is the
// record's last line and counts a CRLF inside a quoted cell twice.
import { createRequire } from 'node:module';
import { LINK_KEYS, TEXT_KEYS, type RawPost } from './social-posts.js';
import type { SocialOptions } from './social.js';
import { SourceError } from '../types.js';

// csv-parse is required on the first CSV file (its CommonJS build is one file): a run of JSON
// or YAML posts never loads it.
type CsvParse = typeof import('csv-parse/sync').parse;
let csvParse: CsvParse | undefined;
const csvParser = () => (csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: CsvParse }).parse);

const CSV_TEXT_KEYS = TEXT_KEYS.filter((key) => key !== 'full_text');

export function readCsvPosts(text: string, options: SocialOptions = {}): Array<RawPost | undefined> {
  const newline = recordDelimiter(text);
  const delimiter = fieldDelimiter(text, newline);
  let records: string[][];
  try {
    records = csvParser()(text, {
      delimiter,
      record_delimiter: newline,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SourceError(`CSV: ${reason}`, line);
  }
  if (records.length === 0) return [];
  const headers = records[0].map((header) => header.replace(/^\uFEFF/, '').trim());
  const textColumn = findTextColumn(headers, options.column);
  const linkColumn = findColumn(headers, LINK_KEYS);
  const idColumn = findColumn(headers, ['id']);
  const offsets = fieldOffsets(text, delimiter, newline, textColumn);
  // Should the scanner ever disagree with csv-parse, positions are dropped rather than wrong.
  const located = offsets.length === records.length;
  return records.slice(1).map((record, index) => {
    const postText = record[textColumn] ?? '';
    if (postText.trim() === '') return undefined;
    const id = idColumn === undefined ? '' : (record[idColumn] ?? '').trim();
    const href = linkColumn === undefined ? '' : (record[linkColumn] ?? '').trim();
    const offset = located ? offsets[index + 1] : -1;
    return {
      text: postText,
      html: false,
      ...(offset >= 0 ? { offset } : {}),
      ...(id ? { unit: id } : {}),
      ...(href ? { href } : {}),
    };
  });
}

function findColumn(headers: string[], names: readonly string[]): number | undefined {
  const lower = headers.map((header) => header.toLowerCase());
  for (const name of names) {
    const index = lower.indexOf(name);
    if (index >= 0) return index;
  }
  return undefined;
}

function findTextColumn(headers: string[], column: string | undefined): number {
  const listed = headers.map((header) => JSON.stringify(header)).join(', ');
  if (column !== undefined) {
    const exact = headers.indexOf(column);
    if (exact >= 0) return exact;
    const loose = findColumn(headers, [column.toLowerCase()]);
    if (loose !== undefined) return loose;
    throw new SourceError(`CSV has no column ${JSON.stringify(column)}; its headers are ${listed}`);
  }
  const found = findColumn(headers, CSV_TEXT_KEYS);
  if (found !== undefined) return found;
  throw new SourceError(
    `CSV has no post text column (one of ${CSV_TEXT_KEYS.join(', ')}); its headers are ${listed}; name it with { file, column }`,
  );
}

/** The line ending of the first record, passed to csv-parse so both readers split alike. */
function recordDelimiter(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
  }
  return '\n';
}

/** `,`, `;` or tab: whichever the header line uses most (European Excel writes `;`). */
function fieldDelimiter(text: string, newline: string): string {
  const end = text.indexOf(newline);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * For each record (header included) the offset where field `column` starts, after an opening
 * quote; -1 when the record is shorter. Mirrors csv-parse with relax_quotes: a quote opens a
 * quoted field only as the field's first character; empty lines are skipped.
 */
function fieldOffsets(text: string, delimiter: string, newline: string, column: number): number[] {
  const offsets: number[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    if (text.startsWith(newline, pos)) {
      pos += newline.length;
      continue;
    }
    let field = 0;
    let found = -1;
    for (;;) {
      const quoted = text[pos] === '"';
      if (field === column) found = quoted ? pos + 1 : pos;
      if (quoted) {
        pos++;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close < 0) {
            pos = text.length;
            break;
          }
          pos = close + 1;
          if (text[pos] !== '"') break;
          pos++;
        }
      }
      // Up to the end of the field: unquoted text, or anything after a closing quote.
      while (pos < text.length && text[pos] !== delimiter && !text.startsWith(newline, pos)) pos++;
      if (pos < text.length && text[pos] === delimiter) {
        pos++;
        field++;
        continue;
      }
      pos += newline.length;
      break;
    }
    offsets.push(found);
  }
  return offsets;
}
