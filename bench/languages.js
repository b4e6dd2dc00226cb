// Benchmark: the cost per 1,000 sentences of each language path (en, pl, he) through
// normalizeDocument and message matching, plus `language: auto` detection.
// Sentences come from the example campaigns (fixtures/example, example-pl, example-he),
// cycled with varied numbers up to 1,000. Run with `npm run build && node bench/languages.js`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { matchMessageInDocument } from '../dist/checks/messages.js';
import { normalizeDocument } from '../dist/normalize/index.js';
import { detectLanguage } from '../dist/normalize/language.js';
import { resolveSources } from '../dist/sources/resolve.js';
import { readSource } from '../dist/sources/read.js';
import { loadSpec } from '../dist/spec/load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SENTENCES = 1000;
const PER_PART = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function campaign(folder) {
  const file = path.resolve(here, '..', 'fixtures', folder, 'storefront.yaml');
  const spec = await loadSpec(file, 'storefront.yaml');
  const sentences = [];
  for (const channel of spec.channels) {
    if (channel.language !== spec.language) continue;
    for (const ref of await resolveSources(channel, path.dirname(file))) {
      const doc = await readSource(ref, { offline: true });
      if (!('parts' in doc)) continue;
      for (const np of normalizeDocument(doc).parts) for (const s of np.sentences) sentences.push(np.folded.text.slice(s.start, s.end));
    }
  }
  return { spec, sentences: [...new Set(sentences)] };
}

/** 1,000 sentences in parts of three, numbers varied so no two runs see identical copy. */
function documentOf(sentences, language, round) {
  const parts = [];
  for (let i = 0; i < SENTENCES; i += PER_PART) {
    const text = Array.from({ length: Math.min(PER_PART, SENTENCES - i) }, (_, k) =>
      sentences[(i + k) % sentences.length].replace(/\d+/g, (n) => String(Number(n) + ((i + k + round) % 7))),
    ).join(' ');
    parts.push({ role: 'body', text, anchors: [] });
  }
  return { source: 'bench', channel: 'bench', kind: 'web', language, parts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// The detector loads on first use: once per process, whatever the language.
const load = time(() => detectLanguage('Darmowa dostawa przy zamówieniach powyżej 200 zł', 'en'));
const rows = [];
for (const [folder, language] of [['example', 'en'], ['example-pl', 'pl'], ['example-he', 'he']]) {
  const { spec, sentences } = await campaign(folder);
  const chars = documentOf(sentences, language, 0).parts.reduce((n, p) => n + p.text.length, 0);
  const cold = time(() => normalizeDocument(documentOf(sentences, language, 0)));
  const normalize = [];
  const match = [];
  const detect = [];
  for (let round = 1; round <= RUNS; round++) {
    let nd;
    normalize.push(time(() => (nd = normalizeDocument(documentOf(sentences, language, round)))));
    match.push(time(() => spec.messages.forEach((m) => matchMessageInDocument(m, spec, nd))));
    const doc = documentOf(sentences, language, round);
    const text = doc.parts.map((p) => p.text).join('\n');
    let found;
    detect.push(time(() => (found = detectLanguage(text, 'und'))));
    if (found.language !== language) throw new Error(`detected ${found.language} for ${language}`);
  }
  rows.push({
    language,
    'distinct sentences': sentences.length,
    'chars / 1k sentences': chars,
    'normalize, first run (ms)': Math.round(cold),
    'normalize (ms / 1k)': Math.round(median(normalize)),
    [`match ${spec.messages.length} messages (ms / 1k)`]: Math.round(median(match)),
    'language: auto, per document (ms)': median(detect).toFixed(2),
  });
}
console.table(rows);
console.log(`language: auto loads the detector once per process: ${Math.round(load)} ms`);
