// The command line over a checkout a stranger's pull request made: links to the runner's
// secrets, file names and copy that carry workflow commands and terminal sequences, outputs
// aimed at devices and inputs, and a reader that leaves early. Spawned as CI would run it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostileRepo, OUTSIDE_NAME, OUTSIDE_TEXT, SECRET } from '../support/hostile-repo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const TIMEOUT = 120_000;

function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: TIMEOUT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

const SPEC = `version: 1
campaign: Spring
channels:
  site:
    kind: web
    sources: ["site/*.html", "../outside/*.html"]
  mail:
    kind: email
    sources: ["mail/*.txt"]
messages:
  - id: sale
    text: Spring Sale is on
terms:
  - avoid: ["guaranteed"]
`;

describe('a committed link to .git/config and paths outside the repository', () => {
  it('never puts the credential or outside text in stdout, stderr, the JSON or the HTML report', () => {
    const h = hostileRepo();
    h.write('storefront.yaml', SPEC);
    h.write('site/index.html', '<html><head><title>Spring Sale is on</title></head><body><p>Spring Sale is on</p></body></html>');
    h.write('mail/launch.txt', 'Spring Sale is on');
    h.link('mail/notes.txt', '../.git/config');
    h.link('site/config.html', '../.git/config');
    h.link('site/escape.html', `../../outside/${OUTSIDE_NAME}.html`);
    const pretty = cli(h.repo, ['check']);
    const files = cli(h.repo, ['check', '--format', 'json', '--output', 'report.json', '--format', 'html', '--output', 'report.html', '--format', 'github']);
    expect(pretty.code).toBe(1);
    expect(files.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(h.repo, 'report.json'), 'utf8')) as { findings: Array<{ rule: string; source: string; found: string }> };
    expect(report.findings.filter((f) => f.rule === 'source-error').map((f) => [f.source, f.found])).toEqual([
      ['../outside/*.html', 'outside the spec folder and the repository root: not read'],
      ['site/config.html', 'inside a .git folder: not read'],
      ['site/escape.html', 'outside the spec folder and the repository root: not read'],
      ['mail/notes.txt', 'inside a .git folder: not read'],
    ]);
    const everything = [pretty.stdout, pretty.stderr, files.stdout, files.stderr, readFileSync(path.join(h.repo, 'report.json'), 'utf8'), readFileSync(path.join(h.repo, 'report.html'), 'utf8')];
    for (const text of everything) {
      for (const secret of [SECRET, 'extraheader', OUTSIDE_TEXT, OUTSIDE_NAME]) expect(text).not.toContain(secret);
      noStack(text);
    }
  });
});

describe('file names and copy that carry workflow commands and terminal sequences', () => {
  const INJECTED = 'a\n::warning title=pwned::owned\n::add-mask::x\u001b]52;c;ZWNobyBwd25lZA==\u0007.txt';

  it('never starts a line with :: that is not ours, and lets no ESC through pretty, github or stderr', () => {
    const h = hostileRepo();
    h.write('storefront.yaml', SPEC.replace('sources: ["mail/*.txt"]', 'sources: ["mail/*.txt", "mail/\\n::add-mask::*.eml"]'));
    h.write('site/index.html', '<html><body><p>Spring Sale is on. \u001b[2J\u001b]0;title\u0007 guaranteed \u202e results</p></body></html>');
    h.link(`mail/${INJECTED}`, '../.git/config');
    h.write('mail/launch.txt', 'Spring Sale is on');
    const pretty = cli(h.repo, ['check'], { FORCE_COLOR: '1' });
    const github = cli(h.repo, ['check', '--format', 'github']);
    expect(pretty.code).toBe(1);
    expect(github.code).toBe(1);
    expect(pretty.stderr).toContain('source error: mail/a');
    for (const text of [pretty.stdout, pretty.stderr, github.stderr]) {
      expect(text.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
      expect(text).not.toMatch(/\u001b\]|\u001b\[2J|\u0007/);
      // An override in copy stays only inside the isolate the report puts around it.
      expect(text.replace(/\u2068[^\u2068\u2069]*\u2069/g, '')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    // Colour is ours: only SGR sequences reach the terminal.
    expect(pretty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    // Every github line is one of our workflow commands, whole.
    const lines = github.stdout.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
    expect(github.stdout).not.toContain('\u001b');
    expect(lines.some((line) => line.includes('%0A::warning title=pwned'))).toBe(true);
  });

  it('extract prints copy without its terminal sequences: no screen clear, no fake line', () => {
    const h = hostileRepo();
    h.write('page.html', '<html><body><p>Hello\u001b[2J\u001b[H\u2029::error::fake ✔ passed</p></body></html>');
    const run = cli(h.repo, ['extract', 'page.html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fake ✔ passed');
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
  });
});

describe('--output where it must not write', () => {
  const setup = () => {
    const h = hostileRepo();
    h.write('storefront.yaml', SPEC);
    h.write('site/index.html', '<html><body><p>Spring Sale is on</p></body></html>');
    h.write('mail/launch.txt', 'Spring Sale is on');
    return h;
  };

  it('refuses to overwrite the spec or a source, compared through links, with exit 2 and one line', () => {
    const h = setup();
    h.link('alias.yaml', 'storefront.yaml');
    for (const [output, what] of [
      ['storefront.yaml', 'the spec'],
      ['alias.yaml', 'the spec'],
      ['mail/launch.txt', 'a source'],
    ]) {
      const run = cli(h.repo, ['check', '--format', 'json', '--output', output]);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`storefront: refusing to write the report over ${output}: it is ${what} of this check (give --output another file)`);
    }
    expect(readFileSync(path.join(h.repo, 'storefront.yaml'), 'utf8')).toBe(SPEC);
    expect(readFileSync(path.join(h.repo, 'mail/launch.txt'), 'utf8')).toBe('Spring Sale is on');
  });

  it('writes /dev/stdout in place: the report on stdout, the verdict as exit code, the link left alone', () => {
    const h = setup();
    const run = cli(h.repo, ['check', '--format', 'json', '--output', '/dev/stdout']);
    expect(run.code).toBe(1); // the ../outside pattern is a source-error
    expect(JSON.parse(run.stdout)).toMatchObject({ campaign: 'Spring', summary: { passed: false, failedSources: 1 } });
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('reports ENOSPC on /dev/full with exit 2 and leaves the device a device', () => {
    const h = setup();
    const run = cli(h.repo, ['check', '--format', 'json', '--output', '/dev/full']);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('storefront: cannot write /dev/full: no space left on the device (ENOSPC)');
    noStack(run.stderr);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('replaces a committed link to a file outside rather than writing through it', () => {
    const h = setup();
    h.link('report.json', `../outside/${OUTSIDE_NAME}.txt`);
    const run = cli(h.repo, ['check', '--format', 'json', '--output', 'report.json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(h.repo, 'report.json'), 'utf8'))).toMatchObject({ campaign: 'Spring' });
    expect(readFileSync(path.join(h.outside, `${OUTSIDE_NAME}.txt`), 'utf8')).toBe(`${OUTSIDE_TEXT}\n`);
    expect(lstatSync(path.join(h.repo, 'report.json')).isFile()).toBe(true);
    expect(readdirSync(h.repo).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a spec in another encoding, and --root', () => {
  it('refuses a UTF-16 spec with one line naming the encoding, exit 2', () => {
    const h = hostileRepo();
    h.write('storefront.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPEC, 'utf16le')]));
    const run = cli(h.repo, ['check']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('storefront: storefront.yaml: the spec is UTF-16 (it starts with a byte order mark): save it as UTF-8\n');
  });

  it('--root narrows where sources may come from to the spec folder and that folder', () => {
    const h = hostileRepo();
    h.write('campaign/storefront.yaml', SPEC.replace('sources: ["mail/*.txt"]', 'sources: ["../shared/*.txt"]'));
    h.write('campaign/site/index.html', '<html><body><p>Spring Sale is on</p></body></html>');
    h.write('shared/launch.txt', 'Spring Sale is on');
    const repoWide = JSON.parse(cli(h.repo, ['check', 'campaign/storefront.yaml', '--format', 'json']).stdout) as { sources: Array<{ id: string; status: string }> };
    expect(repoWide.sources.find((s) => s.id === 'shared/launch.txt' || s.id === '../shared/launch.txt')?.status).toBe('ok');
    const narrowed = cli(h.repo, ['check', 'campaign/storefront.yaml', '--format', 'json', '--root', 'campaign']);
    const report = JSON.parse(narrowed.stdout) as { sources: Array<{ id: string; status: string; error?: string }> };
    expect(report.sources.find((s) => s.id === '../shared/*.txt')).toMatchObject({ status: 'error', error: 'outside the spec folder and the repository root: not read' });
  });
});

describe('a reader that leaves early (check | head -c 100)', () => {
  it('ends quietly with the verdict as exit code', async () => {
    const h = hostileRepo();
    // Enough findings that the report is far larger than a pipe's buffer.
    h.write('storefront.yaml', SPEC);
    h.write('site/index.html', `<html><body>${'<p>Spring Sale is on, guaranteed.</p>\n'.repeat(3000)}</body></html>`);
    h.write('mail/launch.txt', 'Spring Sale is on');
    const child = spawn(process.execPath, [bin, 'check'], { cwd: h.repo, env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    let received = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 100) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(received).toBeGreaterThanOrEqual(100);
    expect(code).toBe(1);
    expect(stderr).not.toContain('EPIPE');
    noStack(stderr);
  });
});
