// The integrations people expect, run or validated as their hosts would: the GitHub Action's
// step with INPUT_* variables as the runner sets them, the pre-commit manifest against
// pre-commit's own manifest schema, and the SchemaStore catalog entry.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import picomatch from 'picomatch';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkArguments, getInput } from '../../action/check.mjs';

vi.setConfig({ testTimeout: 0 });
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'storefront-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ActionYaml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id?: string; run?: string; uses?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }> };
}
const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYaml;

/** The environment the runner gives the step: each input as INPUT_<NAME>, here with its default. */
function runnerEnv(inputs: Record<string, string>, dir: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: path.join(dir, 'output.txt'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
  for (const [name, input] of Object.entries(action.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? input.default ?? '';
  writeFileSync(env.GITHUB_OUTPUT, '');
  return env;
}

describe('action.yml', () => {
  it('is a composite action whose step passes every input to the script as INPUT_<NAME>', () => {
    expect(action.runs.using).toBe('composite');
    const step = action.runs.steps.find((s) => s.id === 'check')!;
    expect(step.run).toBe('node "$GITHUB_ACTION_PATH/action/check.mjs"');
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'working-directory')) {
      expect(step.env?.[`INPUT_${name.toUpperCase()}`], name).toBe(`\${{ inputs.${name} }}`);
    }
    expect(action.inputs).toHaveProperty('spec');
    expect(action.inputs).toHaveProperty('fail-on');
    expect(action.inputs).toHaveProperty('formats');
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(['github/codeql-action/upload-sarif@v3', 'actions/upload-artifact@v4']);
    // Uploads run after a failing check too, and only when the file was written.
    for (const s of action.runs.steps.filter((x) => x.uses)) expect(s.if).toMatch(/^always\(\) && steps\.check\.outputs\.(sarif|html)-file != ''$/);
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'sarif-file', 'html-file']);
  });

  it('reads inputs as @actions/core does and builds the check from them', () => {
    const env = { INPUT_SPEC: ' campaign/storefront.yaml ', 'INPUT_FAIL-ON': 'warning', INPUT_SARIF: 'true', 'INPUT_SARIF-FILE': 'out.sarif', INPUT_HTML: 'false', INPUT_FORMATS: 'junit:j.xml, json:r.json', INPUT_ARGS: '--max-warnings 0' };
    expect(getInput(env, 'spec')).toBe('campaign/storefront.yaml');
    expect(checkArguments(env)).toEqual({
      args: ['check', 'campaign/storefront.yaml', '--fail-on', 'warning', '--format', 'github', '--format', 'sarif', '--output', 'out.sarif', '--format', 'junit', '--output', 'j.xml', '--format', 'json', '--output', 'r.json', '--max-warnings', '0'],
      files: { sarif: 'out.sarif' },
    });
    expect(() => checkArguments({ INPUT_FORMATS: 'junit' })).toThrow('formats: "junit" is not FORMAT:FILE');
  });

  it('runs the check on the example with annotations, SARIF and HTML files, outputs and exit code 1', () => {
    const dir = path.join(work, 'run');
    cpSync(path.join(root, 'fixtures/example'), dir, { recursive: true });
    const env = runnerEnv({ formats: 'junit:storefront.junit.xml' }, dir);
    const run = spawnSync(process.execPath, [path.join(root, 'action/check.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=email\/launch\.eml,line=37,col=20,title=fact-mismatch \(newsletter\)::/m);
    const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
    expect(outputs).toBe('exit-code=1\nsarif-file=storefront.sarif\nhtml-file=storefront-report.html\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'storefront.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'storefront-report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(path.join(dir, 'storefront.junit.xml'), 'utf8')).toContain('<testsuites');
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('✗ failed');
  });

  it('passes with fail-on never, uploads nothing when sarif and html are off, and reports exit 2 for a bad spec', () => {
    const dir = path.join(work, 'never');
    cpSync(path.join(root, 'fixtures/example'), dir, { recursive: true });
    const env = runnerEnv({ 'fail-on': 'never', sarif: 'false', html: 'false' }, dir);
    const run = spawnSync(process.execPath, [path.join(root, 'action/check.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=0\n');
    expect(existsSync(path.join(dir, 'storefront.sarif'))).toBe(false);
    const bad = runnerEnv({ spec: 'missing.yaml' }, dir);
    const broken = spawnSync(process.execPath, [path.join(root, 'action/check.mjs')], { cwd: dir, env: bad, encoding: 'utf8', timeout: 120_000 });
    expect(broken.status).toBe(2);
    expect(readFileSync(bad.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=2\n');
  });
});

// pre-commit's manifest schema (pre_commit/clientlib.py, MANIFEST_HOOK_DICT) as JSON Schema:
// required id, name, entry, language; only the keys pre-commit knows; their types.
const LANGUAGES = ['conda', 'coursier', 'dart', 'docker', 'docker_image', 'dotnet', 'fail', 'golang', 'haskell', 'julia', 'lua', 'node', 'perl', 'pygrep', 'python', 'r', 'ruby', 'rust', 'swift', 'script', 'system', 'unsupported', 'unsupported_script'];
const STAGES = ['commit-msg', 'post-checkout', 'post-commit', 'post-merge', 'post-rewrite', 'pre-commit', 'pre-merge-commit', 'pre-push', 'pre-rebase', 'prepare-commit-msg', 'manual'];
const strings = { type: 'array', items: { type: 'string' } };
const MANIFEST_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'entry', 'language'],
    properties: {
      id: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 }, entry: { type: 'string', minLength: 1 }, language: { enum: LANGUAGES },
      alias: { type: 'string' }, files: { type: 'string' }, exclude: { type: 'string' }, types: strings, types_or: strings, exclude_types: strings,
      additional_dependencies: strings, args: strings, always_run: { type: 'boolean' }, fail_fast: { type: 'boolean' }, pass_filenames: { type: 'boolean' },
      description: { type: 'string' }, language_version: { type: 'string' }, log_file: { type: 'string' }, minimum_pre_commit_version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
      require_serial: { type: 'boolean' }, stages: { type: 'array', items: { enum: STAGES } }, verbose: { type: 'boolean' },
    },
  },
};

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; language: string }>;

  it("validates against pre-commit's manifest schema", () => {
    const validate = new Ajv({ allErrors: true }).compile(MANIFEST_SCHEMA);
    expect(validate(hooks), JSON.stringify(validate.errors)).toBe(true);
  });

  it('runs the command this package installs, on changes to the spec and to copy files', () => {
    const [hook] = hooks;
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(hook.language).toBe('node');
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
    const files = new RegExp(hook.files);
    for (const file of ['storefront.yaml', 'campaign/storefront.yml', 'site/spring.html', 'email/launch.eml', 'social/x-posts.json', 'social/posts.txt']) expect(files.test(file), file).toBe(true);
    for (const file of ['src/index.ts', 'image.png', 'storefront.yaml.bak']) expect(files.test(file), file).toBe(false);
  });
});

describe('SchemaStore catalog entry', () => {
  const entry = JSON.parse(readFileSync(path.join(root, 'schema/schemastore-catalog.json'), 'utf8')) as { name: string; description: string; fileMatch: string[]; url: string };

  it('has the fields of a SchemaStore catalog entry and matches storefront.yaml and .yml anywhere', () => {
    expect(Object.keys(entry).sort()).toEqual(['description', 'fileMatch', 'name', 'url']);
    const matches = (file: string) => entry.fileMatch.some((glob) => picomatch(glob)(file));
    for (const file of ['storefront.yaml', 'storefront.yml', 'campaign/spring/storefront.yaml']) expect(matches(file), file).toBe(true);
    expect(matches('storefront.json')).toBe(false);
  });

  it('points at the schema in the repository, which is a draft-07 schema', () => {
    expect(entry.url).toBe('https://raw.githubusercontent.com/storefront-cli/storefront-cli/main/schema/storefront.schema.json');
    const schema = JSON.parse(readFileSync(path.join(root, 'schema/storefront.schema.json'), 'utf8')) as { $schema: string; title: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(entry.name).toBe(schema.title);
  });
});
