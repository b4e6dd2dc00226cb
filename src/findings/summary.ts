import type { FailOn, Severity } from '../spec/types.js';
import type { Finding, SourceSummary, Summary } from './types.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a finding fails the run at this fail-on level. */
export function fails(finding: Finding, failOn: FailOn): boolean {
  // An accepted exception is reported but never fails, whatever the fail-on level.
  return failOn !== 'never' && !finding.suppressed && RANK[finding.severity] >= RANK[failOn];
}

export function summarize(findings: Finding[], sources: SourceSummary[], failOn: FailOn): Summary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    suppressed: findings.filter((f) => f.suppressed).length,
    sources: sources.length,
    failedSources: sources.filter((s) => s.status === 'error').length,
    passed: !findings.some((f) => fails(f, failOn)),
  };
}
