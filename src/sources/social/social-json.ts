// Parses JSON while remembering where chosen string values start in the file. JSON.parse gives
// no positions, and the yaml package (JSON is YAML) runs ~30× slower than JSON.parse on the
// corpus, too slow for X archives of many megabytes. This stays linear and only keeps the
// offsets of strings a reader asked for, so memory grows with posts, not with every field.
import { LineIndex } from '../../documents/types.js';
import { SourceError } from '../types.js';

/** A parsed value plus where its remembered strings start (file offsets, after the quote). */
export interface LocatedValue {
  value: unknown;
  offsetOf(container: object, key: string | number): number | undefined;
}

/** Which object keys' string values to remember; array elements that are strings always are. */
export type KeyFilter = (key: string) => boolean;

export interface JsonParseOptions {
  /** Offset where the JSON value starts (after an X archive's `window.YTD… =` prefix). */
  start?: number;
  /** Allow one `;` after the value, as JavaScript files end. */
  allowSemicolon?: boolean;
}

// Past this depth a hand-written recursive parser would overflow the stack; no post file nests so deep.
const MAX_DEPTH = 500;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const CONTROL = /[\u0000-\u001f]/;

export class OffsetMap {
  private readonly map = new WeakMap<object, Map<string | number, number>>();
  set(container: object, key: string | number, offset: number): void {
    let entries = this.map.get(container);
    if (!entries) this.map.set(container, (entries = new Map()));
    entries.set(key, offset);
  }
  get(container: object, key: string | number): number | undefined {
    return this.map.get(container)?.get(key);
  }
}

export function parseLocatedJson(text: string, wanted: KeyFilter, options: JsonParseOptions = {}): LocatedValue {
  const parser = new JsonParser(text, wanted, options.start ?? 0);
  parser.skipSpace();
  if (parser.pos >= text.length) parser.fail('the file holds no JSON value');
  const value = parser.value(0);
  parser.skipSpace();
  if (options.allowSemicolon && text.charCodeAt(parser.pos) === 59 /* ; */) {
    parser.pos++;
    parser.skipSpace();
  }
  if (parser.pos < text.length) parser.fail('unexpected text after the end of the JSON value');
  const offsets = parser.offsets;
  return { value, offsetOf: (container, key) => offsets.get(container, key) };
}

class JsonParser {
  pos: number;
  readonly offsets = new OffsetMap();

  constructor(
    private readonly text: string,
    private readonly wanted: KeyFilter,
    start: number,
  ) {
    this.pos = start;
  }

  fail(reason: string, at = this.pos): never {
    const { line, column } = new LineIndex(this.text).position(Math.min(at, this.text.length));
    throw new SourceError(`JSON syntax error at line ${line}, column ${column}: ${reason}`, line, column);
  }

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) return this.string();
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    if (this.pos >= this.text.length) this.fail('unexpected end of file');
    this.fail(`unexpected character ${JSON.stringify(this.text[this.pos])}`);
  }

  private literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private string(): string {
    const text = this.text;
    const start = this.pos + 1;
    let end = start;
    for (;;) {
      end = text.indexOf('"', end);
      if (end < 0) this.fail('unterminated string', this.pos);
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
      end++;
    }
    const raw = text.slice(start, end);
    this.pos = end + 1;
    if (CONTROL.test(raw)) this.fail('unescaped control character in string', start + raw.search(CONTROL));
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(text.slice(start - 1, end + 1)) as string;
    } catch {
      this.fail('invalid escape in string', start + raw.indexOf('\\'));
    }
  }

  private array(depth: number): unknown[] {
    const items: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      const item = this.value(depth + 1);
      if (typeof item === 'string') this.offsets.set(items, items.length, at + 1);
      items.push(item);
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 44 /* , */) continue;
      if (c === 93 /* ] */) return items;
      this.fail(this.pos > this.text.length ? 'unexpected end of file in an array' : "expected ',' or ']'", this.pos - 1);
    }
  }

  private object(depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 34) this.fail(this.pos >= this.text.length ? 'unexpected end of file in an object' : 'expected a property name in double quotes');
      const key = this.string();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58 /* : */) this.fail("expected ':' after a property name");
      this.pos++;
      this.skipSpace();
      const at = this.pos;
      const item = this.value(depth + 1);
      if (typeof item === 'string' && this.wanted(key)) this.offsets.set(object, key, at + 1);
      // A "__proto__" key must stay an own property, as JSON.parse keeps it, not set the prototype.
      if (key === '__proto__') Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
      else object[key] = item;
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 44 /* , */) continue;
      if (c === 125 /* } */) return object;
      this.fail(this.pos > this.text.length ? 'unexpected end of file in an object' : "expected ',' or '}'", this.pos - 1);
    }
  }
}
