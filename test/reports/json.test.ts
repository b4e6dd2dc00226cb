// The JSON report is a contract (SPEC.md §5): exact bytes, key order, omitted fields.
import { RULES } from '../../src/findings/rules.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding, Report, RuleId } from '../../src/findings/types.js';
import { formatReport, formatters } from '../../src/reports/index.js';
import { formatJson } from '../../src/reports/json.js';
import { itShared, sharedPath } from '../support/shared.js';

const corpus = (file: string) => sharedPath('corpus', file);

function finding(rule: RuleId, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'error', channel: 'site', message: `${rule} happened`, ...extra };
}

function makeReport(extra: Partial<Report> = {}): Report {
  return {
    version: 1,
    campaign: 'RunFast Spring Sale 2026',
    spec: 'storefront.yaml',
    summary: { errors: 1, warnings: 0, infos: 0, sources: 1, failedSources: 0, passed: false },
    sources: [{ id: 'email/launch.eml', channel: 'newsletter', kind: 'email', status: 'ok', language: 'en' }],
    findings: [],
    coverage: {},
    channels: ['site', 'newsletter'],
    ...extra,
  };
}

/** The §5 example as a Report, with the internal fields the JSON must drop. */
const contractReport = (): Report =>
  makeReport({
    summary: { errors: 2, warnings: 1, infos: 0, sources: 6, failedSources: 0, passed: false },
    findings: [
      {
        rule: 'fact-mismatch',
        severity: 'error',
        channel: 'newsletter',
        source: 'email/launch.eml',
        subject: 'pro-price',
        expected: '49.99 USD',
        found: '59.99 USD',
        excerpt: 'Go Pro for just $59.99 a month',
        highlight: [16, 22],
        location: { part: 'body', line: 41, column: 9 },
        message: '"pro-price" is 49.99 USD in the spec, but "$59.99" here',
      },
    ],
    coverage: { headline: { site: { status: 'present', score: 0.9666666, source: 'site/spring/index.html' } } },
  });

describe('json report', () => {
  it('writes the contract exactly: 2-space indent, key order, trailing newline', () => {
    expect(formatJson(contractReport())).toBe(`{
  "version": 1,
  "campaign": "RunFast Spring Sale 2026",
  "spec": "storefront.yaml",
  "summary": {
    "errors": 2,
    "warnings": 1,
    "infos": 0,
    "sources": 6,
    "failedSources": 0,
    "passed": false
  },
  "sources": [
    {
      "id": "email/launch.eml",
      "channel": "newsletter",
      "kind": "email",
      "status": "ok",
      "language": "en"
    }
  ],
  "findings": [
    {
      "rule": "fact-mismatch",
      "severity": "error",
      "channel": "newsletter",
      "source": "email/launch.eml",
      "subject": "pro-price",
      "expected": "49.99 USD",
      "found": "59.99 USD",
      "excerpt": "Go Pro for just $59.99 a month",
      "location": {
        "part": "body",
        "line": 41,
        "column": 9
      },
      "message": "\\"pro-price\\" is 49.99 USD in the spec, but \\"$59.99\\" here"
    }
  ],
  "coverage": {
    "headline": {
      "site": {
        "status": "present",
        "score": 0.97,
        "source": "site/spring/index.html"
      }
    }
  }
}
`);
  });

  it("keeps the contract's key order whatever order the input object was built in", () => {
    const reversed = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
    const original = contractReport();
    const scrambled: Report = reversed({
      ...original,
      summary: reversed(original.summary),
      sources: original.sources.map(reversed),
      findings: original.findings.map((f) => reversed({ ...f, location: f.location && reversed(f.location) })),
      coverage: { headline: { site: reversed(original.coverage.headline.site) } },
    });
    expect(Object.keys(scrambled)[0]).toBe('channels'); // the scramble really reordered
    expect(formatJson(scrambled)).toBe(formatJson(original));

    const parsed = JSON.parse(formatJson(scrambled));
    expect(Object.keys(parsed)).toEqual(['version', 'campaign', 'spec', 'summary', 'sources', 'findings', 'coverage']);
    expect(Object.keys(parsed.summary)).toEqual(['errors', 'warnings', 'infos', 'sources', 'failedSources', 'passed']);
    expect(Object.keys(parsed.findings[0])).toEqual(['rule', 'severity', 'channel', 'source', 'subject', 'expected', 'found', 'excerpt', 'location', 'message']);
    expect(Object.keys(parsed.findings[0].location)).toEqual(['part', 'line', 'column']);
    expect(Object.keys(parsed.coverage.headline.site)).toEqual(['status', 'score', 'source']);
  });

  it('omits undefined optional fields instead of writing null, and drops internal ones', () => {
    const report = makeReport({
      sources: [
        { id: 'a.html', channel: 'site', kind: 'web', status: 'ok', language: 'en', error: undefined },
        { id: 'b.html', channel: 'site', kind: 'web', status: 'error', language: 'en', error: 'file not found' },
      ],
      findings: [
        finding('message-missing', { source: undefined, subject: 'headline', expected: 'Spring Sale', found: undefined, highlight: [0, 3] }),
        finding('term-avoid', { source: 'a.html', found: 'guaranteed', location: { part: 'subject', line: undefined, column: undefined } }),
      ],
      coverage: { headline: { site: { status: 'missing', score: undefined, source: undefined } } },
    });
    // Fields the contract does not name (an internal extra) must not leak either.
    (report.findings[0] as Finding & { internal?: string }).internal = 'x';
    const text = formatJson(report);
    expect(text).not.toContain('null');
    expect(text).not.toMatch(/"(highlight|channels|internal)"/);
    const parsed = JSON.parse(text);
    expect(parsed.sources[0]).toEqual({ id: 'a.html', channel: 'site', kind: 'web', status: 'ok', language: 'en' });
    expect(parsed.sources[1].error).toBe('file not found');
    expect(parsed.findings[0]).toEqual({ rule: 'message-missing', severity: 'error', channel: 'site', subject: 'headline', expected: 'Spring Sale', message: 'message-missing happened' });
    expect(parsed.findings[1].location).toEqual({ part: 'subject' });
    expect(parsed.coverage).toEqual({ headline: { site: { status: 'missing' } } });
  });

  it('keeps empty strings and zero, which are values, not absences', () => {
    const report = makeReport({ findings: [finding('cross-channel-conflict', { found: '', location: { part: 'post', line: 0, column: 0 } })] });
    const parsed = JSON.parse(formatJson(report));
    expect(parsed.findings[0].found).toBe('');
    expect(parsed.findings[0].location).toEqual({ part: 'post', line: 0, column: 0 });
  });

  it('rounds scores to two decimals and never writes a non-finite score', () => {
    const report = makeReport({
      coverage: {
        headline: { site: { status: 'present', score: 0.996 }, newsletter: { status: 'drift', score: 0.714 } },
        shipping: { site: { status: 'drift', score: 0.125 }, newsletter: { status: 'present', score: Number.NaN } },
      },
    });
    const parsed = JSON.parse(formatJson(report));
    expect(parsed.coverage.headline.site.score).toBe(1);
    expect(parsed.coverage.headline.newsletter.score).toBe(0.71);
    expect(parsed.coverage.shipping.site.score).toBe(0.13);
    expect(parsed.coverage.shipping.newsletter).toEqual({ status: 'present' });
  });

  it("orders coverage channels by the spec's channel order and keeps odd ids as plain keys", () => {
    // Parsed, as a spec's ids would be: "__proto__" is then a real own key.
    const coverage = JSON.parse(
      '{"__proto__":{"x":{"status":"present","score":1}},' +
        '"headline":{"x":{"status":"missing"},"newsletter":{"status":"present","score":1},"site":{"status":"drift","score":0.5}}}',
    ) as Report['coverage'];
    const parsed = JSON.parse(formatJson(makeReport({ channels: ['site', 'newsletter', 'x'], coverage })));
    expect(Object.keys(parsed.coverage)).toEqual(['__proto__', 'headline']);
    expect(Object.keys(parsed.coverage.headline)).toEqual(['site', 'newsletter', 'x']);
  });

  it('carries every rule id through unchanged', () => {
    const rules: RuleId[] = RULES.map((rule) => rule.id);
    const parsed = JSON.parse(formatJson(makeReport({ findings: rules.map((rule) => finding(rule)) })));
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toEqual(rules);
  });

  it('gives the same bytes for the same input and leaves the input untouched', () => {
    const report = contractReport();
    const snapshot = structuredClone(report);
    const first = formatJson(report);
    expect(formatJson(structuredClone(report))).toBe(first);
    expect(report).toEqual(snapshot);
  });

  itShared('keeps real multilingual copy byte for byte (a Japanese tweet with a newline)', () => {
    const tweets = JSON.parse(readFileSync(corpus('social/sferik-twitter/premium_search_url.json'), 'utf8')) as { results: Array<{ text: string }> };
    const text = tweets.results[0].text;
    expect(text).toContain('\n');
    const report = makeReport({ findings: [finding('length-exceeded', { channel: 'x', source: 'social/premium_search_url.json', subject: '#1', excerpt: text, found: '151' })] });
    const out = formatJson(report);
    expect(out).toContain('"excerpt": "@pubkugyo また省略されてますね'); // no \u escapes for non-ASCII
    expect(JSON.parse(out).findings[0].excerpt).toBe(text);
  });
});

describe('formatReport', () => {
  it('names the formats it has', () => {
    expect(Object.keys(formatters)).toEqual(['pretty', 'json', 'sarif', 'junit', 'markdown', 'github', 'html', 'rdjson']);
    expect(formatReport('json', contractReport(), { color: true })).toBe(formatJson(contractReport()));
  });

  it('refuses an unknown format with the list of known ones', () => {
    expect(() => formatReport('nope', contractReport(), { color: false })).toThrow(new Error('unknown format "nope" (expected one of pretty, json, sarif, junit, markdown, github, html, rdjson)'));
    // Inherited object keys are not formats.
    expect(() => formatReport('toString', contractReport(), { color: false })).toThrow('unknown format "toString"');
  });
});
