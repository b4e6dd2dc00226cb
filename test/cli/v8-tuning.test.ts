// The V8 flags the CLI sets at run time (src/cli/v8-tuning.ts) must be safe to set after code
// has run: in Node 20, switching regular expressions' tier-up off then made a pattern that had
// matched once (interpreted) jump to no code at its next match, and the process died (SIGSEGV),
// now and then in a check (commander's patterns and Node's own run before the flags are set).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const tuning = pathToFileURL(fileURLToPath(new URL('../../dist/cli/v8-tuning.js', import.meta.url))).href;

// Thousands of patterns that have matched once when the flags are set, then match again.
const SCRIPT = `
const patterns = [];
for (let i = 0; i < 2000; i++) patterns.push(new RegExp('(?:a' + i + '|b' + i + ')+c\\\\d{1,3}', 'g'));
const matchAll = (subject) => { let found = 0; for (const p of patterns) { p.lastIndex = 0; if (p.exec(subject)) found++; } return found; };
const before = matchAll('xa1b1c12 a');
await (await import(${JSON.stringify(tuning)})).tuneV8ForRuns();
let after = 0;
for (let round = 0; round < 20; round++) after += matchAll('xx a1b1c12 b' + round);
console.log(before, after);
`;

it('sets its V8 flags without breaking patterns that have already matched', () => {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000, cwd: path.dirname(fileURLToPath(import.meta.url)) });
  expect(child.signal).toBeNull();
  expect(child.status).toBe(0);
  // "a1"/"b1" then "c12" matches pattern 1 only, in every round.
  expect(child.stdout.trim()).toBe('1 20');
});
