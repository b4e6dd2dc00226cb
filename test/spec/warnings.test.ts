// Spec warnings end to end: a spec that loads but cannot work says so at the line, on stderr
// and as a spec-warning finding (info); --strict refuses it with exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', STOREFRONT_QUIET: '1' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SPEC = `version: 1
campaign: Warnings
language: en
channels:
  site:
    kind: web
    sources: [page.html]
  hebrew:
    kind: social
    language: he
    sources: [posts.txt]
messages:
  - id: shipping
    text: Free shipping on orders over $50
facts:
  - id: launch
    type: date
    value: 2026-04-30
  - id: price
    type: money
    value: 49 USD
    near: [Pro, Platinum]
  - id: code
    type: code
    value: SPRING30
terms:
  - use: RunFast
    instead_of: [Run Fast, RunFast]
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storefront-warnings-'));
  writeFileSync(path.join(dir, 'storefront.yaml'), SPEC);
  writeFileSync(path.join(dir, 'page.html'), '<html><body><p>Free shipping on orders over $50. RunFast Pro is $49. Sale until April 30, 2026.</p></body></html>');
  writeFileSync(path.join(dir, 'posts.txt'), 'משלוח חינם בהזמנה מעל 50 דולר\n');
});

describe('spec warnings', { timeout: 120_000 }, () => {
  it('names each problem at its line on stderr, and reports spec-warning findings of severity info', () => {
    const checked = run(['check', 'storefront.yaml', '--format', 'json'], dir);
    expect(checked.stderr.split('\n').filter(Boolean)).toEqual([
      'storefront.yaml:13:5: warning: message "shipping" is required in channel "hebrew", whose language is he, but has no he wording: add translations: { he: "…" } or leave the channel out',
      'storefront.yaml:16:9: warning: fact "launch" has no near words and no required channels, so it can never match anything: add near: [words next to its value] or required: [channels]',
      'storefront.yaml:22:17: warning: near word "Platinum" of fact "price" occurs in no source: it can never tell this fact\'s value; use a word the copy writes next to it',
      'storefront.yaml:28:28: warning: variant "RunFast" is the canonical spelling itself: every correct use would be flagged; remove it',
    ]);
    const report = JSON.parse(checked.stdout) as { findings: Array<{ rule: string; severity: string; source?: string; subject?: string; location?: { line?: number } }> };
    const warnings = report.findings.filter((f) => f.rule === 'spec-warning');
    expect(warnings.map((f) => [f.severity, f.source, f.subject, f.location?.line])).toEqual(
      expect.arrayContaining([
        ['info', 'storefront.yaml', 'messages[0].channels', 13],
        ['info', 'storefront.yaml', 'facts[0].id', 16],
        ['info', 'storefront.yaml', 'facts[1].near[1]', 22],
        ['info', 'storefront.yaml', 'terms[0].instead_of[1]', 28],
      ]),
    );
    expect(warnings).toHaveLength(4);
  });

  it('--strict turns them into errors: exit 2 and no report', () => {
    const strict = run(['check', 'storefront.yaml', '--strict', '--format', 'json'], dir);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('storefront.yaml:16:9: error: fact "launch" has no near words');
  });

  it('a spec with nothing to warn about prints no warning, and --strict passes it through', () => {
    writeFileSync(path.join(dir, 'clean.yaml'), 'version: 1\ncampaign: Clean\nchannels:\n  site:\n    kind: web\n    sources: [page.html]\nfacts:\n  - id: price\n    type: money\n    value: 49 USD\n    near: [Pro]\n');
    const clean = run(['check', 'clean.yaml', '--strict'], dir);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
  });
});
