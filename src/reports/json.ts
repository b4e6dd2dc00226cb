// The JSON report of SPEC.md §5. Every object is built here key by key in the contract's
// order, so the bytes depend on the report's values only, never on how it was assembled;
// absent optional fields are left out (never null), internal fields (highlight, channels) dropped.
import type { FactCell, FactRow } from '../findings/fact-matrix.js';
import type { CoverageEntry, Finding, Location, Report, SourceSummary, Summary } from '../findings/types.js';

/** Scores are shown to two decimals everywhere (the pretty table too). */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

type Json = string | number | boolean | JsonObject | Json[];
interface JsonObject {
  [key: string]: Json;
}

/** Sets `key` only when there is a value: JSON reports omit what is unknown. */
function put(target: JsonObject, key: string, value: Json | undefined): void {
  if (value !== undefined) target[key] = value;
}

function summaryJson(s: Summary): JsonObject {
  const out: JsonObject = {
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    sources: s.sources,
    failedSources: s.failedSources,
    passed: s.passed,
  };
  // Additive to the contract, and only when there is something to say.
  if (s.suppressed) out.suppressed = s.suppressed;
  return out;
}

function sourceJson(s: SourceSummary): JsonObject {
  const out: JsonObject = { id: s.id, channel: s.channel, kind: s.kind, status: s.status, language: s.language };
  put(out, 'error', s.error);
  return out;
}

function locationJson(l: Location): JsonObject {
  const out: JsonObject = { part: l.part };
  put(out, 'line', l.line);
  put(out, 'column', l.column);
  return out;
}

function findingJson(f: Finding): JsonObject {
  const out: JsonObject = { rule: f.rule, severity: f.severity, channel: f.channel };
  put(out, 'source', f.source);
  put(out, 'subject', f.subject);
  put(out, 'expected', f.expected);
  put(out, 'found', f.found);
  put(out, 'excerpt', f.excerpt);
  put(out, 'location', f.location && locationJson(f.location));
  out.message = f.message;
  if (f.suppressed) out.suppressed = { reason: f.suppressed.reason, severity: f.suppressed.severity };
  put(out, 'omitted', f.omitted);
  if (f.fix) {
    const { start, end } = f.fix.range;
    out.fix = { replacement: f.fix.replacement, range: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } } };
  }
  return out;
}

function coverageEntryJson(e: CoverageEntry): JsonObject {
  const out: JsonObject = { status: e.status };
  // A NaN or infinite score would serialize as null, which the contract never allows.
  put(out, 'score', e.score !== undefined && Number.isFinite(e.score) ? roundScore(e.score) : undefined);
  put(out, 'source', e.source);
  return out;
}

/** Channels in the spec's order, then any others in the order met. */
function orderedChannels(row: Record<string, CoverageEntry>, channels: readonly string[]): string[] {
  const known = channels.filter((ch) => Object.hasOwn(row, ch));
  const extra = Object.keys(row).filter((ch) => !channels.includes(ch));
  return [...known, ...extra];
}

// Message ids and channel names are the user's own: a key like "__proto__" must stay a key.
const dictionary = (): JsonObject => Object.create(null) as JsonObject;

function coverageJson(report: Report): JsonObject {
  const out = dictionary();
  for (const [message, row] of Object.entries(report.coverage)) {
    const cells = dictionary();
    for (const channel of orderedChannels(row, report.channels ?? [])) cells[channel] = coverageEntryJson(row[channel]);
    out[message] = cells;
  }
  return out;
}

function factCellJson(cell: FactCell): JsonObject {
  return {
    status: cell.status,
    values: cell.values.map((v) => {
      const out: JsonObject = { value: v.value, raw: v.raw };
      put(out, 'source', v.source);
      put(out, 'location', v.location && locationJson(v.location));
      return out;
    }),
  };
}

function factRowJson(row: FactRow, channels: readonly string[]): JsonObject {
  const out: JsonObject = { fact: row.fact, from: row.from };
  put(out, 'type', row.type);
  out.expected = row.expected;
  const cells = dictionary();
  for (const channel of orderedChannels(row.channels as unknown as Record<string, CoverageEntry>, channels)) cells[channel] = factCellJson(row.channels[channel]);
  out.channels = cells;
  return out;
}

/** The report as the plain object that §5 describes, and the additive `facts` matrix. */
export function reportToJson(report: Report): JsonObject {
  const out: JsonObject = {
    version: report.version,
    campaign: report.campaign,
    spec: report.spec,
    summary: summaryJson(report.summary),
    sources: report.sources.map(sourceJson),
    findings: report.findings.map(findingJson),
    coverage: coverageJson(report),
  };
  if (report.facts) out.facts = report.facts.map((row) => factRowJson(row, report.channels ?? []));
  return out;
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}
