// YAML indentation mistakes, said as such. The parser words them for programmers ("nested
// mappings are not allowed in compact mappings") and points where it gave up, which may be
// the line before the one out of place; a spec author needs "indentation" and that line.
import type { YAMLError } from 'yaml';
import type { Segment, SpecLocator } from './errors.js';
import type { SpecError } from './errors.js';

export interface Misplaced {
  line: number;
  column: number;
  reason: string;
}

const INDENT_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY']);

const indentOf = (line: string) => line.length - line.trimStart().length;
/** Where a line's key starts: after its indentation and any "- " item markers. */
const keyColumn = (line: string) => indentOf(line) + (line.trimStart().match(/^(?:-\s+)*/)?.[0].length ?? 0);
const isContent = (line: string | undefined) => line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
const shown = (line: string) => {
  const text = line.trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};
const keyOf = (line: string) => line.slice(keyColumn(line)).match(/^[^:]+:/)?.[0] ?? shown(line);

/** An indentation reading of a YAML error, or undefined when the error is of another kind. */
export function indentationMistake(text: string, error: YAMLError, yamlReason: string): Misplaced | undefined {
  if (!INDENT_CODES.has(error.code)) return undefined;
  // A missing character is usually a quote or bracket; only a missing "-" is about indentation.
  if (error.code === 'MISSING_CHAR' && !/^sequence item without/.test(yamlReason)) return undefined;
  // An unclosed [ or { is reported as indentation by the parser, but a bracket is missing.
  if (/^flow (sequence|mapping)/.test(yamlReason)) return undefined;
  const lines = text.split(/\r?\n/);
  const at = error.linePos?.[0];
  if (!at) return undefined;
  const here = lines[at.line - 1] ?? '';
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    // "text: Sale: 30% off" is a value that needs quotes, not a misplaced line.
    if (/:\s/.test(here.slice(at.col - 1))) return undefined;
    let next = at.line;
    while (next < lines.length && !isContent(lines[next])) next++;
    const deeper = lines[next];
    if (deeper === undefined || indentOf(deeper) <= keyColumn(here)) return undefined;
    return {
      line: next + 1,
      column: indentOf(deeper) + 1,
      reason: `indentation: line ${next + 1} "${shown(deeper)}" is indented deeper than "${keyOf(here)}" on line ${at.line} (${yamlReason}); align it with "${keyOf(here)}"`,
    };
  }
  let previous = at.line - 2;
  while (previous >= 0 && !isContent(lines[previous])) previous--;
  const above = previous >= 0 ? ` than "${keyOf(lines[previous])}" on line ${previous + 1}` : '';
  return {
    line: at.line,
    column: indentOf(here) + 1,
    reason: `indentation: line ${at.line} "${shown(here)}" is out of place (${yamlReason}); indent it as a key of its mapping or an item of its list${above ? `, not ${indentOf(here) < keyColumn(lines[previous]) ? 'less' : 'more'} deeply${above}` : ''}`,
  };
}

/** Settings of a channel: written where a channel name goes, they were dedented. */
const CHANNEL_SETTINGS = new Set(['kind', 'sources', 'language', 'platform', 'max_length', 'selector']);

/**
 * A channel setting read as a channel ("sources:" dedented under channels) or as a top-level
 * key: an indentation mistake, reported at that key before the schema calls it something else.
 */
export function misplacedKey(data: unknown, at: SpecLocator): SpecError | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const spec = data as Record<string, unknown>;
  const channels = spec.channels;
  if (channels && typeof channels === 'object' && !Array.isArray(channels)) {
    const names = Object.keys(channels);
    for (const [i, name] of names.entries()) {
      if (!CHANNEL_SETTINGS.has(name)) continue;
      const owner = names.slice(0, i).reverse().find((n) => !CHANNEL_SETTINGS.has(n));
      const where: Segment[] = ['channels'];
      return at.error(where, `indentation: "${name}:" is a channel setting written where a channel name goes; indent it under ${owner ? `the channel "${owner}"` : 'its channel'}`, { key: name });
    }
  }
  for (const key of Object.keys(spec)) {
    if (!CHANNEL_SETTINGS.has(key) || key === 'language') continue;
    return at.error([], `indentation: "${key}:" is a channel setting written at the top level; indent it under its channel in channels`, { key });
  }
  return undefined;
}
