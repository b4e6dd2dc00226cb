// rdjson (reviewdog's DiagnosticResult) on the example campaign. reviewdog's published JSON
// schema accepts any extra key and requires none, so the output is held to a stricter schema
// written from reviewdog.proto (proto/rdf): only its field names, its severity enum, 1-based
// positions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { formatReport } from '../../src/reports/index.js';
import { formatRdjson, type RdResult } from '../../src/reports/rdjson.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const severity = { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] };
const position = { type: 'object', additionalProperties: false, properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } };
const source = { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1 }, url: { type: 'string' } } };
const DIAGNOSTIC_RESULT = {
  type: 'object',
  additionalProperties: false,
  required: ['diagnostics'],
  properties: {
    source,
    severity,
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['message', 'location'],
        properties: {
          message: { type: 'string', minLength: 1 },
          location: {
            type: 'object',
            additionalProperties: false,
            required: ['path'],
            properties: {
              path: { type: 'string', minLength: 1 },
              range: { type: 'object', additionalProperties: false, required: ['start'], properties: { start: position, end: position } },
            },
          },
          severity,
          source,
          code: { type: 'object', additionalProperties: false, required: ['value'], properties: { value: { type: 'string' }, url: { type: 'string' } } },
          original_output: { type: 'string' },
          // reviewdog.proto Suggestion: a replacement for a range, offered as a suggested change.
          suggestions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['range', 'text'],
              properties: { range: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: position, end: position } }, text: { type: 'string' } },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: true }).compile(DIAGNOSTIC_RESULT);

function parse(text: string): RdResult {
  const result = JSON.parse(text) as RdResult;
  validate(result);
  expect(validate.errors ?? []).toEqual([]);
  return result;
}

let report: Report;
beforeAll(async () => {
  report = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
});

describe('rdjson report', () => {
  it('has one diagnostic per example finding, at its file, line and column', () => {
    const text = formatRdjson(report);
    expect(formatReport('rdjson', report, { color: false })).toBe(text);
    const result = parse(text);
    expect(result.source).toEqual({ name: 'storefront' });
    expect(result.severity).toBe('ERROR');
    expect(result.diagnostics.map((d) => [d.code.value, d.severity])).toEqual(report.findings.map((f) => [f.rule, f.severity.toUpperCase()]));
    const price = result.diagnostics[report.findings.findIndex((f) => f.subject === 'pro-price')];
    expect(price.location).toEqual({ path: 'fixtures/example/email/launch.eml', range: { start: { line: 37, column: 20 } } });
    expect(price.message).toBe('"pro-price" is 49.99 USD in the spec, but "$59.99" here\nexpected: 49.99 USD\nfound: 59.99 USD\n(newsletter)');
  });

  it('escapes copy for the markdown of review comments and never @mentions', () => {
    const f: Finding = { rule: 'term-avoid', severity: 'warning', channel: 'site', source: 'site/a.html', found: '@team <img src=x> *now*', message: 'Avoid "guaranteed"' };
    const [d] = parse(formatRdjson({ ...report, findings: [f] })).diagnostics;
    expect(d.message).toBe('Avoid "guaranteed"\nfound: @\u200dteam &lt;img src=x&gt; \\*now\\*\n(site)');
  });

  it('places URL and channel-wide findings, and leaves accepted findings out', () => {
    const extras: Finding[] = [
      { rule: 'source-error', severity: 'error', channel: 'site', source: 'https://runfast.example/spring', found: 'HTTP 404', message: 'Cannot read https://runfast.example/spring: HTTP 404' },
      { rule: 'message-missing', severity: 'warning', channel: 'x', subject: 'shipping', message: 'Key message "shipping" is not said in channel "x"' },
      { ...report.findings[0], severity: 'info', suppressed: { reason: 'accepted', severity: 'error' } },
    ];
    const result = parse(formatRdjson({ ...report, findings: extras }));
    expect(result.diagnostics.map((d) => d.location)).toEqual([{ path: 'https://runfast.example/spring' }, { path: 'fixtures/example/storefront.yaml' }]);
    expect(result.diagnostics[0].message).toMatch(/^https:\/\/runfast\.example\/spring: Cannot read/);
    expect(result.severity).toBe('ERROR');
    const quiet = parse(formatRdjson({ ...report, findings: [extras[2]] }));
    expect(quiet).toEqual({ source: { name: 'storefront' }, diagnostics: [] });
  });
});
