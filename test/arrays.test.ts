// Arrays that the checks' optimized code reads are made by `mapped`, one kind of array
// whichever tier of V8 runs the code making them (src/arrays.ts says why).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapped } from '../src/arrays.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function probe(): { mapped: [boolean, boolean]; map: [boolean, boolean] } {
  const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-lazy-feedback-allocation', path.join(root, 'test/support/arrays-probe.mjs')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('mapped', () => {
  it('maps as Array.prototype.map does, index included', () => {
    expect(mapped(['a', 'b', 'c'], (item, index) => `${index}:${item}`)).toEqual(['0:a', '1:b', '2:c']);
    expect(mapped([], () => 1)).toEqual([]);
  });

  it('makes an array of one kind whether the code making it runs interpreted or optimized', () => {
    expect(probe().mapped).toEqual([true, true]);
  });

  // The reason it exists, measured on Node 20's V8 (11.3); a later V8 may make one kind both ways.
  it.runIf(process.versions.node.startsWith('20.'))('where Array.prototype.map makes a packed array interpreted and a holey one optimized', () => {
    expect(probe().map).toEqual([false, true]);
  });
});
