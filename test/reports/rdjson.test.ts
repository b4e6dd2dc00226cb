// rdjson (reviewdog's DiagnosticResult) on the example campaign. reviewdog's published JSON
// schema accepts any extra key and requires none, so the output is held to a stricter schema
// written from reviewdog.proto (proto/rdf): only its field names, its severity enum, 1-based
// positions.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { formatReport } from '../../src/reports/index.js';
import { formatRdjson, rdjsonResult, type RdResult } from '../../src/reports/rdjson.js';

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
    expect(price.message).toBe('"pro-price" is 49.99 USD in the spec, but "\\$59.99" here\nexpected: 49.99 USD\nfound: 59.99 USD\n(newsletter)');
    expect(price.code).toEqual({ value: 'fact-mismatch', url: 'https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/fact-mismatch.md' });
  });

  it('counts columns in UTF-8 bytes, as reviewdog does, on Polish and Hebrew lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'storefront-rdjson-'));
    try {
      const lines = ['<p>Zażółć gęślą jaźń: Run Fast</p>', '\ufeffignored', '<p>מבצע אביב: Run Fast</p>'];
      await writeFile(path.join(dir, 'page.html'), `\ufeff${lines.join('\n')}`);
      const at = (line: number, text: string) => lines[line - 1].indexOf(text) + 1;
      const finding = (line: number): Finding => ({ rule: 'term-variant', severity: 'warning', channel: 'site', source: 'page.html', found: 'Run Fast', message: 'Write "RunFast"', location: { part: 'body', line, column: at(line, 'Run Fast') } });
      const local = { ...report, spec: 'storefront.yaml', findings: [finding(1), finding(3)] };
      const [polish, hebrew] = rdjsonResult(local, { cwd: dir }).diagnostics;
      // Line 1: the BOM's 3 bytes, then "<p>Zażółć gęślą jaźń: " with 9 two-byte letters.
      expect(polish.location.range!.start).toEqual({ line: 1, column: 3 + Buffer.byteLength(lines[0].slice(0, at(1, 'Run Fast') - 1)) + 1 });
      expect(polish.location.range!.start.column).toBe(3 + 22 + 9 + 1);
      // Hebrew letters are two bytes each in UTF-8: the column lands after them, not inside.
      expect(hebrew.location.range!.start).toEqual({ line: 3, column: Buffer.byteLength('<p>מבצע אביב: ') + 1 });
      expect(hebrew.location.range!.start.column).toBe(3 + 8 * 2 + 3 + 1);
      // A file that is not there keeps storefront's column.
      const [missing] = rdjsonResult({ ...local, findings: [{ ...finding(3), source: 'gone.html' }] }, { cwd: dir }).diagnostics;
      expect(missing.location.range!.start.column).toBe(at(3, 'Run Fast'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
