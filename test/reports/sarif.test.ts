// SARIF on the example campaign: valid against the official 2.1.0 schema (vendored from
// oasis-tcs/sarif-spec), one rule per rule id, locations GitHub can show, and fingerprints
// that stay put when copy above a finding moves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Log, Result } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { RULES } from '../../src/findings/rules.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { formatReport } from '../../src/reports/index.js';
import { FINGERPRINT_KEY, formatSarif } from '../../src/reports/sarif.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaText = readFileSync(path.join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8');

/**
 * The upstream schema (byte for byte) has two known defects, repaired here in memory: the
 * region's anyOf sits inside `properties` (so it is no schema), and two patterns use the
 * inline flag `(?i)`, which JavaScript regular expressions do not have. Each repair asserts
 * the defect is still there, so updating the vendored file shows when to drop it.
 */
function repairedSchema(): Record<string, unknown> {
  const schema = JSON.parse(schemaText);
  const region = schema.definitions.region;
  expect(Array.isArray(region.properties.anyOf)).toBe(true);
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  return schema;
}

// RFC 3986 URI-reference characters, with %XX escapes only: what SARIF's uri fields allow.
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

function validator() {
  expect(schemaText).toContain('"pattern": "^(?i)');
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // anyOf branches name properties their parent defines: valid JSON Schema, only a lint.
    strictRequired: false,
    // Only the `(?i)` prefix needs translating: the rest of every pattern is plain JavaScript.
    code: {
      regExp: Object.assign((pattern: string, flags: string) => (pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags)), {
        code: 'new RegExp',
      }),
    },
  });
  ajv.addFormat('uri', (value: string) => URL.canParse(value) && URI_REFERENCE.test(value));
  ajv.addFormat('uri-reference', (value: string) => URI_REFERENCE.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(repairedSchema());
}

let validate: ReturnType<typeof validator>;
let report: Report;

const sarif = (r: Report) => JSON.parse(formatSarif(r)) as Log;
const results = (r: Report): Result[] => sarif(r).runs[0].results ?? [];

function expectValid(log: Log): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

/** The example plus one finding of each kind the example lacks. */
function withExtras(base: Report): Report {
  const extras: Finding[] = [
    {
      rule: 'source-error',
      severity: 'error',
      channel: 'site',
      source: 'https://runfast.example/spring?utm=a b',
      found: 'not fetched: --offline',
      message: 'Cannot read https://runfast.example/spring: not fetched: --offline',
    },
    { rule: 'message-missing', severity: 'error', channel: 'x', subject: 'shipping', expected: 'Free shipping on orders over $50', message: 'Key message "shipping" is not said in channel "x"' },
    {
      rule: 'term-avoid',
      severity: 'info',
      channel: 'site',
      source: 'site/spring sale #2.html',
      subject: 'guaranteed',
      found: 'guaranteed',
      excerpt: 'Fit guaranteed.',
      location: { part: 'body', line: 4, column: 5 },
      message: 'Avoid "guaranteed"',
      suppressed: { reason: 'Legal approved "guaranteed" for the fit promise', severity: 'warning' },
    },
  ];
  return { ...base, findings: [...base.findings, ...extras] };
}

beforeAll(async () => {
  validate = validator();
  report = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
});

describe('sarif report', () => {
  it('is valid SARIF 2.1.0 for the example, and the validator does reject broken logs', () => {
    const log = sarif(report);
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    // The schema is live: a result without a message, or a bad level, fails.
    const broken = structuredClone(log);
    delete (broken.runs[0].results![0] as Partial<Result>).message;
    expect(validate(broken)).toBe(false);
    const badLevel = structuredClone(log);
    (badLevel.runs[0].results![0] as { level: string }).level = 'fatal';
    expect(validate(badLevel)).toBe(false);
    const badRegion = structuredClone(log);
    badRegion.runs[0].results![0].locations![0].physicalLocation!.region = { startColumn: 3 };
    expect(validate(badRegion)).toBe(false);
    expect(formatReport('sarif', report, { color: false })).toBe(formatSarif(report));
  });

  it('describes every rule id once, with help text and default level', () => {
    const driver = sarif(report).runs[0].tool.driver;
    expect(driver.name).toBe('storefront');
    expect(driver.version).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    // The documentation in the repository named by package.json (was: none).
    expect(driver.informationUri).toBe('https://github.com/storefront-cli/storefront-cli/blob/main/docs/README.md');
    const rules = driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(new Set(rules.map((r) => r.id)).size).toBe(RULES.length);
    const mismatch = rules.find((r) => r.id === 'fact-mismatch')!;
    expect(mismatch.defaultConfiguration?.level).toBe('error');
    expect(mismatch.shortDescription?.text).toMatch(/differs from the spec/);
    expect(mismatch.help?.text).toMatch(/normalization/);
    expect(rules.find((r) => r.id === 'message-drift')!.defaultConfiguration?.level).toBe('warning');
  });

  it('gives each example finding its rule, level, message and a file location from the repository root', () => {
    const rs = results(report);
    const rules = sarif(report).runs[0].tool.driver.rules!;
    expect(rs.map((r) => [r.ruleId, r.level])).toEqual(report.findings.map((f) => [f.rule, f.severity === 'info' ? 'note' : f.severity]));
    for (const r of rs) expect(rules[r.ruleIndex!].id).toBe(r.ruleId);
    const price = rs.find((r) => r.ruleId === 'fact-mismatch' && r.properties?.subject === 'pro-price')!;
    expect(price.message.text).toBe('"pro-price" is 49.99 USD in the spec, but "$59.99" here\nexpected: 49.99 USD\nfound: 59.99 USD');
    const physical = price.locations![0].physicalLocation!;
    expect(physical.artifactLocation).toEqual({ uri: 'fixtures/example/email/launch.eml', uriBaseId: '%SRCROOT%' });
    // The region points at the words in the real file.
    const { startLine, startColumn, snippet } = physical.region!;
    const line = readFileSync(path.join(root, physical.artifactLocation!.uri!), 'utf8').split('\n')[startLine! - 1];
    expect(line.slice(startColumn! - 1)).toMatch(/^\$59\.99/);
    expect(snippet?.text).toBe('Go Pro for just $59.99 a month and get weekly coaching plans.');
    expect(price.locations![0].logicalLocations).toEqual([
      { name: 'newsletter', fullyQualifiedName: 'newsletter', kind: 'module' },
      { name: 'email/launch.eml#body', fullyQualifiedName: 'newsletter/email/launch.eml#body', kind: 'element' },
    ]);
  });

  it('locates URL sources by URL, channel-wide findings at the spec, and carries suppressions', () => {
    const log = sarif(withExtras(report));
    expectValid(log);
    const rs = log.runs[0].results!;
    const fetched = rs.find((r) => r.ruleId === 'source-error')!;
    expect(fetched.locations![0].physicalLocation!.artifactLocation).toEqual({ uri: 'https://runfast.example/spring?utm=a%20b' });
    expect(fetched.locations![0].logicalLocations![1]).toMatchObject({ kind: 'resource', name: 'https://runfast.example/spring?utm=a b' });
    const missing = rs.find((r) => r.ruleId === 'message-missing')!;
    expect(missing.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: 'fixtures/example/storefront.yaml', uriBaseId: '%SRCROOT%' } });
    expect(missing.locations![0].logicalLocations).toEqual([{ name: 'x', fullyQualifiedName: 'x', kind: 'module' }]);
    const accepted = rs.find((r) => r.suppressions)!;
    expect(accepted.level).toBe('note');
    expect(accepted.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Legal approved "guaranteed" for the fit promise' }]);
    expect(accepted.locations![0].physicalLocation!.artifactLocation!.uri).toBe('fixtures/example/site/spring%20sale%20%232.html');
    expect(rs.filter((r) => r.suppressions).length).toBe(1);
  });

  it('fingerprints findings by what they are, not where: moving copy keeps them, a new value changes them', () => {
    const print = (r: Result) => r.partialFingerprints![FINGERPRINT_KEY];
    const before = results(report).map(print);
    expect(new Set(before).size).toBe(before.length);
    for (const p of before) expect(p).toMatch(/^[0-9a-f]{32}:\d+$/);
    // Three lines inserted above every finding: same fingerprints.
    const moved = { ...report, findings: report.findings.map((f) => ({ ...f, location: f.location && { ...f.location, line: (f.location.line ?? 0) + 3 } })) };
    expect(results(moved).map(print)).toEqual(before);
    // A different wrong price is a different finding.
    const changed = { ...report, findings: report.findings.map((f) => (f.subject === 'pro-price' ? { ...f, found: '69.99 USD' } : f)) };
    const after = results(changed).map(print);
    const i = report.findings.findIndex((f) => f.subject === 'pro-price');
    expect(after[i]).not.toBe(before[i]);
    expect(after.filter((p, k) => k !== i)).toEqual(before.filter((p, k) => k !== i));
    // The same typo twice in one file: two alerts, numbered in order.
    const variant = report.findings.find((f) => f.rule === 'term-variant')!;
    const twice = { ...report, findings: [variant, { ...variant, location: { ...variant.location!, line: 40 } }] };
    const [a, b] = results(twice).map(print);
    expect(a.split(':')[0]).toBe(b.split(':')[0]);
    expect([a.split(':')[1], b.split(':')[1]]).toEqual(['1', '2']);
  });
});
