#!/usr/bin/env node
// The spec file reference in docs/spec.md, generated from the JSON Schema, which is the source
// of truth: every key with its type, default and description. `node scripts/spec-reference.mjs`
// rewrites the generated part of docs/spec.md; test/docs/spec-reference.test.ts fails when
// the file and the schema disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/storefront.schema.json', import.meta.url));
export const DOC_FILE = fileURLToPath(new URL('../docs/spec.md', import.meta.url));
export const BEGIN = '<!-- BEGIN generated from schema/storefront.schema.json by scripts/spec-reference.mjs: do not edit by hand -->';
export const END = '<!-- END generated -->';

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

function resolve(schema, node) {
  let current = node;
  const seen = new Set();
  while (current && current.$ref && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const target = current.$ref.replace(/^#\/definitions\//, '');
    current = { ...schema.definitions[target], ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

/** A value's shape, in words a spec author reads. */
function typeOf(schema, node) {
  const n = resolve(schema, node);
  if (n.title) return n.title;
  if (n.const !== undefined) return code(n.const);
  if (n.enum) return n.enum.map(code).join(' | ');
  const alternatives = n.oneOf ?? n.anyOf;
  if (alternatives && !n.type) return alternatives.map((a) => typeOf(schema, a)).join(' or ');
  const types = [].concat(n.type ?? []);
  if (types.includes('array')) return `list of ${typeOf(schema, n.items ?? {})}`;
  if (types.includes('object') && n.additionalProperties && typeof n.additionalProperties === 'object' && !n.properties) {
    return `map of ${n.propertyNames ? `${typeOf(schema, n.propertyNames)} → ` : 'name → '}${typeOf(schema, n.additionalProperties)}`;
  }
  return types.join(' or ') || 'any';
}

/** Every object of the schema that has named keys, with the path a spec author writes. */
function objects(schema) {
  const found = [];
  const done = new Set();
  const visit = (node, path, title) => {
    if (!node || typeof node !== 'object') return;
    const ref = node.$ref;
    const n = resolve(schema, node);
    if (ref) {
      if (done.has(ref)) return;
      done.add(ref);
    }
    if (n.properties) found.push({ path, title, node: n });
    for (const [key, child] of Object.entries(n.properties ?? {})) {
      const c = resolve(schema, child);
      const childPath = path ? `${path}.${key}` : key;
      if (c.items) visit(c.items, `${childPath}[]`, `${childPath}[]`);
      else if (c.properties) visit(child, childPath, childPath);
      else if (c.additionalProperties && typeof c.additionalProperties === 'object' && c.additionalProperties.$ref) visit(c.additionalProperties, `${childPath}.<name>`, `${childPath}.<name>`);
    }
  };
  visit(schema, '', 'top level');
  return found;
}

function rowsOf(schema, node, path) {
  return Object.entries(node.properties).map(([key, child]) => {
    const c = resolve(schema, child);
    const required = (node.required ?? []).includes(key);
    const def = c.default !== undefined ? code(c.default) : '';
    const description = child.description ?? c.description ?? '';
    return { path: path ? `${path}.${key}` : key, key, required, type: typeOf(schema, child), default: def, description };
  });
}

/** Every key of the schema, with its path. Exported for the test that checks coverage. */
export function keyRows(schema) {
  return objects(schema).flatMap(({ path, node }) => rowsOf(schema, node, path));
}

export function specReference(schema) {
  const lines = [BEGIN, ''];
  for (const { path, title, node } of objects(schema)) {
    lines.push(`### \`${path || 'storefront.yaml'}\``, '');
    const description = path ? node.description : schema.description;
    if (description) lines.push(cell(description), '');
    if (title !== 'top level' && node.anyOf && node.properties) lines.push('Exactly one of the keys that name what to read is given.', '');
    lines.push('| key | type | required | default | meaning |', '| --- | --- | --- | --- | --- |');
    for (const row of rowsOf(schema, node, path)) {
      lines.push(`| <a id="${anchor(path, row.key)}"></a>\`${row.key}\` | ${cell(row.type)} | ${row.required ? 'yes' : ''} | ${cell(row.default)} | ${cell(row.description)} |`);
    }
    lines.push('');
  }
  lines.push(END);
  return lines.join('\n');
}

/** The HTML anchor of a key: `rules.fail_on` → `key-rules-fail_on`. */
export function anchor(path, key) {
  return `key-${[path, key].filter(Boolean).join('.').replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function updatedDoc(doc, schema) {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC_FILE}: the generated section's markers are missing`);
  return doc.slice(0, start) + specReference(schema) + doc.slice(end + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  const doc = readFileSync(DOC_FILE, 'utf8');
  writeFileSync(DOC_FILE, updatedDoc(doc, schema));
  console.log(`spec-reference: ${keyRows(schema).length} keys written to docs/spec.md`);
}
