// The command line end to end: the built bin spawned as a user would, reading its
// stdout, stderr, JSON report and exit code. `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const example = 'fixtures/example/storefront.yaml';

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  rule: string;
  channel: string;
  source?: string;
  subject?: string;
  found?: string;
  location?: { part: string; line?: number; column?: number };
}

function json(args: string[]) {
  const run = cli(['check', ...args, '--format', 'json']);
  return { ...run, report: JSON.parse(run.stdout) as { summary: Record<string, unknown>; findings: JsonFinding[]; coverage: Record<string, Record<string, { status: string }>>; sources: Array<{ id: string; status: string }> } };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('storefront check on the example campaign', () => {
  it('finds exactly the deliberate drifts, and exits 1', () => {
    const { code, report, stderr } = json([example]);
    expect(code).toBe(1);
    noStack(stderr);
    const found = report.findings.map((f) => [f.rule, f.channel, f.source ?? '', f.subject ?? '', f.found ?? '']);
    expect(found).toEqual([
      ['fact-mismatch', 'newsletter', 'email/launch.eml', 'pro-price', '59.99 USD'],
      ['cross-channel-conflict', 'newsletter', 'email/launch.eml', 'within … day', '14'],
      ['term-variant', 'newsletter', 'email/reminder.mjml', 'RunFast', 'Run Fast'],
      ['term-avoid', 'newsletter', 'email/reminder.mjml', 'guaranteed', 'guaranteed'],
      ['message-negated', 'newsletter', 'email/reminder.mjml', 'shipping', 'Shipping is not free on orders over $50'],
      ['fact-mismatch', 'x', 'social/x-posts.json', 'promo-code', 'SPRNG30'],
      ['length-exceeded', 'x', 'social/x-posts.json', '1903', '369'],
      ['message-drift', 'instagram', 'social/instagram.csv', 'headline', 'Spring deals are here 🌸 Take 30% off your next running shoes'],
    ]);
    expect(report.summary).toEqual({ errors: 4, warnings: 4, infos: 0, sources: 5, failedSources: 0, passed: false });
    expect(report.coverage.headline).toMatchObject({ site: { status: 'present' }, newsletter: { status: 'present' }, x: { status: 'present' }, instagram: { status: 'drift' } });
  });

  it('points a finding at the line and column of the words in the file', () => {
    const { report } = json([example]);
    const price = report.findings.find((f) => f.subject === 'pro-price')!;
    const eml = readFileSync(path.join(root, 'fixtures/example/email/launch.eml'), 'utf8').split('\n');
    const { line, column } = price.location!;
    expect(eml[line! - 1].slice(column! - 1)).toMatch(/^\$59\.99/);
    const variant = report.findings.find((f) => f.rule === 'term-variant')!;
    const mjml = readFileSync(path.join(root, 'fixtures/example/email/reminder.mjml'), 'utf8').split('\n');
    expect(mjml[variant.location!.line! - 1].slice(variant.location!.column! - 1)).toMatch(/^Run Fast/);
  });

  it('gives the same report byte for byte', () => {
    expect(cli(['check', example, '--format', 'json']).stdout).toBe(cli(['check', example, '--format', 'json']).stdout);
  });

  it('honours --fail-on and --channel', () => {
    expect(cli(['check', example, '--fail-on', 'never']).code).toBe(0);
    const instagram = json([example, '--channel', 'instagram']);
    expect(instagram.code).toBe(0); // only a warning there
    expect(instagram.report.findings.map((f) => f.rule)).toEqual(['message-drift']);
    expect(cli(['check', example, '--channel', 'instagram', '--fail-on', 'warning']).code).toBe(1);
    const both = json([example, '--channel', 'x', '--channel', 'instagram']);
    expect(new Set(both.report.findings.map((f) => f.channel))).toEqual(new Set(['x', 'instagram']));
  });

  it('prints a readable report with colour only when asked', () => {
    const plain = cli(['check', example], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toContain('»$59.99«');
    expect(plain.stdout).toMatch(/✖ failed: 8 problems \(4 errors, 4 warnings, 0 infos\) in 5 sources/);
    expect(plain.stdout).toMatch(/headline\s+✓ 1\.00\s+✓ 1\.00\s+✓ 1\.00\s+~ 0\.68/);
    expect(cli(['check', example], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(plain.stderr).toContain('storefront: reading 5 sources');
  });

  it('writes --output whole, and nothing to stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-out-'));
    const out = path.join(dir, 'report.json');
    const run = cli(['check', example, '--format', 'json', '--output', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).campaign).toBe('RunFast Spring Sale 2026');
    expect(readdirSync(dir)).toEqual(['report.json']);
    const bad = cli(['check', example, '--output', path.join(dir, 'no/such/dir/r.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot write .*ENOENT/);
  });
});

describe('several reports from one run', () => {
  it('gives each --output to the --format before it; the format without one goes to stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-out-'));
    const run = cli(['check', example, '--format', 'json', '--output', path.join(dir, 'r.json'), '--format', 'pretty']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^RunFast Spring Sale 2026/);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).findings).toHaveLength(8);
    expect(run.stderr).toContain(`storefront: json report written to ${path.join(dir, 'r.json')}`);
  });

  it('writes SARIF and HTML files and GitHub annotations in one run, with the whole summary in $GITHUB_STEP_SUMMARY', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-ci-'));
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const run = cli(
      ['check', example, '--format', 'github', '--format', 'sarif', '--output', path.join(dir, 'r.sarif'), '--format', 'html', '--output', path.join(dir, 'r.html')],
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(run.code).toBe(1);
    const annotations = run.stdout.trim().split('\n');
    expect(annotations.filter((l) => l.startsWith('::error file=fixtures/example/'))).toHaveLength(4);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.sarif'), 'utf8')).runs[0].results).toHaveLength(8);
    expect(readFileSync(path.join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    const written = readFileSync(summary, 'utf8');
    // Appended, as Actions expects: earlier steps' summaries stay.
    expect(written.startsWith('# earlier step\n')).toBe(true);
    expect(written).toContain('RunFast Spring Sale 2026');
    expect(written).toMatch(/\| headline \|/);
  });

  it.each([
    [['--output', 'a.json', '--output', 'b.json'], 'storefront: --output "b.json" has no --format of its own: write each --output after its --format\n'],
    [['--format', 'json', '--output', 'a.json', '--output', 'b.json'], 'storefront: --output "b.json" has no --format of its own: write each --output after its --format\n'],
    [['--format', 'json', '--format', 'pretty'], 'storefront: only one report can go to stdout: give each further --format an --output\n'],
    [['--format', 'yaml'], /^storefront: unknown format "yaml" \(expected one of pretty, json/],
    [['--concurrency', '0'], /^error: option '--concurrency <n>' argument '0' is invalid. expected a positive integer/],
  ])('refuses %j with exit code 2 before checking anything', (args, message) => {
    const run = cli(['check', example, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof message === 'string') expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
  });
});

describe('bad input never stops the run and never prints a stack trace', () => {
  it('reports unreadable sources as source-error findings and still checks the rest', () => {
    const { code, report, stderr } = json(['test/fixtures/e2e/broken/storefront.yaml', '--offline']);
    expect(code).toBe(1);
    noStack(stderr);
    const errors = Object.fromEntries(report.findings.filter((f) => f.rule === 'source-error').map((f) => [f.source, f.found]));
    expect(errors).toEqual({
      'site/binary.html': 'not HTML: looks like binary data',
      'site/missing.html': 'file not found',
      'site/*.nope': 'the pattern matches no file',
      'email/broken.eml': 'not an email: the file does not start with a header block ("Name: value" lines)',
      'https://social.example/feed.json': 'not in the cache (--offline)',
    });
    // The readable page is still checked.
    expect(report.findings.find((f) => f.rule === 'fact-mismatch')).toMatchObject({ source: 'site/good.html', found: '59.99 USD' });
    // A channel none of whose sources could be read is unknown, not missing.
    expect(report.coverage.shipping).toMatchObject({ site: { status: 'present' }, newsletter: { status: 'unknown' }, social: { status: 'unknown' } });
    expect(report.findings.some((f) => f.rule === 'message-missing')).toBe(false);
    expect(report.summary).toMatchObject({ sources: 6, failedSources: 5, passed: false });
    for (const line of stderr.trim().split('\n')) expect(line).toMatch(/^storefront: /);
  });

  it.each([
    ['test/fixtures/e2e/spec-errors/unknown-key.yaml', /^storefront: test\/fixtures\/e2e\/spec-errors\/unknown-key\.yaml:6:5: channels\.site: unknown key "sourcs" .*did you mean "sources"\?\n$/],
    ['test/fixtures/e2e/spec-errors/bad-yaml.yaml', /^storefront: test\/fixtures\/e2e\/spec-errors\/bad-yaml\.yaml:\d+:\d+: invalid YAML: .+\n$/],
    ['test/fixtures/e2e/spec-errors/bad-fact-value.yaml', /^storefront: test\/fixtures\/e2e\/spec-errors\/bad-fact-value\.yaml:10:12: facts\[0\]\.value: expected an amount with its currency, such as "49\.99 USD" or "€49,90" for a money fact, got "forty-nine"\n$/],
    ['test/fixtures/e2e/spec-errors/nope.yaml', /^storefront: test\/fixtures\/e2e\/spec-errors\/nope\.yaml: spec file not found\n$/],
  ])('refuses the spec %s with exit code 2 and one line', (spec, message) => {
    const run = cli(['check', spec]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('says its version, from package.json', () => {
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('refuses bad arguments with exit code 2', () => {
    expect(cli(['check', example, '--format', 'yaml']).code).toBe(2);
    expect(cli(['check', example, '--fail-on', 'sometimes']).code).toBe(2);
    const unknown = cli(['check', example, '--channel', 'tiktok']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('storefront: unknown channel "tiktok" (the spec defines: site, newsletter, x, instagram)\n');
    expect(cli(['frobnicate']).code).toBe(2);
    expect(existsSync(path.join(root, 'fixtures/example/report.json'))).toBe(false);
  });

  it('prints help and exits 0', () => {
    const help = cli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on <severity>');
  });
});
