#!/usr/bin/env node
// Dev tool: where a check's time goes, on one thread, in CPU time (a shared, noisy machine
// moves wall time far more than CPU time). Prints the CPU time of the first sources checked
// (they pay the thread's warm-up: the JIT, patterns compiled on first use, tables filling)
// against that of the later ones, and, from a CPU profile of the run, each stage's share.
//
//   node scripts/profile-run.mjs SPEC [--channel NAME]... [--warm N] [--profile OUT.cpuprofile]
//
// Uses the compiled library (npm run build first), with V8 tuned as the CLI tunes it for a
// run (src/cli/v8-tuning.ts).
// --warm: how many sources count as the warm-up (default 30). --profile: also write the
// profile, for Chrome DevTools. Sources are read offline: URLs come from no cache.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeOption } from './options.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const warm = Number(option('--warm', '30'));
const profileFile = option('--profile', undefined);
const channels = [];
for (let channel = option('--channel', undefined); channel; channel = option('--channel', undefined)) channels.push(channel);
const [specPath] = args;
if (!specPath || !(warm >= 1)) {
  console.error('usage: node scripts/profile-run.mjs SPEC [--channel NAME]... [--warm N] [--profile OUT.cpuprofile]');
  process.exit(2);
}
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
await (await import(pathToFileURL(path.join(dist, 'cli', 'v8-tuning.js')).href)).tuneV8ForRuns();
const { check } = await import(pathToFileURL(path.join(dist, 'index.js')).href);

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const perSource = [];
let last = cpu();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const start = cpu();
const report = await check(specPath, {
  jobs: 1,
  offline: true,
  ...(channels.length ? { channels } : {}),
  onSource: () => {
    const now = cpu();
    perSource.push(now - last);
    last = now;
  },
});
const total = cpu() - start;
const { profile } = await session.post('Profiler.stop');
if (profileFile) writeFileSync(profileFile, JSON.stringify(profile));

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const first = perSource.slice(0, warm);
const rest = perSource.slice(warm);
const steady = rest.length ? sum(rest) / rest.length : NaN;
console.log(`${report.sources.length} sources, ${report.findings.length} findings; CPU ${total.toFixed(2)} s (every thread of the process: the collector's and compiler's too)`);
if (rest.length) {
  console.log(`first ${first.length} sources: ${sum(first).toFixed(2)} s; later ones: ${(steady * 1000).toFixed(1)} ms each; warm-up ≈ ${(sum(first) - steady * first.length).toFixed(2)} s`);
}

// Each stage's share of this thread's profile: a sample counts for a stage when the stage's
// function is on its stack (once, however deep).
const STAGES = [
  ['read sources', 'readSource', 'sources/read.js'],
  ['read sources', 'readHtml', 'sources/web/web.js'],
  ['read sources', 'readEml', 'sources/email/email.js'],
  ['read sources', 'readSocial', 'sources/social/social.js'],
  ['normalize', 'normalizeDocument', 'normalize/index.js'],
  ['  values', 'extractValues', 'normalize/values/extract.js'],
  ['  sentences and words', 'splitSentences', 'normalize/segment.js'],
  ['  sentences and words', 'readSentence', 'normalize/index.js'],
  ['  folding', 'foldText', 'normalize/fold.js'],
  ['messages', 'checkDocument', 'checks/messages.js'],
  ['  window scoring', 'bestInGroup', 'checks/match-message.js'],
  ['facts', 'checkDocument', 'checks/facts.js'],
  ['terms', 'checkDocument', 'checks/terms.js'],
  ['cross-channel context', 'checkDocument', 'checks/cross-channel.js'],
  ['campaign rules and report', 'reportFromState', 'campaign/report.js'],
  ['garbage collection', '(garbage collector)', ''],
];
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const stageOf = (n) => {
  const { functionName, url } = n.callFrame;
  return STAGES.filter(([, name, file]) => name === functionName && url.endsWith(file)).map(([stage]) => stage);
};
const time = new Map();
let sampled = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] / 1e6;
  sampled += dt;
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) for (const stage of stageOf(nodes.get(id))) seen.add(stage);
  for (const stage of seen) time.set(stage, (time.get(stage) ?? 0) + dt);
}
console.log(`this thread's profile: ${sampled.toFixed(2)} s (profiling itself costs some)`);
const line = (stage, t) => console.log(`${stage.padEnd(28)} ${t.toFixed(2).padStart(6)} s ${((100 * t) / sampled).toFixed(1).padStart(5)}%`);
const stages = [...new Set(STAGES.map(([stage]) => stage))];
for (const stage of stages) line(stage, time.get(stage) ?? 0);
// Loading modules, compiling, the state's copies, idle time waiting for files.
line('everything else', sampled - sum(stages.filter((stage) => !stage.startsWith(' ')).map((stage) => time.get(stage) ?? 0)));
