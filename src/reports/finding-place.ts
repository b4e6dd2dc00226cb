// What every CI format says about a finding the same way: which file it is in (from the
// directory the check ran in) and the lines that explain it.
import path from 'node:path';
import type { Finding, Report } from '../findings/types.js';

/** A source id that is a fetched URL rather than a path relative to the spec's folder. */
export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * The file a finding is about, as a path from the working directory the check ran in
 * (where `report.spec` is relative to; in CI, the repository root): the source file, or the
 * spec itself for a channel-wide finding, since the spec is where that requirement is
 * written. Undefined for a URL source, which is no file of the repository.
 */
export function findingFile(report: Report, finding: Finding): string | undefined {
  if (finding.source === undefined) return report.spec;
  if (isUrlSource(finding.source)) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(report.spec), finding.source));
}

/** The explanation lines every CI format shares: message, expected vs found, acceptance. */
export function findingDetails(finding: Finding): string[] {
  const lines: string[] = [];
  if (finding.expected !== undefined) lines.push(`expected: ${finding.expected}`);
  if (finding.found !== undefined) lines.push(`found: ${finding.found}`);
  if (finding.suppressed) lines.push(`accepted by a spec exception (${finding.suppressed.severity} otherwise): ${finding.suppressed.reason}`);
  return lines;
}
