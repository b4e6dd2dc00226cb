// The JSON report of SPEC.md §5: keys in the contract's order, absent fields omitted,
// the same input giving the same bytes.
import type { CoverageEntry, Finding, Report, SourceSummary } from '../findings/types.js';

/** Copies the listed keys in this order, leaving out undefined ones. */
function ordered<T extends object>(value: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function reportToJson(report: Report): object {
  const coverage: Record<string, Record<string, Partial<CoverageEntry>>> = {};
  for (const [message, row] of Object.entries(report.coverage)) {
    coverage[message] = {};
    for (const [channel, entry] of Object.entries(row)) {
      coverage[message][channel] = ordered({ ...entry, score: entry.score === undefined ? undefined : round(entry.score) }, ['status', 'score', 'source']);
    }
  }
  return {
    version: report.version,
    campaign: report.campaign,
    spec: report.spec,
    summary: ordered(report.summary, ['errors', 'warnings', 'infos', 'sources', 'failedSources', 'passed']),
    sources: report.sources.map((s) => ordered<SourceSummary>(s, ['id', 'channel', 'kind', 'status', 'language', 'error'])),
    findings: report.findings.map((f) => ({
      ...ordered<Finding>(f, ['rule', 'severity', 'channel', 'source', 'subject', 'expected', 'found', 'excerpt']),
      ...(f.location ? { location: ordered(f.location, ['part', 'line', 'column']) } : {}),
      message: f.message,
    })),
    coverage,
  };
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}
