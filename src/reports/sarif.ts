// SARIF 2.1.0, for GitHub code scanning and any other SARIF viewer. One rule descriptor per
// rule id; one result per finding. Every result carries a physical location when there is a
// file to point at and a logical one naming the channel, and a fingerprint that survives
// unrelated edits, so re-uploading a run updates alerts instead of duplicating them.
import { createHash } from 'node:crypto';
import type { Location, Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import { RULES, ruleIndex } from '../findings/rules.js';
import type { Finding, Report } from '../findings/types.js';
import type { Severity } from '../spec/types.js';
import { DOCS_URL, VERSION } from '../version.js';
import { findingDetails, findingFile, isUrlSource } from './finding-place.js';


/** The partialFingerprints key; bump the version if the recipe below ever changes. */
export const FINGERPRINT_KEY = 'storefront/v1';

/**
 * GitHub code scanning (and the CodeQL action) resolve a relative `uri` against the
 * repository root and do not consult `originalUriBaseIds`, so paths are written from the
 * working directory the check ran in (normally that root) under the conventional
 * %SRCROOT% base rather than from the spec's folder.
 */
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function ruleDescriptor(rule: (typeof RULES)[number]): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.help },
    help: { text: `${rule.help}\n\n${rule.helpUri}`, markdown: `${rule.help}\n\n[What fires it, what does not, how to fix it](${rule.helpUri})` },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['storefront', rule.check] },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function pathUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function urlUri(source: string): string {
  try {
    return new URL(source).href;
  } catch {
    return encodeURI(source);
  }
}

function physicalLocation(report: Report, finding: Finding): PhysicalLocation | undefined {
  const file = findingFile(report, finding);
  const source = finding.source;
  // SARIF forbids a uriBaseId on an absolute URI; GitHub shows the alert with the URL as its path.
  const artifactLocation =
    file !== undefined ? { uri: pathUri(file), uriBaseId: SRCROOT } : source !== undefined && isUrlSource(source) ? { uri: urlUri(source) } : undefined;
  if (!artifactLocation) return undefined;
  const line = finding.source !== undefined ? finding.location?.line : undefined;
  if (line === undefined || line < 1) return { artifactLocation };
  const column = finding.location?.column;
  return {
    artifactLocation,
    region: {
      startLine: line,
      ...(column !== undefined && column >= 1 ? { startColumn: column } : {}),
      ...(finding.excerpt ? { snippet: { text: finding.excerpt } } : {}),
    },
  };
}

function location(report: Report, finding: Finding): Location {
  const physical = physicalLocation(report, finding);
  const channel = { name: finding.channel, fullyQualifiedName: finding.channel, kind: 'module' };
  const logical = [channel];
  if (finding.source !== undefined) {
    const part = finding.location?.part;
    const name = part ? `${finding.source}#${part}` : finding.source;
    logical.push({ name, fullyQualifiedName: `${finding.channel}/${name}`, kind: isUrlSource(finding.source) ? 'resource' : 'element' });
  }
  return { ...(physical ? { physicalLocation: physical } : {}), logicalLocations: logical };
}

/**
 * What makes a finding the same finding in the next run: never its line or column, which
 * move whenever copy above it is edited. The nth finding with the same identity in report
 * order (sorted by line) gets `:n`, so two identical typos in one file stay two alerts.
 */
function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = [f.rule, f.channel, f.source ?? '', f.subject ?? '', f.found ?? ''].join('\u0000');
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function result(report: Report, finding: Finding, fingerprint: string): Result {
  const properties: Record<string, string> = { channel: finding.channel, severity: finding.severity };
  for (const key of ['source', 'subject', 'expected', 'found', 'excerpt'] as const) {
    const value = finding[key];
    if (value !== undefined) properties[key] = value;
  }
  return {
    ruleId: finding.rule,
    ruleIndex: ruleIndex(finding.rule),
    level: LEVEL[finding.severity],
    message: { text: [finding.message, ...findingDetails(finding)].join('\n') },
    locations: [location(report, finding)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.suppressed ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: finding.suppressed.reason }] } : {}),
    ...sarifFixes(report, finding),
    properties,
  };
}

/** A term variant's correction as a SARIF fix: one replacement in the finding's file. */
function sarifFixes(report: Report, finding: Finding): Pick<Result, 'fixes'> {
  const artifactLocation = physicalLocation(report, finding)?.artifactLocation;
  if (!finding.fix || !artifactLocation) return {};
  const { start, end } = finding.fix.range;
  return {
    fixes: [
      {
        description: { text: `Write "${finding.fix.replacement}"` },
        artifactChanges: [
          {
            artifactLocation,
            replacements: [{ deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }, insertedContent: { text: finding.fix.replacement } }],
          },
        ],
      },
    ],
  };
}

export function sarifLog(report: Report): Log {
  const prints = fingerprints(report.findings);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'storefront',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: `${DOCS_URL}/README.md`,
            rules: RULES.map(ruleDescriptor),
          },
        },
        automationDetails: { id: `storefront/${report.spec}/` },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f, i) => result(report, f, prints[i])),
        properties: { campaign: report.campaign, spec: report.spec, summary: { ...report.summary } },
      },
    ],
  };
}

export function formatSarif(report: Report): string {
  return `${JSON.stringify(sarifLog(report), null, 2)}\n`;
}
