// Benchmark: `check` on the real corpus (../shared/corpus) copied 1x, 2x, 4x and 8x into
// one campaign, to measure throughput and how time grows with corpus size.
// Run with `npm run bench` (builds first). Prints a table; writes nothing into the repo.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../shared/corpus');
const example = path.resolve(here, '../fixtures/example');
const sizes = (process.env.BENCH_SIZES ?? '1,2,4,8').split(',').map(Number);

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return total;
}

function spec(copies) {
  const glob = (kind, pattern) => Array.from({ length: copies }, (_, i) => `copy${i}/${kind}/${pattern}`);
  return `version: 1
campaign: Corpus benchmark
channels:
  web:
    kind: web
    sources: ${JSON.stringify(glob('web', '**/*.html'))}
  email:
    kind: email
    sources: ${JSON.stringify([...glob('email', '**/*.eml'), ...glob('email', '**/*.mjml')])}
  social:
    kind: social
    platform: mastodon
    sources: ${JSON.stringify(glob('social', '**/*.json'))}
`;
}

const exampleSpec = readFileSync(path.join(example, 'storefront.yaml'), 'utf8');
const rows = [];
// A first, untimed run loads the NLP models and warms the JIT; its time is the cold start.
let cold;
for (const copies of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-bench-'));
  for (let i = 0; i < copies; i++) cpSync(corpus, path.join(dir, `copy${i}`), { recursive: true });
  const base = spec(copies);
  // Same checks as the example campaign: its messages, facts and terms against the corpus.
  const checks = exampleSpec.slice(exampleSpec.indexOf('\nmessages:'));
  const fixed = checks.replace(/channels: \[[^\]]*\]/g, 'channels: all').replace(/required: \[[^\]]*\]/g, 'required: all');
  writeFileSync(path.join(dir, 'storefront.yaml'), base + fixed);
  const bytes = bytesUnder(dir);
  if (cold === undefined) {
    const t = performance.now();
    await check(path.join(dir, 'storefront.yaml'), { offline: true });
    cold = (performance.now() - t) / 1000;
  }
  const start = performance.now();
  const report = await check(path.join(dir, 'storefront.yaml'), { offline: true });
  const seconds = (performance.now() - start) / 1000;
  rows.push({ copies, sources: report.summary.sources, MB: +(bytes / 1e6).toFixed(2), seconds: +seconds.toFixed(2), 'MB/s': +(bytes / 1e6 / seconds).toFixed(2), findings: report.findings.length });
  rmSync(dir, { recursive: true, force: true });
}
console.log(`cold first run (1 copy, models loading): ${cold.toFixed(2)} s`);
console.table(rows);
if (rows.length > 1) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  console.log(`growth: ${last.copies / first.copies}x corpus -> ${(last.seconds / first.seconds).toFixed(2)}x time`);
}
