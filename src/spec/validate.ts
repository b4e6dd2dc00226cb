// JSON Schema validation with errors that point into the YAML: the offending key for an
// unknown key, the value for a wrong type, the parent mapping for a missing key.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { SpecError } from './errors.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/storefront.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

type Segment = string | number;

export function pathToString(path: readonly Segment[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** Where a node (or, with `key`, a key of a mapping) is in the file. */
export function positionOf(doc: Document, lines: LineCounter, path: readonly Segment[], key?: string): { line?: number; column?: number } {
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | undefined;
  let target: YamlNode | undefined = node;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    target = (pair?.key as YamlNode | undefined) ?? node;
  }
  const offset = target?.range?.[0];
  if (offset === undefined) return {};
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

const describe = (value: unknown) => (typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'a list' : value === null ? 'nothing' : typeof value === 'object' ? 'a mapping' : String(value));

// Among the errors of one value, the most telling one wins.
const RANK = ['additionalProperties', 'enum', 'const', 'type', 'pattern', 'minimum', 'maximum', 'minLength', 'minItems', 'minProperties', 'required', 'oneOf'];

/** Branch of a oneOf that fits the value's shape, so errors of other branches are noise. */
function branchFor(schemaPath: string, value: unknown): number | undefined {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (schemaPath.startsWith('#/definitions/term/oneOf/')) return obj ? ('use' in obj || 'instead_of' in obj ? 0 : 'avoid' in obj ? 1 : 'require' in obj ? 2 : undefined) : undefined;
  if (schemaPath.startsWith('#/definitions/source/oneOf/')) return typeof value === 'string' ? 0 : obj ? ('url' in obj ? 2 : 1) : undefined;
  return undefined;
}

function segments(instancePath: string): Segment[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((v, seg) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined), data);
}

function pick(errors: ErrorObject[], data: unknown): ErrorObject {
  const relevant = errors.filter((e) => {
    const m = /^(#\/definitions\/(?:term|source)\/oneOf\/)(\d+)/.exec(e.schemaPath);
    if (!m) return true;
    const branch = branchFor(e.schemaPath, valueAt(data, segments(e.instancePath).slice(0, depthOfOneOf(e))));
    return branch === undefined ? false : Number(m[2]) === branch;
  });
  const pool = relevant.length ? relevant : errors;
  const depth = (e: ErrorObject) => segments(e.instancePath).length + (e.keyword === 'additionalProperties' || e.keyword === 'required' ? 1 : 0);
  return [...pool].sort((a, b) => depth(b) - depth(a) || RANK.indexOf(a.keyword) - RANK.indexOf(b.keyword))[0];
}

// A oneOf error's instancePath is the value itself; errors inside a branch may go deeper.
function depthOfOneOf(e: ErrorObject): number {
  const path = segments(e.instancePath);
  const props = /\/properties\/([^/]+)\//.exec(e.schemaPath.replace(/^#\/definitions\/(?:term|source)\/oneOf\/\d+/, ''));
  return props ? path.length - 1 : path.length;
}

function reasonFor(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const known = Object.keys(((e.parentSchema as { properties?: object })?.properties ?? {}) as object).filter((k) => k !== '$schema');
      const extra = String(p.additionalProperty);
      const near = known.length ? closest(extra, known) : undefined;
      const hint = near && distance(extra, near) <= 2 ? `; did you mean "${near}"?` : '';
      return `unknown key "${extra}" (expected one of ${known.join(', ')})${hint}`;
    }
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).join(', ')}, got ${describe(value)}`;
    case 'const':
      return `expected ${JSON.stringify(p.allowedValue)}, got ${describe(value)}`;
    case 'type':
      return `expected ${[p.type].flat().join(' or ')}, got ${describe(value)}`;
    case 'required':
      return `missing required key "${String(p.missingProperty)}"`;
    case 'minimum':
    case 'maximum':
      return `expected a number ${e.keyword === 'minimum' ? '>=' : '<='} ${String(p.limit)}, got ${describe(value)}`;
    case 'minLength':
      return 'expected a non-empty string';
    case 'minItems':
      return `expected at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'minProperties':
      return 'expected at least one entry';
    case 'pattern':
      return String(e.schemaPath).includes('language') || e.instancePath.endsWith('language')
        ? `expected a language tag such as "en" or "pl-PL", got ${describe(value)}`
        : `expected an http(s) URL, got ${describe(value)}`;
    case 'oneOf': {
      const description = (e.parentSchema as { description?: string })?.description;
      return `expected ${description ? description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) : 'a different shape'}, got ${describe(value)}`;
    }
    default:
      return e.message ?? 'invalid value';
  }
}

export function validateAgainstSchema(data: unknown, doc: Document, lines: LineCounter, file: string): void {
  if (validate(data)) return;
  const e = pick(validate.errors ?? [], data);
  const path = segments(e.instancePath);
  const value = valueAt(data, path);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    const key = String(p.additionalProperty);
    const at = positionOf(doc, lines, path, key);
    throw new SpecError(file, at.line, at.column, pathToString(path), reasonFor(e, value));
  }
  const at = positionOf(doc, lines, path);
  throw new SpecError(file, at.line, at.column, pathToString(path) || '(top level)', reasonFor(e, value));
}
