// `storefront extract` end to end: the built bin on the example's files, as a user runs it
// to see why something was or was not matched.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');

function extract(args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'extract', ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Extracted {
  source: string;
  kind: string;
  language: string;
  parts: Array<{ role: string; unit?: string; href?: string; at?: { line: number; column: number }; text: string; sentences: string[]; values: Array<{ type: string; raw: string; key: string; reference?: boolean; at?: { line: number; column: number } }> }>;
}

const json = (args: string[]) => JSON.parse(extract([...args, '--format', 'json', '--year', '2026']).stdout) as Extracted;

describe('storefront extract', () => {
  it('shows a page as parts with roles, places, sentences and normalized values', () => {
    const page = json(['fixtures/example/site/spring.html']);
    expect(page).toMatchObject({ source: 'fixtures/example/site/spring.html', kind: 'web', language: 'en' });
    const lead = page.parts.find((p) => p.role === 'body' && p.text.startsWith('From road racers'))!;
    expect(lead.sentences).toEqual(['From road racers to trail shoes, every pair is 30% off until April 30.', 'Use code SPRING30 at checkout.']);
    expect(lead.values.map((v) => [v.type, v.key, v.raw])).toEqual([
      ['percent', '30', '30%'],
      ['date', '2026-04-30', 'April 30'],
      ['code', 'SPRING30', 'SPRING30'],
    ]);
    // The struck-through $69.99 is muted, the regular price is a reference: neither is a statement.
    const pro = page.parts.find((p) => p.text.startsWith('RunFast Pro is just'))!;
    expect(pro.values.map((v) => v.key)).toEqual(['49.99 USD']);
    const trail = page.parts.find((p) => p.text.startsWith('Our Trail Runner'))!;
    expect(trail.values.filter((v) => v.type === 'money').map((v) => [v.key, v.reference ?? false])).toEqual([
      ['89.99 USD', false],
      ['129.99 USD', true],
    ]);
    expect(page.parts.find((p) => p.role === 'cta')).toMatchObject({ text: 'Shop the sale', href: 'https://runfast.example/spring?utm_source=site' });
  });

  it('points each value at its line and column in the file', () => {
    const page = json(['fixtures/example/site/spring.html']);
    const heading = page.parts.find((p) => p.role === 'heading')!;
    expect(heading.at).toEqual({ line: 29, column: 9 });
    expect(heading.values[0].at).toEqual({ line: 29, column: 22 });
  });

  it('reads an email by its extension and a social file post by post', () => {
    expect(json(['fixtures/example/email/launch.eml']).parts[0]).toMatchObject({ role: 'subject', text: 'Spring Sale: 30% off all running shoes 🏃' });
    const posts = json(['fixtures/example/social/x-posts.json']).parts;
    expect(posts.every((p) => p.role === 'post' && p.unit !== undefined)).toBe(true);
    expect(posts.some((p) => p.values.some((v) => v.type === 'code' && v.key === 'SPRNG30'))).toBe(true);
  });

  it('prints a readable outline by default', () => {
    const run = extract(['fixtures/example/site/spring.html', '--year', '2026']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('fixtures/example/site/spring.html  (web, en, 20 parts)');
    expect(run.stdout).toContain('29:9     heading\n         │ Spring Sale: 30% off all running shoes\n         ↳ percent 30  "30%"  at 29:22\n');
    expect(run.stdout).toContain('↳ money 129.99 USD  "$129.99"  (reference price: not a statement)');
  });

  it.each([
    [['nope.html'], 'storefront: nope.html: file not found\n'],
    [['fixtures/example/storefront.yaml', '--kind', 'web'], 'storefront: fixtures/example/storefront.yaml: cannot read ".yaml" files in a web channel (expected .html, .htm, .xhtml)\n'],
    [['README'], 'storefront: README: cannot tell what "README" is from its name: give --kind web, email or social\n'],
  ])('refuses %j in one line with exit code 2', (args, message) => {
    const run = extract(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(message);
  });
});
