// GitHub Actions workflow commands: one `::error|warning|notice …::` line per finding, which
// the runner turns into annotations on the files of a pull request. Values are escaped
// exactly as @actions/core escapes them, so copy text can never end a command early.
import { ruleDocUrl } from '../findings/rules.js';
import type { Finding, Report } from '../findings/types.js';
import type { Severity } from '../spec/types.js';
import { findingDetails, findingFile } from './finding-place.js';
import { printableLines } from './sanitize.js';

/** @actions/core's escapeData: the message after `::`. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core's escapeProperty: a `key=value` before `::`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function command(name: string, properties: Array<[string, string | number | undefined]>, message: string): string {
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(printableLines(String(value)))}`)
    .join(',');
  // The runner shows the raw line in the log too: no terminal sequence may ride in it.
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(printableLines(message))}`;
}

function annotation(report: Report, finding: Finding): string {
  const file = findingFile(report, finding);
  // Without a file the annotation shows on the run alone: say where the copy came from.
  const where = finding.source !== undefined && file === undefined ? `${finding.source}: ` : '';
  const message = [`${where}${finding.message}`, ...findingDetails(finding), `help: ${ruleDocUrl(finding.rule)}`].join('\n');
  const title = `${finding.suppressed ? 'accepted ' : ''}${finding.rule} (${finding.channel})`;
  const line = file !== undefined ? finding.location?.line : undefined;
  const col = line !== undefined ? finding.location?.column : undefined;
  return command(LEVEL[finding.severity], [['file', file], ['line', line], ['col', col], ['title', title]], message);
}

function summaryNotice(report: Report): string {
  const { errors, warnings, infos, sources, failedSources, passed } = report.summary;
  const unreadable = failedSources ? `, ${failedSources} unreadable` : '';
  const text = `${passed ? 'passed' : 'failed'}: ${errors} errors, ${warnings} warnings, ${infos} infos in ${sources} sources${unreadable}`;
  return command('notice', [['title', `storefront: ${report.campaign}`]], text);
}

export function formatGithub(report: Report): string {
  const lines = report.findings.map((f) => annotation(report, f));
  lines.push(summaryNotice(report));
  return `${lines.join('\n')}\n`;
}
