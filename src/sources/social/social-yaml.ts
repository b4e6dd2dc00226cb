// Reads a YAML post file into plain values plus the file offset where each string starts,
// the same shape the JSON parser gives, so one extractor serves both.
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { expandedSizeWithin } from '../../spec/yaml-budget.js';
import { OffsetMap, type LocatedValue } from './social-json.js';
import { SourceError } from '../types.js';

// Aliases can repeat a subtree exponentially ("billion laughs"), or one big subtree a thousand
// times: the expanded size is what is limited (nodes plus characters), to a few times what the
// largest local source may hold.
const MAX_EXPANDED = 40 * 1024 * 1024;

export function parseLocatedYaml(text: string): LocatedValue {
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const reason =
      error.code === 'MULTIPLE_DOCS'
        ? 'a posts file holds one YAML document; this one has a second after "---"'
        : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const where = at ? ` at line ${at.line}, column ${at.col}` : '';
    throw new SourceError(`YAML syntax error${where}: ${reason}`, at?.line, at?.col);
  }
  const budget = expandedSizeWithin(doc, MAX_EXPANDED);
  if (!budget.ok) {
    const at = budget.offset === undefined ? undefined : lineColumn(text, budget.offset);
    const where = at ? ` at line ${at.line}, column ${at.column}` : '';
    const reason = budget.reason === 'self-reference' ? 'an alias refers to itself' : `aliases expand the file beyond ${MAX_EXPANDED.toLocaleString('en')} nodes and characters`;
    throw new SourceError(`YAML${where}: ${reason}`, at?.line, at?.column);
  }
  const offsets = new OffsetMap();
  const builder = { doc, text, offsets };
  const value = build(builder, doc.contents as Node | null);
  return { value, offsetOf: (container, key) => offsets.get(container, key) };
}

interface Builder {
  doc: Document;
  text: string;
  offsets: OffsetMap;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function build(builder: Builder, node: Node | null | undefined): unknown {
  if (!node) return null;
  if (isAlias(node)) return build(builder, node.resolve(builder.doc) as Node | undefined);
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    const items: unknown[] = [];
    for (const item of node.items) {
      const value = build(builder, item as Node | null);
      if (typeof value === 'string' && isScalar(item)) remember(builder, items, items.length, item);
      items.push(value);
    }
    return items;
  }
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(build(builder, keyNode));
      const valueNode = pair.value as Node | null;
      const value = build(builder, valueNode);
      if (typeof value === 'string' && isScalar(valueNode)) remember(builder, object, key, valueNode);
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
    }
    return object;
  }
  return null;
}

/** Where a scalar's text begins: inside its quotes, or on the line after a block indicator. */
function remember(builder: Builder, container: object, key: string | number, scalar: Scalar): void {
  const start = scalar.range?.[0];
  if (start === undefined) return;
  let offset = start;
  if (scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE) offset = start + 1;
  else if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
    const text = builder.text;
    const newline = text.indexOf('\n', start);
    if (newline >= 0) {
      offset = newline + 1;
      while (offset < text.length && (text[offset] === ' ' || text[offset] === '\n' || text[offset] === '\r')) offset++;
    }
  }
  builder.offsets.set(container, key, offset);
}
