// reviewdog's Diagnostic Format (rdjson, the DiagnosticResult message of reviewdog.proto), so
// reviewdog can post findings as review comments on the changed lines of a pull request.
// reviewdog renders messages as markdown in those comments: copy text is escaped for it.
import type { Finding, Report } from '../findings/types.js';
import type { Severity } from '../spec/types.js';
import { findingDetails, findingFile, isUrlSource } from './finding-place.js';
import { escapeMarkdown } from './markdown.js';

type RdSeverity = 'ERROR' | 'WARNING' | 'INFO';
const SEVERITY: Record<Severity, RdSeverity> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

interface Position {
  line: number;
  /** reviewdog counts UTF-8 bytes; storefront counts UTF-16 units: the same on ASCII lines. */
  column?: number;
}

export interface RdDiagnostic {
  message: string;
  location: { path: string; range?: { start: Position } };
  severity: RdSeverity;
  source: { name: string };
  code: { value: string };
  /** A mechanical correction reviewdog can offer as a suggested change. */
  suggestions?: Array<{ range: { start: Position; end: Position }; text: string }>;
}

export interface RdResult {
  source: { name: string };
  severity?: RdSeverity;
  diagnostics: RdDiagnostic[];
}

function diagnostic(report: Report, finding: Finding): RdDiagnostic {
  const file = findingFile(report, finding);
  // A URL is no file of the pull request; reviewdog still lists it outside the diff.
  const path = file ?? finding.source ?? report.spec;
  const line = finding.source !== undefined ? finding.location?.line : undefined;
  const column = finding.location?.column;
  const start: Position | undefined = line !== undefined && line >= 1 ? { line, ...(column !== undefined && column >= 1 ? { column } : {}) } : undefined;
  const where = finding.source !== undefined && isUrlSource(finding.source) ? `${finding.source}: ` : '';
  const text = [`${where}${finding.message}`, ...findingDetails(finding)].map(escapeMarkdown).join('\n');
  return {
    message: `${text}\n(${escapeMarkdown(finding.channel)})`,
    location: { path, ...(start ? { range: { start } } : {}) },
    severity: SEVERITY[finding.severity],
    source: { name: 'storefront' },
    code: { value: finding.rule },
    ...(finding.fix && file !== undefined ? { suggestions: [{ range: finding.fix.range, text: finding.fix.replacement }] } : {}),
  };
}

/**
 * The report as a DiagnosticResult. Findings accepted by a spec exception are left out: a
 * review comment asks for a change, and an accepted drift asks for none (every other
 * format still lists them).
 */
export function rdjsonResult(report: Report): RdResult {
  const diagnostics = report.findings.filter((f) => !f.suppressed).map((f) => diagnostic(report, f));
  const worst = (['ERROR', 'WARNING', 'INFO'] as const).find((s) => diagnostics.some((d) => d.severity === s));
  return { source: { name: 'storefront' }, ...(worst ? { severity: worst } : {}), diagnostics };
}

export function formatRdjson(report: Report): string {
  return `${JSON.stringify(rdjsonResult(report), null, 2)}\n`;
}
