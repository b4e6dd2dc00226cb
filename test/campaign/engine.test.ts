// Reading an email breaks two of V8's thread-wide assumptions (src/campaign/engine.ts), which
// throws away the hot code compiled under them; a run's threads break both before reading
// anything. Shown on V8 itself: two functions shaped like the checks' hot loops are optimized,
// the example campaign's email is read, and the probe says whether they survived.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function probe(settle: boolean): { before: { loop: boolean; bytes: boolean }; after: { loop: boolean; bytes: boolean }; parts: number } {
  const args = ['--allow-natives-syntax', path.join(root, 'test/support/engine-probe.mjs'), ...(settle ? ['settle'] : [])];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('settleEngineAssumptions', () => {
  // Measured on Node 20's V8 (11.3), where both assumptions exist; a later V8 may not make
  // them, so there this half only runs on Node 20. The settled half holds on any version.
  it.runIf(process.versions.node.startsWith('20.'))('reading an email deoptimizes array loops and typed-array reads compiled before it', () => {
    const { before, after, parts } = probe(false);
    expect(parts).toBeGreaterThan(0);
    expect(before).toEqual({ loop: true, bytes: true });
    expect(after).toEqual({ loop: false, bytes: false });
  });

  it('once the assumptions are settled, the same code survives the email', () => {
    const { before, after, parts } = probe(true);
    expect(parts).toBeGreaterThan(0);
    expect(before).toEqual({ loop: true, bytes: true });
    expect(after).toEqual({ loop: true, bytes: true });
  });
});
