// GitHub workflow commands on the example campaign: every line a well-formed command, the
// escaping exactly @actions/core's (so decoding as the runner does gives the text back),
// files from the repository root, and no file for copy that lives at a URL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/reports/github.js';
import { formatReport } from '../../src/reports/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// A command line as the runner parses it: no raw CR/LF anywhere, no raw ',' or ':' in a
// property value, known property names only.
const VALUE = '[^\\r\\n,:]*';
const COMMAND = new RegExp(`^::(error|warning|notice)(?: ((?:file|line|col|title)=${VALUE}(?:,(?:file|line|col|title)=${VALUE})*))?::([^\\r\\n]*)$`);

/** The runner's unescaping: %25 last, so an escaped "%0A" stays literal. */
const unescape = (value: string) => value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

function parse(text: string): Annotation[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = COMMAND.exec(line);
      expect(m, line).not.toBeNull();
      const props = Object.fromEntries((m![2] ? m![2].split(',') : []).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
      return { level: m![1], props, message: unescape(m![3]) };
    });
}

let report: Report;
beforeAll(async () => {
  report = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
});

describe('github annotations', () => {
  it('annotates each example finding on its file, line and column, then sums up', () => {
    const text = formatGithub(report);
    expect(formatReport('github', report, { color: false })).toBe(text);
    const annotations = parse(text);
    expect(annotations).toHaveLength(report.findings.length + 1);
    expect(annotations.map((a) => a.level)).toEqual([...report.findings.map((f) => (f.severity === 'info' ? 'notice' : f.severity)), 'notice']);
    const price = annotations[report.findings.findIndex((f) => f.subject === 'pro-price')];
    expect(price.props).toEqual({ file: 'fixtures/example/email/launch.eml', line: '37', col: '20', title: 'fact-mismatch (newsletter)' });
    // The last line links the rule's page in the repository's docs.
    expect(price.message).toBe('"pro-price" is 49.99 USD in the spec, but "$59.99" here\nexpected: 49.99 USD\nfound: 59.99 USD\nhelp: https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/fact-mismatch.md');
    // The file and position are real: the runner would annotate the right words.
    const line = readFileSync(path.join(root, price.props.file), 'utf8').split('\n')[Number(price.props.line) - 1];
    expect(line.slice(Number(price.props.col) - 1)).toMatch(/^\$59\.99/);
    for (const a of annotations.slice(0, -1)) expect(a.props.file).toMatch(/^fixtures\/example\/(email|social)\//);
    expect(annotations.at(-1)).toEqual({ level: 'notice', props: { title: 'storefront: RunFast Spring Sale 2026' }, message: 'failed: 4 errors, 4 warnings, 0 infos in 5 sources' });
  });

  it('escapes as @actions/core does, and decoding gives every character back', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d');
    const nasty = 'Save 30%0A now:: ::error::pwned, "quoted"\r\nsecond line %25';
    const f: Finding = { rule: 'term-avoid', severity: 'warning', channel: 'a,b:c', source: 'site/x,y:z.html', found: nasty, message: nasty, location: { part: 'body', line: 3, column: 7 } };
    const [a] = parse(formatGithub({ ...report, findings: [f] }));
    expect(a.message).toBe(`${nasty}\nfound: ${nasty}\nhelp: https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/term-avoid.md`);
    expect(a.props).toEqual({ file: 'fixtures/example/site/x,y:z.html', line: '3', col: '7', title: 'term-avoid (a,b:c)' });
  });

  it('gives URL sources no file, channel-wide findings the spec, and accepted findings a notice', () => {
    const extras: Finding[] = [
      { rule: 'source-error', severity: 'error', channel: 'site', source: 'https://runfast.example/spring', found: 'HTTP 404', message: 'Cannot read https://runfast.example/spring: HTTP 404', location: { part: 'file', line: 2 } },
      { rule: 'message-missing', severity: 'error', channel: 'x', subject: 'shipping', message: 'Key message "shipping" is not said in channel "x"' },
      { ...report.findings.find((f) => f.rule === 'term-avoid')!, severity: 'info', suppressed: { reason: 'Legal approved it', severity: 'warning' } },
    ];
    const [url, wide, accepted] = parse(formatGithub({ ...report, findings: extras }));
    expect(url.level).toBe('error');
    expect(url.props).toEqual({ title: 'source-error (site)' });
    expect(url.message).toMatch(/^https:\/\/runfast\.example\/spring: Cannot read/);
    expect(wide.props).toEqual({ file: 'fixtures/example/storefront.yaml', title: 'message-missing (x)' });
    expect(accepted.level).toBe('notice');
    expect(accepted.props.title).toBe('accepted term-avoid (newsletter)');
    expect(accepted.message).toContain('accepted by a spec exception (warning otherwise): Legal approved it');
  });

  it('paths follow the spec wherever it sits relative to the working directory', () => {
    const f = report.findings[0];
    const [top] = parse(formatGithub({ ...report, spec: 'storefront.yaml', findings: [f] }));
    expect(top.props.file).toBe('email/launch.eml');
    const [up] = parse(formatGithub({ ...report, spec: '../campaign/storefront.yaml', findings: [{ ...f, source: './email/../email/launch.eml' }] }));
    expect(up.props.file).toBe('../campaign/email/launch.eml');
  });
});
