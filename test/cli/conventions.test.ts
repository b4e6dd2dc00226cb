// The conventions linters share, end to end through the built bin: the spec found in parent
// folders, --quiet, --max-warnings, --color/--no-color, --print-config, standard input for
// check and extract, and --help with examples, exit codes and environment variables.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const example = 'fixtures/example/storefront.yaml';
// Each test spawns the CLI a few times: no time limit, a loaded machine is only slower.
vi.setConfig({ testTimeout: 0 });
const work = mkdtempSync(path.join(tmpdir(), 'storefront-conventions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const report = (stdout: string) => JSON.parse(stdout) as { spec: string; summary: { errors: number; warnings: number; passed: boolean }; findings: Array<{ rule: string; severity: string; channel: string; source?: string; found?: string }>; sources: Array<{ id: string; channel: string }> };

describe('the spec found in parent folders', () => {
  it('runs the nearest storefront.yaml when no path is given, from a subfolder', () => {
    const run = cli(['check', '--format', 'json'], { cwd: path.join(root, 'fixtures/example/social') });
    expect(run.code).toBe(1);
    const r = report(run.stdout);
    expect(r.spec).toBe('../storefront.yaml');
    expect(r.sources).toHaveLength(5);
  });

  it('finds storefront.yml too, and says so plainly (exit 2) when there is none', () => {
    const dir = path.join(work, 'yml');
    cpSync(path.join(root, 'fixtures/example'), dir, { recursive: true });
    cpSync(path.join(dir, 'storefront.yaml'), path.join(dir, 'storefront.yml'));
    rmSync(path.join(dir, 'storefront.yaml'));
    mkdirSync(path.join(dir, 'deep/er'), { recursive: true });
    const found = cli(['check', '--format', 'json'], { cwd: path.join(dir, 'deep/er') });
    expect(report(found.stdout).spec).toBe('../../storefront.yml');
    const none = cli(['check'], { cwd: path.join(work) });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^storefront: no storefront\.yaml or storefront\.yml in .* or any folder above it: give the spec's path, or draft one with storefront init\n$/);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet reports errors only, in every format, with no progress lines, and keeps the exit code', () => {
    const loud = report(cli(['check', example, '--format', 'json']).stdout);
    const quiet = cli(['check', example, '--format', 'json', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('');
    const r = report(quiet.stdout);
    expect(loud.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(r.findings.map((f) => f.rule)).toEqual(loud.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    const pretty = cli(['check', example, '--quiet', '--no-color']).stdout;
    expect(pretty).not.toMatch(/⚠ warning/);
    expect(pretty).toMatch(/✖ error/);
  });

  it('--max-warnings fails a passing run with more warnings than allowed, and not one within them', () => {
    const warnings = report(cli(['check', example, '--format', 'json']).stdout).summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    const over = cli(['check', example, '--fail-on', 'never', '--max-warnings', String(warnings - 1), '--format', 'json']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`storefront: ${warnings} warnings, more than --max-warnings ${warnings - 1} allows`);
    expect(report(over.stdout).summary.passed).toBe(true);
    expect(cli(['check', example, '--fail-on', 'never', '--max-warnings', String(warnings), '--format', 'json']).code).toBe(0);
    const bad = cli(['check', example, '--max-warnings', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a whole number, 0 or more');
  });
});

describe('--color and --no-color', () => {
  const ESC = '\u001b[';
  it('--color colours a report written to a pipe; --no-color wins over FORCE_COLOR', () => {
    expect(cli(['check', example]).stdout).not.toContain(ESC);
    expect(cli(['check', example, '--color']).stdout).toContain(ESC);
    expect(cli(['check', example, '--color'], { env: { NO_COLOR: '1' } }).stdout).toContain(ESC);
    expect(cli(['check', example], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(cli(['check', example, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('never colours a report written to a file', () => {
    const out = path.join(work, 'colour.txt');
    cli(['check', example, '--color', '--output', out]);
    expect(readFileSync(out, 'utf8')).not.toContain(ESC);
  });
});

describe('--print-config', () => {
  it('prints the spec as resolved, with every default, as YAML, and exits 0 without checking', () => {
    const run = cli(['check', example, '--print-config']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('# fixtures/example/storefront.yaml as storefront resolved it, defaults included');
    const config = parseYaml(run.stdout) as {
      rules: Record<string, unknown>;
      channels: Record<string, { platform?: string; max_length?: number; language: string }>;
      messages: Array<{ id: string; channels: string[]; min_similarity: number }>;
    };
    expect(config.rules).toEqual({ min_similarity: 0.75, fail_on: 'error', cross_channel: true });
    expect(config.channels.x).toMatchObject({ platform: 'x', max_length: 280, language: 'en' });
    const headline = config.messages.find((m) => m.id === 'headline')!;
    expect(headline.channels).toEqual(['site', 'newsletter', 'x', 'instagram']);
    expect(headline.min_similarity).toBe(0.75);
  });

  it('refuses an invalid spec with exit 2, as check does', () => {
    const run = cli(['check', 'test/fixtures/e2e/spec-errors/unknown-key.yaml', '--print-config']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('standard input', () => {
  it('check --stdin CHANNEL holds a draft against the spec as that channel, posts split by ---', () => {
    const draft = 'Spring Sale: 30% off all running shoes. Code SPRNG30 at https://runfast.example/spring\n---\nRun Fast to the sale!\n';
    const run = cli(['check', example, '--stdin', 'x', '--format', 'json'], { input: draft });
    expect(run.code).toBe(1);
    const r = report(run.stdout);
    expect(r.sources).toEqual([expect.objectContaining({ id: 'stdin.txt', channel: 'x' })]);
    expect(r.findings.map((f) => [f.rule, f.channel, f.source, f.found])).toEqual(
      expect.arrayContaining([
        ['fact-mismatch', 'x', 'stdin.txt', 'SPRNG30'],
        ['term-variant', 'x', 'stdin.txt', 'Run Fast'],
      ]),
    );
  });

  it('--stdin-filename picks the reader: an HTML page as the site channel', () => {
    const page = '<html><head><title>Spring Sale</title></head><body><main><h1>Spring Sale: 30% off all running shoes</h1><p>Free shipping on orders over $50.</p></main></body></html>';
    const r = report(cli(['check', example, '--stdin', 'site', '--stdin-filename', 'draft.html', '--format', 'json'], { input: page }).stdout);
    expect(r.sources.map((s) => s.id)).toEqual(['draft.html']);
    expect(r.findings.filter((f) => f.rule === 'message-missing').map((f) => f.channel)).toEqual(['site']);
  });

  it('names an unknown --stdin channel with exit 2', () => {
    const run = cli(['check', example, '--stdin', 'tiktok'], { input: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('storefront: --stdin: unknown channel "tiktok" (the spec defines: site, newsletter, x, instagram)\n');
  });

  it('extract - reads standard input as the kind given', () => {
    const run = cli(['extract', '-', '--kind', 'social', '--format', 'json'], { input: 'First post 30% off\n---\nSecond post' });
    expect(run.code).toBe(0);
    const extraction = JSON.parse(run.stdout) as { source: string; parts: Array<{ role: string; text: string }> };
    expect(extraction.source).toBe('stdin.txt');
    expect(extraction.parts.map((p) => p.text)).toEqual(['First post 30% off', 'Second post']);
    const unsaid = cli(['extract', '-'], { input: 'x' });
    expect(unsaid.code).toBe(2);
    expect(unsaid.stderr).toContain('give --kind web, email or social');
  });
});

describe('--help', () => {
  it('shows examples, exit codes and environment variables, for the program and for check', () => {
    for (const args of [['--help'], ['check', '--help']]) {
      const run = cli(args);
      expect(run.code).toBe(0);
      for (const heading of ['Examples:', 'Exit codes:', 'Environment variables:']) expect(run.stdout).toContain(heading);
      expect(run.stdout).toMatch(/^ {2}2 {2}the command could not run/m);
      expect(run.stdout).toContain('NO_COLOR');
    }
    expect(cli(['check', '--help']).stdout).toContain('--max-warnings <n>');
  });
});
