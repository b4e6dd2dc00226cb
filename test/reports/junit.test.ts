// JUnit XML on the example campaign, parsed back as a CI would: one suite per channel, one
// case per channel × check, counts that add up, expected vs found in the failures, and
// copy with XML's forbidden characters still well-formed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { formatReport } from '../../src/reports/index.js';
import { formatJunit, xmlAttribute, xmlText } from '../../src/reports/junit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Problem {
  '@_message': string;
  '@_type': string;
  '#text': string;
}
interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: Problem;
  error?: Problem;
  skipped?: { '@_message': string };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': number;
  '@_failures': number;
  '@_errors': number;
  '@_skipped': number;
  testcase: Case[];
}
interface Parsed {
  testsuites: { '@_name': string; '@_tests': number; '@_failures': number; '@_errors': number; '@_skipped': number; testsuite: Suite[] };
}

function parse(xml: string): Parsed['testsuites'] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: true,
    trimValues: false,
    // Numeric character references (&#10; in attributes) are XML, not HTML, but this is the switch.
    htmlEntities: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return (parser.parse(xml) as Parsed).testsuites;
}

const CHECKS = ['messages', 'facts', 'terms', 'lengths', 'cross-channel', 'sources'];
const outcome = (c: Case) => (c.failure ? 'failure' : c.error ? 'error' : c.skipped ? 'skipped' : 'passed');

let report: Report;
beforeAll(async () => {
  report = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
});

describe('junit report', () => {
  it('has one suite per channel and one case per check, with counts that match the cases', () => {
    const xml = formatJunit(report);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(formatReport('junit', report, { color: false })).toBe(xml);
    const suites = parse(xml);
    expect(suites['@_name']).toBe('storefront: RunFast Spring Sale 2026');
    expect(suites.testsuite.map((s) => s['@_name'])).toEqual(['site', 'newsletter', 'x', 'instagram']);
    for (const suite of suites.testsuite) {
      expect(suite.testcase.map((c) => c['@_name'])).toEqual(CHECKS);
      for (const c of suite.testcase) expect(c['@_classname']).toBe(`storefront.${suite['@_name']}`);
      const kinds = suite.testcase.map(outcome);
      expect([suite['@_tests'], suite['@_failures'], suite['@_errors'], suite['@_skipped']]).toEqual([
        kinds.length,
        kinds.filter((k) => k === 'failure').length,
        kinds.filter((k) => k === 'error').length,
        kinds.filter((k) => k === 'skipped').length,
      ]);
    }
    const sum = (key: '@_tests' | '@_failures' | '@_errors' | '@_skipped') => suites.testsuite.reduce((n, s) => n + s[key], 0);
    expect([suites['@_tests'], suites['@_failures'], suites['@_errors'], suites['@_skipped']]).toEqual([sum('@_tests'), sum('@_failures'), sum('@_errors'), sum('@_skipped')]);
    expect(suites['@_tests']).toBe(24);
  });

  it('fails only the checks whose findings fail the run: warnings go to system-out under --fail-on error', () => {
    expect(report.failOn).toBe('error');
    const suites = parse(formatJunit(report));
    const outcomes = Object.fromEntries(suites.testsuite.map((s) => [s['@_name'], Object.fromEntries(s.testcase.map((c) => [c['@_name'], outcome(c)]))]));
    expect(outcomes).toEqual({
      site: { messages: 'passed', facts: 'passed', terms: 'passed', lengths: 'skipped', 'cross-channel': 'passed', sources: 'passed' },
      newsletter: { messages: 'failure', facts: 'failure', terms: 'passed', lengths: 'skipped', 'cross-channel': 'passed', sources: 'passed' },
      x: { messages: 'passed', facts: 'failure', terms: 'passed', lengths: 'failure', 'cross-channel': 'passed', sources: 'passed' },
      instagram: { messages: 'passed', facts: 'passed', terms: 'passed', lengths: 'passed', 'cross-channel': 'passed', sources: 'passed' },
    });
    const newsletter = suites.testsuite.find((s) => s['@_name'] === 'newsletter')!;
    const terms = newsletter.testcase.find((c) => c['@_name'] === 'terms')!;
    expect(terms.failure).toBeUndefined();
    expect(String(terms['system-out']).match(/^\[warning\]/gm)).toHaveLength(2);
    expect(suites['@_failures']).toBe(4);
  });

  it('fails exactly the checks that have findings under --fail-on warning, with expected vs found in the body', () => {
    const suites = parse(formatJunit({ ...report, failOn: 'warning' }));
    const outcomes = Object.fromEntries(suites.testsuite.map((s) => [s['@_name'], Object.fromEntries(s.testcase.map((c) => [c['@_name'], outcome(c)]))]));
    expect(outcomes).toEqual({
      // The site is a web page: post lengths do not apply to it, nor to the newsletter.
      site: { messages: 'passed', facts: 'passed', terms: 'passed', lengths: 'skipped', 'cross-channel': 'passed', sources: 'passed' },
      newsletter: { messages: 'failure', facts: 'failure', terms: 'failure', lengths: 'skipped', 'cross-channel': 'failure', sources: 'passed' },
      x: { messages: 'passed', facts: 'failure', terms: 'passed', lengths: 'failure', 'cross-channel': 'passed', sources: 'passed' },
      instagram: { messages: 'failure', facts: 'passed', terms: 'passed', lengths: 'passed', 'cross-channel': 'passed', sources: 'passed' },
    });
    const newsletter = suites.testsuite.find((s) => s['@_name'] === 'newsletter')!;
    const facts = newsletter.testcase.find((c) => c['@_name'] === 'facts')!.failure!;
    expect(facts['@_type']).toBe('error');
    expect(facts['@_message']).toBe('"pro-price" is 49.99 USD in the spec, but "$59.99" here');
    expect(facts['#text']).toContain('[error] fact-mismatch at email/launch.eml:37:20');
    expect(facts['#text']).toContain('  expected: 49.99 USD\n  found: 59.99 USD');
    const terms = newsletter.testcase.find((c) => c['@_name'] === 'terms')!.failure!;
    expect(terms['@_type']).toBe('warning');
    expect(terms['@_message']).toBe('Write "RunFast", not "Run Fast" (and 1 more)');
    expect(terms['#text'].match(/^\[warning\]/gm)).toHaveLength(2);
  });

  it('turns unreadable sources into errors, skips what they leave unchecked, and keeps accepted findings out of failures', () => {
    const extra: Finding[] = [
      { rule: 'source-error', severity: 'error', channel: 'x', source: 'https://social.example/feed.json', found: 'not fetched: --offline', message: 'Cannot read https://social.example/feed.json: not fetched: --offline' },
      { rule: 'message-missing', severity: 'error', channel: 'site', subject: 'shipping', expected: 'Free shipping on orders over $50', message: 'Key message "shipping" is not said in channel "site"' },
      { rule: 'term-avoid', severity: 'info', channel: 'instagram', source: 'social/instagram.csv', subject: 'guaranteed', found: 'guaranteed', message: 'Avoid "guaranteed"', suppressed: { reason: 'Approved by legal', severity: 'warning' } },
    ];
    const sources = report.sources.map((s) => (s.channel === 'x' ? { ...s, status: 'error' as const, error: 'unreadable' } : s));
    const findings = [...report.findings.filter((f) => f.channel !== 'x'), ...extra];
    const suites = parse(formatJunit({ ...report, sources, findings }));
    const x = suites.testsuite.find((s) => s['@_name'] === 'x')!;
    expect(x.testcase.map(outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'error', 'passed']);
    expect(x.testcase[0].skipped!['@_message']).toBe('no source of this channel could be read');
    expect(x.testcase[5].error!['#text']).toContain('https://social.example/feed.json');
    expect([x['@_errors'], x['@_skipped'], x['@_failures']]).toEqual([1, 5, 0]);
    // Accepted exceptions add an "exceptions" case to every channel; the accepted finding is output, not a failure.
    const instagram = suites.testsuite.find((s) => s['@_name'] === 'instagram')!;
    const terms = instagram.testcase.find((c) => c['@_name'] === 'terms')!;
    expect(outcome(terms)).toBe('passed');
    expect(terms['system-out']).toContain('Approved by legal');
    const site = suites.testsuite.find((s) => s['@_name'] === 'site')!;
    expect(site.testcase.find((c) => c['@_name'] === 'messages')!.failure!['#text']).toContain('at (whole channel)');
    expect(suites.testsuite.every((s) => s.testcase.length === 7)).toBe(true);
  });

  it('keeps copy with markup and forbidden control characters well-formed', () => {
    const nasty = 'Save <b>30%</b> & "more" \u0001\u0008\u000b\ufffe \ud800 ]]> \t ok';
    const f: Finding = { rule: 'term-avoid', severity: 'warning', channel: 'site', source: 'site/a.html', found: nasty, excerpt: nasty, message: `Avoid ${nasty}` };
    const xml = formatJunit({ ...report, findings: [f], failOn: 'warning' });
    const c = parse(xml).testsuite[0].testcase.find((t) => t['@_name'] === 'terms')!;
    expect(c.failure!['@_message']).toBe('Avoid Save <b>30%</b> & "more" \ufffd\ufffd\ufffd\ufffd \ufffd ]]> \t ok');
    expect(c.failure!['#text']).toContain('found: Save <b>30%</b> & "more" \ufffd\ufffd\ufffd\ufffd \ufffd ]]>');
    expect(xmlText('a\u0000b')).toBe('a\ufffdb');
    expect(xmlText('\ud83d\ude00')).toBe('\ud83d\ude00'); // a surrogate pair is a real character
    expect(xmlAttribute('line\nbreak')).toBe('line&#10;break');
  });
});
