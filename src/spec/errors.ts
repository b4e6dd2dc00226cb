// A spec problem is one line naming the file, the line and column in it, the path of the
// offending item and what was expected, so a user (or an editor) can jump straight there.
import type { ErrorObject } from 'ajv';
import { distance } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

/** A spec that cannot be used: one line, "FILE:LINE:COLUMN: PATH: what was expected". */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly path: string,
    readonly reason: string,
  ) {
    const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
    super(`${where}: ${path ? `${path}: ` : ''}${reason}`);
  }
}

export type Segment = string | number;

/** `['messages', 0, 'channels']` -> `messages[0].channels`. */
export function pathToString(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

export interface Position {
  line: number;
  column: number;
}

/** Where things are in one parsed spec; every SpecError after parsing is raised through it. */
export class SpecLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    readonly displayName: string,
  ) {}

  /**
   * The node at `path`, or with `key` the key of that mapping entry. A path that is not in
   * the document (a missing key) gives its deepest existing ancestor.
   */
  position(path: readonly Segment[], key?: string): Position | undefined {
    let node: YamlNode | null | undefined = this.doc.contents;
    let complete = true;
    for (const seg of path) {
      const next = childOf(node, seg);
      if (!next) {
        complete = false;
        break;
      }
      node = next.value ?? next.key ?? node;
    }
    if (complete && key !== undefined) node = childOf(node, key)?.key ?? node;
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** The source text of a scalar, e.g. "49.90" where the parsed number is 49.9. */
  sourceText(path: readonly Segment[]): string | undefined {
    let node: YamlNode | null | undefined = this.doc.contents;
    for (const seg of path) node = childOf(node, seg)?.value;
    return isScalar(node) ? node.source : undefined;
  }

  error(path: readonly Segment[], reason: string, at?: { key?: string; position?: Position }): SpecError {
    const pos = at?.position ?? this.position(path, at?.key);
    return new SpecError(this.displayName, pos?.line, pos?.column, pathToString(path), reason);
  }
}

function childOf(node: YamlNode | null | undefined, seg: Segment): { key?: YamlNode; value?: YamlNode } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
    return pair ? { key: pair.key as YamlNode, value: (pair.value ?? undefined) as YamlNode | undefined } : undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg] as YamlNode | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}

/** The candidate a typo most likely meant: within edit distance 2, ignoring case. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    // A two-letter word is within distance 2 of every other two-letter word: no hint there.
    if (d < bestDistance && d < Math.max(word.length, candidate.length) - 1) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** How a value reads inside a message: strings quoted (and shortened), others by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  if (typeof value === 'object') return Object.keys(value).length ? 'a mapping' : 'an empty mapping';
  return String(value);
}

// ---------------------------------------------------------------------------------------
// JSON Schema errors -> one SpecError. ajv (allErrors, verbose) reports every failure,
// including each failed branch of a oneOf; the user needs the one that says what to fix.

type SchemaNode = {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  required?: string[];
  properties?: Record<string, unknown>;
  anyOf?: SchemaNode[];
  not?: SchemaNode;
};

// Keyword order when two errors point at the same place: the most telling first.
const RANK = ['additionalProperties', 'not', 'dependencies', 'const', 'enum', 'type', 'pattern', 'minimum', 'maximum', 'minLength', 'minItems', 'minProperties', 'oneOf', 'required', 'anyOf'];
const COMBINATORS = new Set(['oneOf', 'anyOf']);
const OBJECT_LEVEL = new Set(['required', 'anyOf', 'not', 'dependencies']);

/** The first (in file order) and most specific of ajv's errors, as a SpecError. */
export function schemaError(errors: readonly ErrorObject[], data: unknown, at: SpecLocator): SpecError {
  const candidates = relevantErrors(errors).map((error) => located(error, segments(error.instancePath, data), at));
  candidates.sort(
    (a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0) || RANK.indexOf(a.keyword) - RANK.indexOf(b.keyword),
  );
  const first = candidates[0];
  return at.error(first.path, first.reason, { position: first.position });
}

// Keywords a oneOf/anyOf branch fails with on the value the oneOf itself is about.
const BRANCH_LEVEL = new Set(['type', 'const', 'enum', 'minLength', 'pattern', 'minimum', 'maximum', 'minItems', 'required']);

function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinatorPaths = new Set(errors.filter((e) => COMBINATORS.has(e.keyword)).map((e) => e.instancePath));
  const withUnknownKey = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  const kept = errors.filter((e) => {
    // A failed branch of a oneOf/anyOf says less than the oneOf itself ("expected "all" or a
    // list of channel names")...
    if (BRANCH_LEVEL.has(e.keyword) && combinatorPaths.has(e.instancePath)) return false;
    // ...unless a branch failed deeper inside the value (one item of a list): that is the one.
    if (COMBINATORS.has(e.keyword) && errors.some((other) => other.instancePath.startsWith(`${e.instancePath}/`))) return false;
    // The name of a translation is reported by its pattern error, which names the key.
    if (e.keyword === 'propertyNames') return false;
    // An unknown key is most likely the misspelled missing one: report the typo only.
    if (OBJECT_LEVEL.has(e.keyword) && withUnknownKey.has(e.instancePath)) return false;
    return true;
  });
  return kept.length ? kept : [...errors];
}

interface Located {
  keyword: string;
  path: Segment[];
  position: Position | undefined;
  reason: string;
}

function located(error: ErrorObject, path: Segment[], at: SpecLocator): Located {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const value: unknown = error.data;
  const result = (reason: string, key?: string): Located => ({ keyword: error.keyword, path, position: at.position(path, key), reason });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {}).filter((k) => k !== '$schema');
      const near = didYouMean(key, known);
      return result(`unknown key "${key}" (expected one of ${known.join(', ')})${near ? `; did you mean "${near}"?` : ''}`, key);
    }
    case 'required':
      return result(`missing required key "${String(params.missingProperty)}"`);
    case 'dependencies':
      return result(`missing key "${String(params.missingProperty)}", which "${String(params.property)}" needs`, String(params.property));
    case 'anyOf': {
      const keys = requiredKeysOf(error.schema);
      if (keys.length) return result(`missing required key: one of ${keys.map((k) => `"${k}"`).join(', ')}`);
      return result(`expected ${expectedOf(parent)}, got ${describeValue(value)}`);
    }
    case 'not': {
      const not = error.schema as SchemaNode;
      const entry = (value ?? {}) as Record<string, unknown>;
      const present = requiredKeysOf(not.anyOf ?? [not]).filter((k) => k in entry);
      // Point at the key written last: the first one stated what the entry is.
      const positions = present.map((k) => at.position(path, k)).filter((p): p is Position => p !== undefined);
      const last = positions.sort((a, b) => b.line - a.line || b.column - a.column)[0];
      const keys = present.map((k) => `"${k}"`);
      const named = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : keys.join('');
      return { keyword: 'not', path, position: last, reason: `${named} cannot be combined: ${not.description ?? 'they exclude each other'}` };
    }
    case 'const':
      if (path.length === 1 && path[0] === 'version' && typeof value === 'number') {
        return result(`unsupported spec version ${value} (this storefront reads version ${JSON.stringify(params.allowedValue)})`);
      }
      return result(`expected ${JSON.stringify(params.allowedValue)}, got ${describeValue(value)}`);
    case 'enum':
      return result(`expected one of ${(params.allowedValues as unknown[]).join(', ')}, got ${describeValue(value)}`);
    case 'minItems':
    case 'minProperties':
      return result(`expected at least one entry, got ${describeValue(value)}`);
    case 'pattern':
      if (error.propertyName !== undefined) {
        // A key, e.g. a translation's language tag, is wrong: point at the key itself.
        return result(`expected ${expectedOf(parent)}, got ${describeValue(error.propertyName)}`, error.propertyName);
      }
      return result(`expected ${expectedOf(parent)}, got ${describeValue(value)}`);
    default:
      if (path.length === 0 && error.keyword === 'type') return result(`expected a mapping with version, campaign and channels, got ${describeValue(value)}`);
      return result(`expected ${expectedOf(parent)}, got ${describeValue(value)}`);
  }
}

function requiredKeysOf(schema: unknown): string[] {
  if (!Array.isArray(schema)) return [];
  const branches = schema as SchemaNode[];
  if (!branches.every((b) => Array.isArray(b.required))) return [];
  return [...new Set(branches.flatMap((b) => b.required ?? []))];
}

/** What a schema accepts, as a noun phrase: its title, or one built from its keywords. */
function expectedOf(schema: SchemaNode): string {
  if (schema.title) return schema.title;
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = [schema.type ?? []].flat();
  if (!types.length) return schema.description ?? 'a different value';
  return types.map((type) => nounFor(type, schema)).join(' or ');
}

function nounFor(type: string, schema: SchemaNode): string {
  switch (type) {
    case 'string':
      return schema.minLength ? 'a non-empty string' : 'a string';
    case 'number':
      return schema.minimum !== undefined && schema.maximum !== undefined ? `a number from ${schema.minimum} to ${schema.maximum}` : 'a number';
    case 'integer':
      return schema.minimum === 1 ? 'a positive integer' : 'an integer';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return type;
  }
}

// A JSON pointer's "0" is an index only inside a list: a channel may be named "2026".
function segments(instancePath: string, data: unknown): Segment[] {
  if (!instancePath) return [];
  const out: Segment[] = [];
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg = Array.isArray(node) ? Number(key) : key;
    out.push(seg);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}
