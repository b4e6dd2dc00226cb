// `storefront fix` on every file kind it rewrites: only the variants in copy change, every
// other byte stays, and a second check finds none of them. Reports carry the same fix.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/fix/apply.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', STOREFRONT_QUIET: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const SPEC = `version: 1
campaign: Fix
channels:
  site:
    kind: web
    sources: [page.html]
  newsletter:
    kind: email
    sources: [mail.mjml]
  social:
    kind: social
    sources: [posts.txt, posts.csv, posts.json]
terms:
  - use: RunFast
    instead_of: [Run Fast, Runfast]
`;

// CRLF line ends, a URL, an attribute, a script and a template placeholder that name the
// brand the wrong way too: none of them is copy, none may change.
const PAGE = [
  '<html><head><title>Runfast spring</title><script>var brand = "Run Fast";</script></head>',
  '<body><main data-brand="Run Fast">',
  '<p>Join Run Fast today &amp; run with <a href="https://runfast.example/Runfast">the Runfast club</a>.</p>',
  '<img src="/Run Fast.png" alt="Run Fast shoes">',
  '<p>Hello {{ Run Fast }}, see you.</p>',
  '</main></body></html>',
  '',
].join('\r\n');
const PAGE_FIXED = PAGE.replace('<title>Runfast spring', '<title>RunFast spring')
  .replace('<p>Join Run Fast today', '<p>Join RunFast today')
  .replace('>the Runfast club<', '>the RunFast club<')
  .replace('alt="Run Fast shoes"', 'alt="RunFast shoes"');

const MJML = '<mjml><mj-body><mj-section><mj-column>\n  <mj-text>Run Fast is back.</mj-text>\n  <mj-button href="https://runfast.example/Runfast">Shop</mj-button>\n</mj-column></mj-section></mj-body></mjml>\n';
const TXT = 'Spring at Run Fast: new shoes.\n---\nRunfast club opens https://runfast.example/Runfast\n';
const CSV = 'id,text\n1,"Run Fast, every morning"\n2,Plain post\n';
const JSON_POSTS = '[\n  { "id": "1", "text": "Say \\"hi\\" to Run Fast" },\n  { "id": "2", "text": "Nothing here" }\n]\n';

let dir: string;
const files = { 'storefront.yaml': SPEC, 'page.html': PAGE, 'mail.mjml': MJML, 'posts.txt': TXT, 'posts.csv': CSV, 'posts.json': JSON_POSTS };
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storefront-fix-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
});
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('storefront fix', { timeout: 120_000 }, () => {
  it('reports carry the fix: JSON fix, rdjson suggestions, SARIF fixes', () => {
    const json = JSON.parse(run(['check', '--format', 'json'], dir).stdout) as { findings: Array<{ rule: string; source: string; fix?: unknown }> };
    const mjml = json.findings.find((f) => f.rule === 'term-variant' && f.source === 'mail.mjml');
    expect(mjml?.fix).toEqual({ replacement: 'RunFast', range: { start: { line: 2, column: 12 }, end: { line: 2, column: 20 } } });
    const rd = JSON.parse(run(['check', '--format', 'rdjson'], dir).stdout) as { diagnostics: Array<{ location: { path: string }; suggestions?: unknown }> };
    expect(rd.diagnostics.find((d) => d.location.path === 'mail.mjml')?.suggestions).toEqual([{ range: { start: { line: 2, column: 12 }, end: { line: 2, column: 20 } }, text: 'RunFast' }]);
    const sarif = JSON.parse(run(['check', '--format', 'sarif'], dir).stdout);
    const result = sarif.runs[0].results.find((r: { locations: Array<{ physicalLocation?: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation?.artifactLocation.uri === 'mail.mjml');
    expect(result.fixes[0].artifactChanges[0].replacements).toEqual([{ deletedRegion: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 20 }, insertedContent: { text: 'RunFast' } }]);
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const dry = run(['fix', '--dry-run'], dir);
    expect(dry.stdout).toContain('--- a/mail.mjml\n+++ b/mail.mjml\n@@ -1,4 +1,4 @@\n <mjml><mj-body><mj-section><mj-column>\n-  <mj-text>Run Fast is back.</mj-text>\n+  <mj-text>RunFast is back.</mj-text>\n');
    for (const [name, text] of Object.entries(files)) expect(read(name)).toBe(text);
  });

  it('rewrites only the variants in copy, byte for byte, on every file kind', () => {
    const fixed = run(['fix'], dir);
    // The placeholder is copy to the reader but a template to the file: reported, not touched.
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).toContain('page.html:5:');
    expect(fixed.stderr).toContain('cannot fix "Run Fast": only inside markup, a URL, code or a template placeholder');
    expect(read('page.html')).toBe(PAGE_FIXED);
    expect(read('mail.mjml')).toBe(MJML.replace('>Run Fast is back', '>RunFast is back'));
    expect(read('posts.txt')).toBe(TXT.replace('Spring at Run Fast', 'Spring at RunFast').replace('\nRunfast club', '\nRunFast club'));
    expect(read('posts.csv')).toBe(CSV.replace('"Run Fast, every', '"RunFast, every'));
    expect(read('posts.json')).toBe(JSON_POSTS.replace('to Run Fast"', 'to RunFast"'));
    expect(read('storefront.yaml')).toBe(SPEC);
  });

  it('a second check reports none of the fixed variants', () => {
    const json = JSON.parse(run(['check', '--format', 'json'], dir).stdout) as { findings: Array<{ rule: string; source: string; location?: { line: number } }> };
    expect(json.findings.filter((f) => f.rule === 'term-variant').map((f) => `${f.source}:${f.location?.line}`)).toEqual(['page.html:5']);
  });
});

describe('fix never writes inside code, URLs or placeholders', () => {
  it('markdown: code spans and fences stay, prose changes', () => {
    const md = 'Run Fast is here.\n\n`Run Fast` in code, ```\nRun Fast\n``` and [link](https://x.example/Run Fast)\n';
    const applied = applyCorrections(md, '.md', [
      { found: 'Run Fast', replacement: 'RunFast', line: 1, column: 1 },
      { found: 'Run Fast', replacement: 'RunFast', line: 3, column: 2 },
      { found: 'Run Fast', replacement: 'RunFast', line: 4, column: 1 },
    ]);
    expect(applied.text).toBe(md.replace('Run Fast is here', 'RunFast is here'));
    expect(applied.skipped.map((s) => s.line)).toEqual([3, 4]);
  });

  it('PHP and Jinja-style templates are not copy', () => {
    const html = '<p><?php echo "Run Fast"; ?> {{ brand("Run Fast") }} {% set b = "Run Fast" %} Run Fast</p>\n';
    const applied = applyCorrections(html, '.html', [{ found: 'Run Fast', replacement: 'RunFast', line: 1, column: 14 }]);
    // The finding's column pointed into the PHP block; the nearest copy occurrence is taken.
    expect(applied.text).toBe(html.replace('%} Run Fast', '%} RunFast'));
  });
});
