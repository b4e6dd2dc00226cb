// scripts/profile-run.mjs, the dev tool behind the README's "Where a run's time goes": it
// checks the campaign it is given and accounts for the time by stage.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/profile-run.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('profile-run', () => {
  it('checks every source of the campaign and gives each stage a share of the profile', () => {
    const { status, stdout } = run('fixtures/example/storefront.yaml', '--warm', '2');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^5 sources, \d+ findings; CPU \d+\.\d\d s/);
    expect(stdout).toMatch(/^first 2 sources: \d+\.\d\d s; later ones: \d+\.\d ms each/m);
    const shares = [...stdout.matchAll(/^(\S.*?)\s+(\d+\.\d\d) s\s+(-?\d+\.\d)%$/gm)].map((m) => [m[1], Number(m[3])]);
    expect(shares.map(([stage]) => stage)).toEqual(['read sources', 'normalize', 'messages', 'facts', 'terms', 'cross-channel context', 'campaign rules and report', 'garbage collection', 'everything else']);
    const share = Object.fromEntries(shares) as Record<string, number>;
    expect(share.normalize).toBeGreaterThan(0);
    expect(share.messages).toBeGreaterThan(0);
    // Top-level stages never nest in one another: what they leave over is never negative.
    expect(share['everything else']).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('says how to call it when the spec is missing', () => {
    const { status, stderr } = run();
    expect(status).toBe(2);
    expect(stderr).toContain('usage: node scripts/profile-run.mjs SPEC');
  });
});
