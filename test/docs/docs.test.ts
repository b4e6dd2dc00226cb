// The documentation shipped in the repository: every rule has its page and every report links
// to it; the spec reference is generated from the JSON Schema and in step with it; every
// relative link of the README and the docs leads to a file that exists; the command-line
// reference names every option each command's --help lists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOC_FILE, keyRows, SCHEMA_FILE, specReference, updatedDoc, anchor } from '../../scripts/spec-reference.mjs';
import { RULES } from '../../src/findings/rules.js';
import type { RuleId } from '../../src/findings/types.js';
import { sarifLog } from '../../src/reports/sarif.js';
import { repositoryWebUrl } from '../../src/version.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; repository: { url: string }; homepage: string; files: string[] };
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
const emptyReport = { version: 1 as const, campaign: 'c', spec: 'storefront.yaml', summary: { errors: 0, warnings: 0, infos: 0, sources: 0, failedSources: 0, passed: true }, sources: [], findings: [], coverage: {}, channels: [] };

/** A help URL as the path of the file it names in this repository. */
function repositoryFile(url: string): string {
  const base = `${repositoryWebUrl(pkg.repository)}/blob/main/`;
  expect(url.startsWith(base), url).toBe(true);
  return path.join(root, decodeURIComponent(url.slice(base.length)));
}

describe('rule documentation', () => {
  it('gives every SARIF rule a helpUri whose page exists in the repository, derived from package.json', () => {
    const rules = sarifLog(emptyReport).runs[0].tool.driver.rules ?? [];
    expect(rules.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of rules) {
      expect(rule.helpUri).toBe(`https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/${rule.id}.md`);
      const page = readFileSync(repositoryFile(rule.helpUri!), 'utf8');
      expect(page.startsWith(`# \`${rule.id}\``)).toBe(true);
      for (const heading of ['## What fires it', '## What does not', '## How to fix it']) expect(page, `${rule.id}: ${heading}`).toContain(heading);
      expect(rule.help?.markdown).toContain(rule.helpUri);
    }
    expect(existsSync(repositoryFile(sarifLog(emptyReport).runs[0].tool.driver.informationUri!))).toBe(true);
  });

  it('has no page for a rule that does not exist', () => {
    const pages = readdirSync(path.join(root, 'docs/rules')).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(RULES.map((r) => r.id as RuleId).sort());
  });

  it('ships the docs in the npm package', () => {
    expect(pkg.files).toContain('docs');
    expect(pkg.files).toContain('LICENSE');
    expect(pkg.name).toBe('storefront-cli');
  });
});

describe('spec reference', () => {
  it('is what scripts/spec-reference.mjs generates from the schema (run it after changing the schema)', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    expect(updatedDoc(doc, schema)).toBe(doc);
    expect(doc).toContain(specReference(schema));
  });

  it('documents every key of the schema, nested ones included, with a description', () => {
    const doc = readFileSync(DOC_FILE, 'utf8');
    const rows = keyRows(schema);
    // Found by walking the schema on its own: every `properties` key anywhere in it.
    const keys = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, value] of Object.entries(properties ?? {})) {
        // `{ file: true }` inside anyOf only says which key is required.
        if (value !== true) keys.add(key);
      }
      for (const child of Object.values(node)) walk(child);
    };
    walk(schema);
    expect(new Set(rows.map((r) => r.key))).toEqual(keys);
    for (const row of rows) {
      expect(row.description, row.path).not.toBe('');
      const parent = row.path === row.key ? '' : row.path.slice(0, row.path.length - row.key.length - 1);
      expect(doc, row.path).toContain(`<a id="${anchor(parent, row.key)}"></a>\`${row.key}\``);
    }
    expect(rows.map((r) => r.path)).toEqual(expect.arrayContaining(['rules.fail_on', 'channels.<name>.sources[].token_env', 'facts[].near', 'exceptions[].expires', 'messages[].translations']));
  });
});

describe('links', () => {
  const markdownFiles = ['README.md', ...readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];

  it.each(markdownFiles)('every relative link of %s leads to a file that exists', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const links = Array.from(text.matchAll(/\]\(([^)\s]+)\)/g), (m) => m[1]).filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
    for (const link of links) {
      const target = path.join(root, path.dirname(file), decodeURIComponent(link.split('#')[0]));
      expect(existsSync(target), `${file}: ${link}`).toBe(true);
    }
  });
});

describe('command-line reference', () => {
  const reference = readFileSync(path.join(root, 'docs/cli.md'), 'utf8');
  it.each(['check', 'merge', 'fix', 'extract', 'init'])('docs/cli.md has storefront %s and every option its --help lists', (command) => {
    const help = spawnSync(process.execPath, [path.join(root, 'bin/storefront.js'), command, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(reference).toContain(`## \`storefront ${command}`);
    const options = [...help.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]).filter((o) => o !== '--help');
    expect(options.length).toBeGreaterThan(0);
    const missing = options.filter((o) => !reference.includes(`\`${o}`));
    expect(missing).toEqual([]);
  });
});
