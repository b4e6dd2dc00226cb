// A run tells its caller how many threads check its sources before any starts, and the CLI
// keeps V8's background helpers only while a core is left for them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { dispatchOrder } from '../../src/campaign/pool.js';
import { tuneV8ForThreads, V8_BUSY_CORE_FLAGS } from '../../src/cli/v8-tuning.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = path.join(root, 'fixtures/example/storefront.yaml');

describe('onThreads', () => {
  it.each([{ jobs: 1 }, { jobs: 2 }])('is told $jobs thread(s) for --jobs $jobs, once, before the report', async ({ jobs }) => {
    const told: number[] = [];
    let sourcesBefore = -1;
    let sources = 0;
    const report = await check(example, {
      jobs,
      onThreads: (threads) => {
        told.push(threads);
        sourcesBefore = sources;
      },
      onSource: () => void sources++,
    });
    expect(told).toEqual([jobs]);
    // Told before any source was checked.
    expect(sourcesBefore).toBe(0);
    expect(sources).toBe(report.sources.length);
  }, 60_000);
});

describe('tuneV8ForThreads', () => {
  it('leaves V8 as it is while a core is left idle', async () => {
    expect(await tuneV8ForThreads(1, 2)).toBe(false);
    expect(await tuneV8ForThreads(3, 8)).toBe(false);
  });

  it('keeps background work on the threads once they take every core', async () => {
    expect(await tuneV8ForThreads(2, 2)).toBe(true);
    expect(await tuneV8ForThreads(1, 1)).toBe(true);
  });

  // V8 reads some flags only when a collection starts and again when it ends: switching those
  // mid-run crashes it (--single-threaded-gc does, in this very program). The CLI sets its flags
  // after the main thread has run, so they must be of the other kind.
  const churning = (flags: readonly string[]) =>
    spawnSync(process.execPath, ['-e', FLIP_MID_RUN, JSON.stringify(flags)], { encoding: 'utf8', timeout: 120_000 });

  it('sets only flags safe to change mid-run: the main thread and a worker collect garbage to the end', () => {
    const run = churning(V8_BUSY_CORE_FLAGS);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ status: 0, stdout: 'done\n' });
  }, 120_000);

  it('(the program that shows it catches a flag that is not safe)', () => {
    expect(churning(['--single-threaded-gc']).status).not.toBe(0);
  }, 120_000);
});

// Fills the heap (so that collections, incremental marking included, are under way), sets the
// flags, goes on, then starts a worker that does the same (a new heap under the new flags).
const FLIP_MID_RUN = `
const v8 = require('node:v8');
const { Worker } = require('node:worker_threads');
const churn = \`
const kept = [];
for (let i = 0; i < 6e5; i++) {
  kept.push({ i, text: 'x'.repeat(40) + i, map: new Map([[i, i]]) });
  if (kept.length > 3e5) kept.splice(0, 1.5e5);
}\`;
eval(churn);
for (const flag of JSON.parse(process.argv[1])) v8.setFlagsFromString(flag);
eval(churn);
new Worker(churn, { eval: true }).on('exit', (code) => {
  eval(churn);
  if (code === 0) console.log('done');
  process.exitCode = code;
});
`;

describe('dispatchOrder', () => {
  it('hands out sources without a size first in run order, then the largest files first', () => {
    // Sizes of a run: two pages, a URL, a mail, a social export (often last), a feed.
    expect(dispatchOrder(6, [45_000, 50_000, undefined, 22_000, 84_000, undefined])).toEqual([2, 5, 4, 1, 0, 3]);
  });

  it('keeps run order between equal sizes, and when no sizes are known', () => {
    expect(dispatchOrder(4, [10, 20, 10, 20])).toEqual([1, 3, 0, 2]);
    expect(dispatchOrder(3)).toEqual([0, 1, 2]);
  });
});
