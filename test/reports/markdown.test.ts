// The markdown summary (PR comment, job summary) on the example campaign: verdict, counts,
// the coverage matrix cell by cell from the report, the top findings listed and the rest
// folded, copy escaped, and the whole kept under GitHub's comment limit.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { formatReport } from '../../src/reports/index.js';
import { escapeMarkdown, formatMarkdown, MARKDOWN_LIMIT } from '../../src/reports/markdown.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Table cells split on pipes that no backslash escapes, as GitHub's table parser does. */
const cells = (row: string) => row.slice(2, -2).split(/(?<!\\) \| /);

/** The rows of the n-th table of the comment (0: messages × channels, 1: facts × channels). */
function table(md: string, n = 0): string[][] {
  const blocks = md.split(/\n(?!\| )/).map((block) => block.split('\n').filter((l) => l.startsWith('| '))).filter((rows) => rows.length);
  return (blocks[n] ?? []).map(cells);
}

const items = (md: string) => md.split('\n').filter((l) => /^\d+\. \*\*/.test(l));

let report: Report;
beforeAll(async () => {
  report = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
});

function many(n: number, text = 'Run Fast'): Report {
  const base = report.findings.find((f) => f.rule === 'term-variant')!;
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({ ...base, found: `${text} ${i}`, location: { part: 'body', line: i + 1, column: 1 } }));
  return { ...report, findings };
}

describe('markdown report', () => {
  it('opens with the verdict and the counts', () => {
    const md = formatMarkdown(report);
    expect(formatReport('markdown', report, { color: false })).toBe(md);
    const [verdict, , counts] = md.split('\n');
    expect(verdict).toBe('## ✗ failed: RunFast Spring Sale 2026');
    expect(counts).toBe('4 errors · 4 warnings · 0 infos · 5 sources checked — storefront, `fixtures/example/storefront.yaml`');
    const passed = formatMarkdown({ ...report, findings: [], summary: { ...report.summary, errors: 0, warnings: 0, passed: true } });
    expect(passed.split('\n')[0]).toBe('## ✓ passed: RunFast Spring Sale 2026');
    expect(passed).not.toContain('### Findings');
  });

  it('draws the facts × channels matrix: the value each channel states and whether it agrees', () => {
    const rows = table(formatMarkdown(report), 1);
    expect(rows[0]).toEqual(['fact', 'spec', ...report.channels]);
    const byFact = Object.fromEntries(rows.slice(2).map((r) => [r[0], r.slice(1)]));
    expect(byFact['pro-price']).toEqual(['49.99 USD', '✓ 49.99 USD', '✗ 59.99 USD', '', '']);
    expect(byFact['promo-code']).toEqual(['SPRING30', '✓ SPRING30', '✓ SPRING30', '✗ SPRING30, SPRNG30', '']);
    // A value channels state differently that no fact covers has its row too.
    expect(byFact['within … day _(no fact)_']).toEqual(['30', '✓ 30', '✗ 14', '', '']);
    expect(Object.keys(byFact)).toEqual([...report.facts!.filter((f) => f.from === 'spec').map((f) => f.fact), 'within … day _(no fact)_']);
  });

  it('draws the messages × channels matrix from the coverage, cell by cell', () => {
    const rows = table(formatMarkdown(report));
    const channels = report.channels;
    expect(rows[0]).toEqual(['message', ...channels]);
    expect(rows[1]).toEqual(['---', ...channels.map(() => ':-:')]);
    const messages = Object.keys(report.coverage);
    expect(rows.slice(2).map((r) => r[0])).toEqual(messages);
    for (const [i, message] of messages.entries()) {
      channels.forEach((channel, j) => {
        const entry = report.coverage[message][channel];
        const shown = rows[i + 2][j + 1];
        if (!entry) return expect(shown).toBe('');
        const score = entry.score !== undefined ? ` ${(Math.round(entry.score * 100) / 100).toFixed(2)}` : '';
        const expected = { present: `✓${score}`, drift: `~${score}`, missing: '✗ missing', negated: '✗ negated', unknown: '?' }[entry.status];
        expect(shown, `${message} × ${channel}`).toBe(expected);
      });
    }
    // The example's known states: the instagram headline drifts, the reminder negates shipping.
    const headline = rows.find((r) => r[0] === 'headline')!;
    expect(headline[channels.indexOf('instagram') + 1]).toMatch(/^~ 0\.\d\d$/);
    expect(headline[channels.indexOf('site') + 1]).toBe('✓ 1.00');
  });

  it('lists the findings in report order with expected vs found', () => {
    const list = items(formatMarkdown(report));
    expect(list).toHaveLength(report.findings.length);
    expect(list[0]).toBe(
      // The rule links its page; `$` is escaped so GitHub never reads two prices as math.
      '1. **error** [`fact-mismatch`](https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/fact-mismatch.md) · newsletter · `email/launch.eml:37:20`: "pro-price" is 49.99 USD in the spec, but "\\$59.99" here — expected 49.99 USD, found 59.99 USD',
    );
    report.findings.forEach((f, i) => expect(list[i]).toContain(`\`${f.rule}\``));
    expect(formatMarkdown(report)).not.toContain('<details>');
  });

  it('folds everything after the first ten into <details>, and marks accepted and channel-wide findings', () => {
    const extras: Finding[] = [
      { rule: 'message-missing', severity: 'error', channel: 'x', subject: 'shipping', message: 'Key message "shipping" is not said in channel "x"' },
      { ...report.findings[0], severity: 'info', suppressed: { reason: 'Approved by legal', severity: 'error' } },
    ];
    const md = formatMarkdown({ ...many(11), findings: [...many(11).findings, ...extras] });
    const [top, folded] = md.split('<details><summary>3 more findings</summary>');
    expect(items(top)).toHaveLength(10);
    expect(items(folded.split('</details>')[0]).map((l) => l.split('.')[0])).toEqual(['11', '12', '13']);
    expect(md).toContain('12. **error** [`message-missing`](https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/message-missing.md) · x · whole channel: Key message "shipping"');
    expect(md).toContain('13. **accepted (error)** [`fact-mismatch`]');
    expect(md).toContain('— accepted: Approved by legal');
  });

  it('escapes dollar signs, so two prices on a line are never GitHub math', () => {
    expect(escapeMarkdown('Was $59.99, now $49.99')).toBe('Was \\$59.99, now \\$49.99');
  });

  it('escapes copy: no HTML, no broken table, no code span closed early, no @mention', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> | `x` *a* _b_ [l](u) @team ~s~ \\ a&b\nnext')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\| \\`x\\` \\*a\\* \\_b\\_ \\[l\\](u) @\u200dteam \\~s\\~ \\\\ a&amp;b next',
    );
    const hostile: Report = {
      ...report,
      campaign: '<script>alert(1)</script> @org/team',
      coverage: { 'a|b': { site: { status: 'present', score: 1 } } },
      channels: ['site'],
      findings: [{ ...report.findings[0], source: 'email/we`ird.eml', message: 'Say <b>hi</b> to @everyone' }],
    };
    const md = formatMarkdown(hostile);
    expect(md).not.toMatch(/<(script|b)>/);
    expect(md).not.toMatch(/@(org|everyone)/);
    expect(table(md)[2]).toEqual(['a\\|b', '✓ 1.00']);
    expect(md).toContain('``email/we`ird.eml:37:20``');
  });

  it('stays under the comment limit however many findings there are, and says what it left out', () => {
    const big = many(3000, 'x'.repeat(200));
    const md = formatMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.length).toBeGreaterThan(MARKDOWN_LIMIT - 2000); // it fills the room it has
    const shown = items(md).length;
    expect(shown).toBeLessThan(3000);
    expect(md).toContain(`_${3000 - shown} findings not shown to stay within the comment size limit`);
    expect(md.trimEnd().endsWith('._')).toBe(true);
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });
});
