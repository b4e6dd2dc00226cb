#!/usr/bin/env node
// Dev tool: times value extraction (src/normalize/values) over real texts, and the cost of its
// first call in a fresh process (module load + one short sentence), so a change to the grammar
// can be measured before and after.
//
//   node scripts/bench-values.mjs TEXTS.jsonl [--dist DIR] [--reps 5]
//
// TEXTS.jsonl: one { text, options } per line (scripts/values-texts.mjs writes it). DIR: a
// build to measure (default: this repository's dist/), e.g. a copy of dist/ from before a change.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeOption } from './options.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const dist = path.resolve(option('--dist', path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist')));
const reps = Number(option('--reps', '5'));
const module = pathToFileURL(path.join(dist, 'normalize', 'values', 'index.js')).href;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A fresh process: import the module and extract from one short English sentence. Node's
// module loader is warmed first with another file of this build (the CLI has it running long
// before it reads copy), so "load" is what the values modules cost.
const FIRST = `
await import(${JSON.stringify(pathToFileURL(path.join(dist, 'version.js')).href)});
const t0 = performance.now(); const c0 = process.cpuUsage();
const { extractValues } = await import(${JSON.stringify(module)});
const t1 = performance.now(); const c1 = process.cpuUsage(c0);
const v = extractValues('Save $49.99 on running shoes until April 30, 2026.', { language: 'en', year: 2026 });
const t2 = performance.now(); const c = process.cpuUsage(c0);
if (v.length !== 2) throw new Error('expected 2 values, got ' + JSON.stringify(v));
const cpu = (u) => (u.user + u.system) / 1000;
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, loadCpu: cpu(c1), firstCpu: cpu(c) - cpu(c1) }));
`;
const firsts = [];
for (let i = 0; i < reps; i++) firsts.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', FIRST], { encoding: 'utf8' })));
const ms = (x) => `${x.toFixed(1)} ms`;
const at = (key) => ms(median(firsts.map((f) => f[key])));
console.log(`first call (fresh process, median of ${reps}): load ${at('load')} (cpu ${at('loadCpu')}), first extraction ${at('first')} (cpu ${at('firstCpu')})`);

const [input] = args;
if (input) {
  const records = readFileSync(input, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const chars = records.reduce((n, r) => n + r.text.length, 0);
  const { extractValues } = await import(module);
  const times = [];
  let values = 0;
  for (let rep = 0; rep < reps; rep++) {
    values = 0;
    const t0 = performance.now();
    for (const { text, options } of records) values += extractValues(text, options).length;
    times.push(performance.now() - t0);
  }
  console.log(`${records.length} texts, ${(chars / 1e6).toFixed(2)} M chars, ${values} values: median ${ms(median(times))} of ${reps} (${times.map((t) => t.toFixed(0)).join(', ')})`);
}
