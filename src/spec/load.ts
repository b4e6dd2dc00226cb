// Loads storefront.yaml: YAML with positions, JSON Schema validation, then semantic checks
// and defaults (resolve.ts). Every problem is one SpecError naming file, line and column.
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import { pathToString, schemaError, SpecError, SpecLocator, type Segment } from './errors.js';
import { encodingProblem } from './encoding.js';
import { checkPatterns } from './patterns.js';
import { indentationMistake, misplacedKey } from './indentation.js';
import { resolveSpec, type RawSpec } from './resolve.js';
import { loadSelectorEngine, mayNameSelectors } from './selectors.js';
import { AJV_OPTIONS } from './schema-options.js';
import { expandedSizeWithin } from './yaml-budget.js';
import type { Spec } from './types.js';
import { staticWarnings } from './warnings.js';

/** A spec is a page of YAML: one far larger is not a spec (and may be /dev/zero). */
export const MAX_SPEC_BYTES = 1024 * 1024;
/** Nodes plus characters of the spec once its aliases are expanded. */
export const MAX_SPEC_EXPANDED = 1_000_000;

export async function loadSpec(file: string, displayName: string = file): Promise<Spec> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > MAX_SPEC_BYTES) throw new SpecError(displayName, undefined, undefined, '', `the spec is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`);
    if (!info.isFile() && !info.isDirectory()) throw new SpecError(displayName, undefined, undefined, '', 'not a regular file, expected a spec file');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError(displayName, undefined, undefined, '', readFailure((error as NodeJS.ErrnoException).code));
  }
  const encoding = encodingProblem(bytes);
  if (encoding) throw new SpecError(displayName, encoding.line, encoding.column, '', encoding.reason);
  const text = bytes.toString('utf8');
  if (mayNameSelectors(text)) await loadSelectorEngine();
  return parseSpec(text, file, displayName);
}

export function parseSpec(text: string, file: string, displayName: string = file): Spec {
  const lines = new LineCounter();
  // YAML 1.2 core schema: 2026-04-30 stays a string and "no" stays "no".
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, version: '1.2', schema: 'core' });
  if (doc.errors.length) throw yamlError(doc, lines, doc.errors[0], displayName, text);
  const budget = expandedSizeWithin(doc, MAX_SPEC_EXPANDED);
  if (!budget.ok) {
    const pos = budget.offset === undefined ? undefined : lines.linePos(budget.offset);
    const reason = budget.reason === 'self-reference' ? 'an alias refers to itself' : `aliases expand the spec beyond ${MAX_SPEC_EXPANDED.toLocaleString('en')} nodes and characters`;
    throw new SpecError(displayName, pos?.line, pos?.col, '', `invalid YAML: ${reason}`);
  }
  const data = toPlainData(doc, lines, displayName);
  if (data === null || data === undefined) {
    throw new SpecError(displayName, undefined, undefined, '', 'empty spec (expected version, campaign and channels)');
  }
  const at = new SpecLocator(doc, lines, displayName);
  const misplaced = misplacedKey(data, at);
  if (misplaced) throw misplaced;
  const validate = schemaValidator();
  if (!validate(data)) throw schemaError(validate.errors ?? [], data, at);
  const spec = resolveSpec(data as RawSpec, path.resolve(file), at);
  checkPatterns(spec, data, at);
  const warnings = staticWarnings(spec, at);
  return warnings.length ? { ...spec, warnings } : spec;
}

function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'spec file not found';
    case 'EISDIR':
      return 'is a folder, expected a spec file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the spec file (permission denied)';
    default:
      return `cannot read the spec file (${code ?? 'unknown error'})`;
  }
}

let compiled: ValidateFunction | undefined;

/**
 * The schema's validator: generated at build time (scripts/build-validator.mjs) beside this
 * module, else (running from the TypeScript sources) compiled here on first use. Either way,
 * Ajv's compiler is never loaded by a built run.
 */
function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const generated = new URL('./schema-validator.cjs', import.meta.url);
  if (existsSync(fileURLToPath(generated))) {
    compiled = require(fileURLToPath(generated)) as ValidateFunction;
    return compiled;
  }
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const schema = JSON.parse(readFileSync(new URL('../../schema/storefront.schema.json', import.meta.url), 'utf8')) as object;
  compiled = new Ajv(AJV_OPTIONS).compile(schema);
  return compiled;
}

function toPlainData(doc: Document, lines: LineCounter, displayName: string): unknown {
  try {
    // The expanded size is bounded already (expandedSizeWithin); yaml's own alias heuristic stays as a second guard.
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // Only aliases can fail here: an unknown anchor, or an alias bomb.
    let where: number | undefined;
    visit(doc, {
      Alias(_, alias) {
        if (!alias.resolve(doc)) {
          where = alias.range?.[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    const pos = where === undefined ? undefined : lines.linePos(where);
    throw new SpecError(displayName, pos?.line, pos?.col, '', `invalid YAML: ${lowerFirst(firstLine((error as Error).message))}`);
  }
}

function yamlError(doc: Document, lines: LineCounter, error: YAMLError, displayName: string, text: string): SpecError {
  const pos = error.linePos?.[0];
  if (error.code === 'DUPLICATE_KEY') {
    const duplicate = findDuplicateKey(doc.contents, [], error.pos[0]);
    if (duplicate) {
      const first = duplicate.firstOffset === undefined ? '' : ` (first at line ${lines.linePos(duplicate.firstOffset).line})`;
      return new SpecError(displayName, pos?.line, pos?.col, pathToString(duplicate.path), `duplicate key "${duplicate.key}"${first}`);
    }
  }
  let reason = lowerFirst(firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ''));
  const misplaced = indentationMistake(text, error, reason);
  if (misplaced) return new SpecError(displayName, misplaced.line, misplaced.column, '', `invalid YAML: ${misplaced.reason}`);
  if (error.code === 'TAB_AS_INDENT') reason += '; indent with spaces';
  if (error.code === 'MULTIPLE_DOCS') reason = 'a spec is one YAML document, found a second "---"';
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') reason += ' (quote a value that contains ": ")';
  return new SpecError(displayName, pos?.line, pos?.col, '', `invalid YAML: ${reason}`);
}

interface DuplicateKey {
  path: Segment[];
  key: string;
  firstOffset?: number;
}

function findDuplicateKey(node: unknown, at: Segment[], offset: number): DuplicateKey | undefined {
  if (isMap(node)) {
    const seen = new Map<string, number | undefined>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keyStart = (pair.key as YamlNode | null)?.range?.[0];
      if (key !== undefined && keyStart === offset) return { path: at, key, firstOffset: seen.get(key) };
      if (key !== undefined && !seen.has(key)) seen.set(key, keyStart);
      const inner = findDuplicateKey(pair.value, key === undefined ? at : [...at, key], offset);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = findDuplicateKey(item, [...at, i], offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

const firstLine = (text: string) => text.split('\n')[0].trim();
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);
