// reviewdog's Diagnostic Format (rdjson, the DiagnosticResult message of reviewdog.proto), so
// reviewdog can post findings as review comments on the changed lines of a pull request.
// reviewdog renders messages as markdown in those comments: copy text is escaped for it.
import { ruleDocUrl } from '../findings/rules.js';
import type { Finding, Report } from '../findings/types.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../spec/types.js';
import type { FormatOptions } from './index.js';
import { findingDetails, findingFile, isUrlSource } from './finding-place.js';
import { escapeMarkdown } from './markdown.js';

type RdSeverity = 'ERROR' | 'WARNING' | 'INFO';
const SEVERITY: Record<Severity, RdSeverity> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

interface Position {
  line: number;
  /** In UTF-8 bytes, as reviewdog counts (storefront counts UTF-16 units). */
  column?: number;
}

type SourceText = (file: string) => string | undefined;

/** Files as UTF-8 text, read once each; undefined when unreadable or not UTF-8. */
function cachedReader(read: SourceText): SourceText {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, read(file));
    return cache.get(file);
  };
}

// The BOM is kept: it is 3 bytes of the file that storefront's columns do not count.
const utf8Reader = (cwd: string): SourceText => (file) => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path.resolve(cwd, file)));
  } catch {
    return undefined;
  }
};

/**
 * A UTF-16 column of a line as a UTF-8 byte column. A file that is not UTF-8 (a legacy
 * charset) keeps the column as it is: one byte per character there.
 */
export function utf8Column(text: string | undefined, line: number, column: number): number {
  if (text === undefined) return column;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return column;
    start = next + 1;
  }
  // A BOM is no character of line 1 for storefront, but is 3 bytes of the file.
  if (line === 1 && text.charCodeAt(0) === 0xfeff) start = 1;
  const before = text.slice(start, start + column - 1);
  return Buffer.byteLength(before, 'utf8') + (line === 1 && start === 1 ? 3 : 0) + 1;
}

export interface RdDiagnostic {
  message: string;
  location: { path: string; range?: { start: Position } };
  severity: RdSeverity;
  source: { name: string };
  /** reviewdog links the code to `url` in its comments. */
  code: { value: string; url: string };
  /** A mechanical correction reviewdog can offer as a suggested change. */
  suggestions?: Array<{ range: { start: Position; end: Position }; text: string }>;
}

export interface RdResult {
  source: { name: string };
  severity?: RdSeverity;
  diagnostics: RdDiagnostic[];
}

function diagnostic(report: Report, finding: Finding, sourceText: SourceText): RdDiagnostic {
  const file = findingFile(report, finding);
  // A URL is no file of the pull request; reviewdog still lists it outside the diff.
  const path = file ?? finding.source ?? report.spec;
  const line = finding.source !== undefined ? finding.location?.line : undefined;
  const utf16 = finding.location?.column;
  const column = utf16 !== undefined && line !== undefined && file !== undefined ? utf8Column(sourceText(file), line, utf16) : utf16;
  const start: Position | undefined = line !== undefined && line >= 1 ? { line, ...(column !== undefined && column >= 1 ? { column } : {}) } : undefined;
  const where = finding.source !== undefined && isUrlSource(finding.source) ? `${finding.source}: ` : '';
  const text = [`${where}${finding.message}`, ...findingDetails(finding)].map(escapeMarkdown).join('\n');
  return {
    message: `${text}\n(${escapeMarkdown(finding.channel)})`,
    location: { path, ...(start ? { range: { start } } : {}) },
    severity: SEVERITY[finding.severity],
    source: { name: 'storefront' },
    code: { value: finding.rule, url: ruleDocUrl(finding.rule) },
    ...(finding.fix && file !== undefined ? { suggestions: [{ range: bytesRange(finding.fix.range, sourceText(file)), text: finding.fix.replacement }] } : {}),
  };
}

/** A fix's range with its UTF-16 columns counted in UTF-8 bytes, as reviewdog reads them. */
function bytesRange(range: { start: Position; end: Position }, text: string | undefined): { start: Position; end: Position } {
  const at = (p: Position): Position => ({ line: p.line, column: utf8Column(text, p.line, p.column ?? 1) });
  return { start: at(range.start), end: at(range.end) };
}

/**
 * The report as a DiagnosticResult. Findings accepted by a spec exception are left out: a
 * review comment asks for a change, and an accepted drift asks for none (every other
 * format still lists them).
 */
export function rdjsonResult(report: Report, options: Partial<FormatOptions> = {}): RdResult {
  const sourceText = cachedReader(utf8Reader(options.cwd ?? process.cwd()));
  const diagnostics = report.findings.filter((f) => !f.suppressed).map((f) => diagnostic(report, f, sourceText));
  const worst = (['ERROR', 'WARNING', 'INFO'] as const).find((s) => diagnostics.some((d) => d.severity === s));
  return { source: { name: 'storefront' }, ...(worst ? { severity: worst } : {}), diagnostics };
}

export function formatRdjson(report: Report, options: Partial<FormatOptions> = {}): string {
  return `${JSON.stringify(rdjsonResult(report, options), null, 2)}\n`;
}
