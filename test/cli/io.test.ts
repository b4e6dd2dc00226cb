// The command line's own IO: temp files an interrupted run leaves behind, sizes on the
// command line, and which paths are the process's own output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byteSize, standardStream } from '../../src/cli/io.js';

const ioModule = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli/io.js')).href;

describe('an interrupted write', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removes the temp file on ${signal}, and the run still dies of the signal`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'storefront-signal-'));
      const temp = path.join(dir, `.report.json.${process.pid}.tmp`);
      // The temp exists and is registered, as in the middle of writeAtomic; then the signal comes.
      const script = `
        import { writeFileSync, existsSync } from 'node:fs';
        const { removeOnInterrupt } = await import(${JSON.stringify(ioModule)});
        writeFileSync(${JSON.stringify(temp)}, 'half a report');
        removeOnInterrupt(${JSON.stringify(temp)});
        if (!existsSync(${JSON.stringify(temp)})) process.exit(3);
        process.kill(process.pid, ${JSON.stringify(signal)});
        setTimeout(() => process.exit(4), 30000);
      `;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(run.signal).toBe(signal);
      expect(existsSync(temp)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

describe('command-line values', () => {
  it('reads sizes with K, M and G as powers of 1024, and refuses the rest', () => {
    expect([byteSize('10MB'), byteSize('500k'), byteSize('2048'), byteSize('1.5 MiB')]).toEqual([10 * 1024 ** 2, 500 * 1024, 2048, 1.5 * 1024 ** 2]);
    for (const bad of ['', '0', '-1', 'ten', '10 TB']) expect(() => byteSize(bad)).toThrow('expected a size');
  });

  it('knows /dev/stdout and its aliases as the process output', () => {
    expect(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', '/dev/stderr', '/dev/fd/2', '/dev/full', '/tmp/stdout'].map(standardStream)).toEqual([
      'stdout',
      'stdout',
      'stdout',
      'stderr',
      'stderr',
      undefined,
      undefined,
    ]);
  });
});
