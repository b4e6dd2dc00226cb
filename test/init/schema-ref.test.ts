// The $schema path `storefront init` writes resolves: from the spec's folder to the schema of
// the package in the project's node_modules or of this repository, else the published URL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { publishedSchemaUrl, schemaReference, SCHEMA_FILE } from '../../src/init/schema-ref.js';

vi.setConfig({ testTimeout: 0 });
const root = fileURLToPath(new URL('../../', import.meta.url));
const schemaComment = (text: string) => /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];

describe('schemaReference', () => {
  it('is a path from the spec folder to node_modules/storefront-cli in a project that installs it', () => {
    const installed = path.join('/project', 'node_modules', 'storefront-cli', 'schema', 'storefront.schema.json');
    expect(schemaReference('/project', installed)).toBe('./node_modules/storefront-cli/schema/storefront.schema.json');
    expect(schemaReference('/project/campaigns/spring', installed)).toBe('../../node_modules/storefront-cli/schema/storefront.schema.json');
  });

  it('is a path into this repository for a spec inside it', () => {
    expect(schemaReference(path.join(root, 'fixtures/example'))).toBe('../../schema/storefront.schema.json');
    expect(path.resolve(root, 'fixtures/example', '../../schema/storefront.schema.json')).toBe(SCHEMA_FILE);
  });

  it('is the published URL when the package is elsewhere (npx cache, global install): no machine path', () => {
    const cached = path.join('/home/u/.npm/_npx/1a2b/node_modules/storefront-cli/schema/storefront.schema.json');
    expect(schemaReference('/work/campaign', cached)).toBe(publishedSchemaUrl());
    expect(publishedSchemaUrl('1.2.3')).toBe('https://unpkg.com/storefront-cli@1.2.3/schema/storefront.schema.json');
  });
});

describe('storefront init writes a $schema that resolves', () => {
  const init = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/storefront.js'), 'init', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

  it('for a draft and for the skeleton written inside the repository', () => {
    const dir = path.join(root, 'test-artifacts', 'init-schema');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const args of [['fixtures/example/site/spring.html'], []]) {
      const out = path.join(dir, `${args.length}.yaml`);
      expect(init([...args, '--output', out]).status).toBe(0);
      const ref = schemaComment(readFileSync(out, 'utf8'))!;
      expect(ref).toBe('../../schema/storefront.schema.json');
      expect(existsSync(path.resolve(dir, ref))).toBe(true);
    }
  });

  it('for a spec outside any project that installs the package: the published URL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-init-'));
    try {
      const out = path.join(dir, 'storefront.yaml');
      expect(init(['--output', out]).status).toBe(0);
      const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
      expect(schemaComment(readFileSync(out, 'utf8'))).toBe(publishedSchemaUrl(version));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
