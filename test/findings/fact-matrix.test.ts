// The fact matrix from its small input, and as the JSON report, the pretty report show it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { factMatrix, type FactMatrixInput } from '../../src/findings/fact-matrix.js';
import type { Report } from '../../src/findings/types.js';
import { formatJson } from '../../src/reports/json.js';
import { formatPretty } from '../../src/reports/pretty.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const input = (extra: Partial<FactMatrixInput> = {}): FactMatrixInput => ({
  facts: [
    { id: 'price', type: 'money', value: '49.99 USD', required: ['site', 'mail'] },
    { id: 'code', type: 'code', value: 'SPRING30', required: [] },
  ],
  keys: new Map([
    ['price', '49.99 USD'],
    ['code', 'SPRING30'],
  ]),
  channels: ['site', 'mail', 'x', 'ig'],
  readable: new Set(['site', 'mail', 'x']),
  sightings: [
    { fact: 'price', channel: 'site', source: 'a.html', value: '49.99 USD', raw: '$49.99', location: { part: 'body', line: 3, column: 5 } },
    { fact: 'price', channel: 'site', source: 'a.html', value: '49.99 USD', raw: '$49.99', location: { part: 'body', line: 3, column: 5 } },
    { fact: 'price', channel: 'x', source: 'x.json', value: '59.99 USD', raw: '$59.99' },
    { fact: 'price', channel: 'x', source: 'x.json', value: '49.99 USD', raw: 'USD 49.99' },
  ],
  findings: [],
  ...extra,
});

describe('factMatrix', () => {
  it('gives each fact and channel its values, once per place, and a status', () => {
    const [price, code] = factMatrix(input());
    expect(price.channels.site).toEqual({ status: 'agrees', values: [{ value: '49.99 USD', raw: '$49.99', source: 'a.html', location: { part: 'body', line: 3, column: 5 } }] });
    expect(price.channels.mail).toEqual({ status: 'not-stated', values: [] });
    expect(price.channels.x.status).toBe('differs');
    expect(price.channels.x.values.map((v) => v.value)).toEqual(['59.99 USD', '49.99 USD']);
    expect(price.channels.ig).toEqual({ status: 'unknown', values: [] });
    expect(code.channels.site).toEqual({ status: 'not-required', values: [] });
    expect([price.from, price.type, price.expected]).toEqual(['spec', 'money', '49.99 USD']);
  });

  it('adds a row for each value channels state differently that no fact covers', () => {
    const rows = factMatrix(
      input({
        findings: [
          { rule: 'cross-channel-conflict', severity: 'warning', channel: 'mail', source: 'm.eml', subject: 'within … day', expected: '30 (site)', found: '14', message: 'x', location: { part: 'body', line: 9 } },
          { rule: 'fact-mismatch', severity: 'error', channel: 'x', subject: 'price', expected: '49.99 USD', found: '59.99 USD', message: 'y' },
        ],
      }),
    );
    expect(rows.map((r) => [r.fact, r.from])).toEqual([
      ['price', 'spec'],
      ['code', 'spec'],
      ['within … day', 'cross-channel'],
    ]);
    const conflict = rows[2];
    expect(conflict.expected).toBe('30');
    expect(conflict.channels.site).toEqual({ status: 'agrees', values: [{ value: '30', raw: '30' }] });
    expect(conflict.channels.mail).toEqual({ status: 'differs', values: [{ value: '14', raw: '14', source: 'm.eml', location: { part: 'body', line: 9 } }] });
    expect(conflict.channels.x.status).toBe('not-required');
    expect(conflict.channels.ig.status).toBe('unknown');
  });

  it('leaves out a fact whose value could not be read', () => {
    expect(factMatrix(input({ keys: new Map([['code', 'SPRING30']]) })).map((r) => r.fact)).toEqual(['code']);
  });
});

describe('the fact matrix in the reports of the example campaign', () => {
  let report: Report;
  beforeAll(async () => {
    report = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
  });

  it('is an additive `facts` array beside `coverage` in the JSON report', () => {
    const json = JSON.parse(formatJson(report)) as Record<string, unknown> & { facts: Array<Record<string, unknown> & { channels: Record<string, { status: string; values: Array<Record<string, unknown>> }> }> };
    expect(Object.keys(json)).toEqual(['version', 'campaign', 'spec', 'summary', 'sources', 'findings', 'coverage', 'facts']);
    expect(json.facts.map((f) => f.fact)).toEqual(['discount', 'pro-price', 'promo-code', 'sale-ends', 'landing', 'within … day']);
    const price = json.facts[1];
    expect(Object.keys(price)).toEqual(['fact', 'from', 'type', 'expected', 'channels']);
    expect(Object.keys(price.channels)).toEqual(['site', 'newsletter', 'x', 'instagram']);
    expect(price.channels.newsletter).toEqual({ status: 'differs', values: [{ value: '59.99 USD', raw: '$59.99', source: 'email/launch.eml', location: { part: 'body', line: 37, column: 20 } }] });
    expect(price.channels.x).toEqual({ status: 'not-required', values: [] });
    expect(json.facts[2].channels.x.values.map((v) => v.value)).toEqual(['SPRING30', 'SPRNG30']);
    // Every mismatch finding is a differing cell of its fact, at the same place.
    for (const f of report.findings.filter((x) => x.rule === 'fact-mismatch')) {
      const cell = json.facts.find((r) => r.fact === f.subject)!.channels[f.channel];
      expect(cell.status).toBe('differs');
      expect(cell.values).toContainEqual(expect.objectContaining({ value: f.found, source: f.source }));
    }
  });

  it('is a table in the pretty report, one row per fact, one column per channel', () => {
    const lines = formatPretty(report, { color: false }).split('\n');
    const start = lines.indexOf('Facts');
    expect(lines[start + 1].split(/\s{2,}/).filter(Boolean)).toEqual(['fact', 'spec', 'site', 'newsletter', 'x', 'instagram']);
    const row = (name: string) => lines.slice(start + 2).find((l) => l.trimStart().startsWith(`${name} `))!;
    expect(row('pro-price').split(/\s{2,}/).filter(Boolean)).toEqual(['pro-price', '49.99 USD', '✓ 49.99 USD', '✗ 59.99 USD']);
    expect(row('within … day (no fact)').split(/\s{2,}/).filter(Boolean)).toEqual(['within … day (no fact)', '30', '✓ 30', '✗ 14']);
  });
});
