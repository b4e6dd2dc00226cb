// Findings volume: 150,000 findings format in every format without "Maximum call stack size
// exceeded", and a check run lists at most N per rule and source plus one "+N more".
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { capFindings, DEFAULT_MAX_FINDINGS } from '../../src/findings/cap.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { formatReport } from '../../src/reports/index.js';

const finding = (i: number, extra: Partial<Finding> = {}): Finding => ({
  rule: 'term-avoid',
  severity: 'warning',
  channel: 'site',
  source: `page-${i % 3}.html`,
  subject: 'guaranteed',
  found: 'guaranteed',
  excerpt: `Results guaranteed, number ${i}`,
  highlight: [8, 18],
  message: `Avoid "guaranteed" (${i})`,
  location: { part: 'body', line: i + 1, column: 9 },
  ...extra,
});

function bigReport(n: number): Report {
  // One source: pretty measured its findings' widths with Math.max(...widths) per source.
  const findings = Array.from({ length: n }, (_, i) => finding(i, { source: 'page-0.html' }));
  return {
    version: 1,
    campaign: 'Volume',
    spec: 'storefront.yaml',
    summary: { errors: 0, warnings: n, infos: 0, sources: 3, failedSources: 0, passed: false },
    sources: [0, 1, 2].map((i) => ({ id: `page-${i}.html`, channel: 'site', kind: 'web', status: 'ok' as const, language: 'en' })),
    findings,
    coverage: {},
    channels: ['site'],
  };
}

describe('report formats over 150,000 findings', () => {
  const report = bigReport(150_000);
  // The two that spread arrays into calls (push(...lines), Math.max(...widths)) before.
  for (const name of ['pretty', 'markdown']) {
    it(`${name} formats them all without overflowing the stack`, { timeout: 300_000 }, () => {
      const text = formatReport(name, report, { color: name === 'pretty' });
      expect(text.length).toBeGreaterThan(1000);
      // The last finding is in every format that lists them all (markdown folds to its size limit).
      if (name !== 'markdown') expect(text).toContain('(149999)');
    });
  }
});

describe('capFindings', () => {
  it('keeps the first N per rule and source in order, then one "+N more" at the worst omitted severity', { timeout: 300_000 }, () => {
    const findings = Array.from({ length: 500_000 }, (_, i) => finding(i, i === 400_000 ? { severity: 'error' } : {}));
    const capped = capFindings(findings, 100);
    expect(capped.length).toBe(3 * 101);
    const more = capped.filter((f) => f.omitted !== undefined);
    expect(more.map((f) => [f.source, f.omitted, f.severity])).toEqual([
      ['page-0.html', 166_567, 'warning'],
      ['page-1.html', 166_567, 'error'],
      ['page-2.html', 166_566, 'warning'],
    ]);
    expect(more[0].message).toBe('+166567 more term-avoid findings in page-0.html not listed (at most 100 per rule and source: --max-findings)');
    // Each summary follows the last finding listed of its group.
    const i = capped.indexOf(more[0]);
    expect(capped[i - 1].source).toBe('page-0.html');
    expect(capFindings(findings.slice(0, 10), 0)).toHaveLength(10);
    expect(capFindings(findings.slice(0, 300), 100).some((f) => f.omitted)).toBe(false);
  });

  it('caps a check run at --max-findings: the JSON lists 100 + 1, the summary counts every finding', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-volume-'));
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(
      path.join(dir, 'storefront.yaml'),
      'version: 1\ncampaign: Volume\nchannels:\n  site:\n    kind: web\n    sources: [page.html]\nterms:\n  - avoid: ["guaranteed"]\n',
    );
    writeFileSync(path.join(dir, 'page.html'), `<html><body>${'<p>Results guaranteed.</p>\n'.repeat(2000)}</body></html>`);
    const report = await check('storefront.yaml', { cwd: dir, offline: true, today: '2026-01-01', maxFindings: 100 });
    expect(report.summary.warnings).toBe(2000);
    expect(report.findings).toHaveLength(101);
    expect(report.findings[100]).toMatchObject({ rule: 'term-avoid', source: 'page.html', omitted: 1900 });
    expect(JSON.parse(formatReport('json', report, { color: false })).findings[100].omitted).toBe(1900);
    const all = await check('storefront.yaml', { cwd: dir, offline: true, today: '2026-01-01', maxFindings: 0 });
    expect(all.findings).toHaveLength(2000);
    // The default (10,000) lists every finding real copy gives.
    expect(DEFAULT_MAX_FINDINGS).toBe(10_000);
    const byDefault = await check('storefront.yaml', { cwd: dir, offline: true, today: '2026-01-01' });
    expect(byDefault.findings).toHaveLength(2000);
  });
});
