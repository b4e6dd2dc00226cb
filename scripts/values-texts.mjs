#!/usr/bin/env node
// Dev tool: writes the texts that value extraction sees for some sources, one JSON line each
// ({ text, options }), as the check pipeline folds them (src/normalize). The input of
// scripts/bench-values.mjs and scripts/values-equivalence.mjs; the output holds copy from the
// sources, so keep it outside the repository.
//
//   node scripts/values-texts.mjs OUT.jsonl [--language auto|TAG] [--year 2026] FILE_OR_DIR...
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeOption } from './options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (module) => import(pathToFileURL(path.join(root, 'dist', module)).href);
const { adhocRef } = await load('sources/adhoc.js');
const { readSource } = await load('sources/read.js');
const { SourceError } = await load('sources/types.js');
const { normalizeDocument } = await load('normalize/index.js');

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const language = option('--language', 'auto');
const year = Number(option('--year', '2026'));
const [out, ...inputs] = args;
if (!out || inputs.length === 0) {
  console.error('usage: node scripts/values-texts.mjs OUT.jsonl [--language auto|TAG] [--year YYYY] FILE_OR_DIR...');
  process.exit(2);
}

const KINDS = { '.html': 'web', '.htm': 'web', '.eml': 'email', '.mbox': 'email', '.mjml': 'email', '.json': 'social', '.csv': 'social' };
const files = (entry) => (statSync(entry).isDirectory() ? readdirSync(entry).sort().flatMap((name) => files(path.join(entry, name))) : [entry]);
// A folder named email/ or social/ says the kind of what it holds (an .html mail, a .json feed).
const kindOf = (file) => {
  const kind = /[/\\]email[/\\]/.test(file) ? 'email' : /[/\\]social[/\\]/.test(file) ? 'social' : KINDS[path.extname(file).toLowerCase()];
  // Other files beside pages (expected-metadata.json) are no source.
  return kind === 'social' && !/[/\\]social[/\\]/.test(file) && !/\.csv$/i.test(file) ? undefined : kind;
};

const lines = [];
for (const file of inputs.flatMap(files)) {
  const kind = kindOf(file);
  if (!kind || (kind === 'web' && !/\.x?html?$/i.test(file))) continue;
  const ref = adhocRef(file, { cwd: process.cwd(), kind, language });
  if (typeof ref === 'string') continue;
  const doc = await readSource(ref, { offline: true });
  if (doc instanceof SourceError) {
    console.error(`${file}: ${doc.message}`);
    continue;
  }
  for (const part of normalizeDocument(doc, { year }).parts) {
    lines.push(JSON.stringify({ text: part.folded.text, options: { language: part.language, year } }));
  }
}
writeFileSync(out, lines.length ? `${lines.join('\n')}\n` : '');
console.log(`${out}: ${lines.length} texts`);
