#!/usr/bin/env node
// Dev tool: runs two builds of value extraction over the same texts and reports every text
// whose values differ (as JSON). A change meant only to make extraction faster must report
// zero differences against a copy of dist/ taken before it.
//
//   node scripts/values-equivalence.mjs --old DIR [--new DIR] [--languages en,pl,he] TEXTS.jsonl...
//
// TEXTS.jsonl: one { text, options } per line (scripts/values-texts.mjs writes it). Each text
// is read with its own options, and again in every language of --languages (year 2026, and
// once without a year), so the grammar of every language meets every text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeOption } from './options.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const here = path.dirname(fileURLToPath(import.meta.url));
const oldDist = option('--old', undefined);
const newDist = option('--new', path.join(here, '..', 'dist'));
const languages = option('--languages', 'en,en-US,en-GB,pl,he,de,fr,es,nl,it,ru').split(',').filter(Boolean);
if (!oldDist || args.length === 0) {
  console.error('usage: node scripts/values-equivalence.mjs --old DIR [--new DIR] [--languages en,pl] TEXTS.jsonl...');
  process.exit(2);
}
const load = async (dist) => import(pathToFileURL(path.resolve(dist, 'normalize', 'values', 'index.js')).href);
const [before, after] = [await load(oldDist), await load(newDist)];

const seen = new Set();
const cases = [];
const add = (text, options) => {
  const key = JSON.stringify([text, options]);
  if (seen.has(key)) return;
  seen.add(key);
  cases.push([text, options]);
};
const texts = new Set();
for (const file of args) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const { text, options } = JSON.parse(line);
    add(text, options);
    texts.add(text);
  }
}
for (const text of texts) {
  for (const language of languages) add(text, { language, year: 2026 });
  add(text, { language: languages[0] });
}

let differences = 0;
let values = 0;
for (const [text, options] of cases) {
  const a = JSON.stringify(before.extractValues(text, options));
  const b = JSON.stringify(after.extractValues(text, options));
  values += JSON.parse(a).length;
  if (a === b) continue;
  differences++;
  if (differences <= 10) {
    console.log(`DIFFERENT ${JSON.stringify(options)} ${JSON.stringify(text.slice(0, 300))}\n  old ${a.slice(0, 600)}\n  new ${b.slice(0, 600)}`);
  }
}
console.log(`${cases.length} texts x options (${texts.size} distinct texts, ${values} values): ${differences} different`);
process.exit(differences === 0 ? 0 : 1);
