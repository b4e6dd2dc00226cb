// A limit on findings per rule and source. One copy file can hold 500,000 variants of a term:
// listing each makes a 280 MB JSON and a log nobody reads. The first findings of each group
// are kept (in report order) and one more finding says how many were left out; the summary's
// counts and the verdict still count every finding.
import type { Severity } from '../spec/types.js';
import type { Finding } from './types.js';

/**
 * Findings listed per rule and source (a channel-wide finding's source is its channel): far
 * above what real copy gives (a term dictionary's own test page holds about a thousand
 * variants), far below what a hostile file can (500,000).
 */
export const DEFAULT_MAX_FINDINGS = 10_000;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const groupOf = (f: Finding) => `${f.rule}\u0000${f.channel}\u0000${f.source ?? ''}`;

/**
 * The first `max` findings of each rule and source, each group that had more followed by one
 * finding of the same rule that counts the rest (`omitted`), at the most severe of their
 * severities. `max` 0 keeps everything.
 */
export function capFindings(findings: readonly Finding[], max: number = DEFAULT_MAX_FINDINGS): Finding[] {
  if (max <= 0) return [...findings];
  const groups = new Map<string, { seen: number; omitted: number; severity: Severity }>();
  for (const f of findings) {
    const key = groupOf(f);
    const group = groups.get(key) ?? { seen: 0, omitted: 0, severity: 'info' as Severity };
    if (++group.seen > max) {
      group.omitted++;
      if (RANK[f.severity] > RANK[group.severity]) group.severity = f.severity;
    }
    groups.set(key, group);
  }
  const out: Finding[] = [];
  const listed = new Map<string, number>();
  for (const f of findings) {
    const key = groupOf(f);
    const n = (listed.get(key) ?? 0) + 1;
    listed.set(key, n);
    if (n > max) continue;
    out.push(f);
    const group = groups.get(key)!;
    if (n === max && group.omitted > 0) out.push(moreFinding(f, group.omitted, group.severity, max));
  }
  return out;
}

function moreFinding(last: Finding, omitted: number, severity: Severity, max: number): Finding {
  const where = last.source ?? `channel ${last.channel}`;
  return {
    rule: last.rule,
    severity,
    channel: last.channel,
    ...(last.source !== undefined ? { source: last.source } : {}),
    message: `+${omitted} more ${last.rule} finding${omitted === 1 ? '' : 's'} in ${where} not listed (at most ${max} per rule and source: --max-findings)`,
    omitted,
  };
}
