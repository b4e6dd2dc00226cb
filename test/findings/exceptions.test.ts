// Accepted exceptions on the example campaign: an accepted drift is reported as suppressed
// info and never fails; exceptions that expired or match nothing are reported themselves.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/check.js';
import { loadSpec } from '../../src/spec/load.js';
import type { Exception } from '../../src/spec/types.js';

const example = fileURLToPath(new URL('../../fixtures/example/storefront.yaml', import.meta.url));

async function runWith(exceptions: Exception[], today = '2026-11-23') {
  const spec = await loadSpec(example);
  return checkSpec({ ...spec, exceptions }, { offline: true, today });
}

const drift: Exception = { rule: 'message-drift', channel: 'instagram', subject: 'headline', reason: 'Instagram copy was approved shorter' };

describe('accepted exceptions', () => {
  it('turns the matching finding into suppressed info, keeping its original severity and the reason', async () => {
    const before = await runWith([]);
    const after = await runWith([drift]);
    const original = before.findings.find((f) => f.rule === 'message-drift')!;
    const accepted = after.findings.find((f) => f.rule === 'message-drift')!;
    expect(original.severity).toBe('warning');
    expect(accepted).toEqual({ ...original, severity: 'info', suppressed: { reason: drift.reason, severity: 'warning' } });
    expect(after.findings).toHaveLength(before.findings.length);
    expect(after.summary).toMatchObject({ warnings: before.summary.warnings - 1, infos: 1, suppressed: 1 });
  });

  it('never fails a run, even at fail-on info', async () => {
    const spec = await loadSpec(example);
    const all = (await checkSpec(spec, { offline: true })).findings;
    const exceptions = all.map((f) => ({ rule: f.rule, channel: f.channel, subject: f.subject, source: f.source, reason: 'accepted for the test' }));
    const report = await checkSpec({ ...spec, exceptions }, { offline: true, failOn: 'info', today: '2026-11-23' });
    expect(report.findings.every((f) => f.suppressed && f.severity === 'info')).toBe(true);
    expect(report.summary.passed).toBe(true);
  });

  it('matches on rule, channel, subject and source: a near miss suppresses nothing and is reported unused', async () => {
    const report = await runWith([{ ...drift, channel: 'x' }, { ...drift, source: 'social/other.csv' }]);
    expect(report.findings.filter((f) => f.suppressed)).toEqual([]);
    const unused = report.findings.filter((f) => f.rule === 'exception-unused');
    expect(unused.map((f) => [f.channel, f.severity, f.source, f.subject])).toEqual([
      ['x', 'warning', 'storefront.yaml', 'headline'],
      ['instagram', 'warning', 'storefront.yaml', 'headline'],
    ]);
    expect(unused[0].message).toBe('The exception for message-drift in x for "headline" matched no finding: remove it, or correct its rule, subject or source');
  });

  it('stops applying after its expiry day and says so', async () => {
    const expiring = { ...drift, expires: '2026-11-30' };
    expect((await runWith([expiring], '2026-11-30')).findings.some((f) => f.suppressed)).toBe(true);
    const late = await runWith([expiring], '2026-12-01');
    expect(late.findings.some((f) => f.suppressed)).toBe(false);
    expect(late.findings.find((f) => f.rule === 'exception-expired')).toMatchObject({
      channel: 'instagram',
      expected: 'until 2026-11-30',
      found: '2026-12-01',
      message: 'The exception for message-drift in instagram for "headline" expired on 2026-11-30: renew it with a new date or fix the copy',
    });
  });

  it('says nothing about exceptions for channels the run did not check', async () => {
    const spec = await loadSpec(example);
    const report = await checkSpec({ ...spec, exceptions: [{ ...drift, channel: 'x' }] }, { offline: true, channels: ['site'], today: '2026-11-23' });
    expect(report.findings.filter((f) => f.rule.startsWith('exception-'))).toEqual([]);
  });
});
