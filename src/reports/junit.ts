// JUnit XML, which every CI shows as a test report: one <testsuite> per channel, one
// <testcase> per channel × check. A check with findings fails and lists each one with what
// the spec expected and what the copy says; an unreadable source is an error (the check
// could not run); a check that cannot apply to the channel is skipped.
import { CHECK_NAMES, ruleDocUrl, ruleInfo, type CheckName } from '../findings/rules.js';
import { fails } from '../findings/summary.js';
import type { Finding, Report } from '../findings/types.js';
import { findingDetails } from './finding-place.js';

// XML 1.0 allows tab, LF, CR and U+0020 upwards, less lone surrogates and U+FFFE/U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content: the five specials escaped, characters XML cannot carry replaced by U+FFFD. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references so parsers keep them. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const attributes = (entries: Array<[string, string | number]>) => entries.map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`).join('');

function where(finding: Finding): string {
  const line = finding.location?.line;
  const at = line !== undefined ? `:${line}${finding.location?.column !== undefined ? `:${finding.location.column}` : ''}` : '';
  return finding.source !== undefined ? `${finding.source}${at}` : '(whole channel)';
}

function findingText(finding: Finding): string {
  const head = `[${finding.severity}] ${finding.rule} at ${where(finding)}: ${finding.message}`;
  const excerpt = finding.excerpt !== undefined ? [`excerpt: ${finding.excerpt}`] : [];
  const help = `help: ${ruleDocUrl(finding.rule)}`;
  return [head, ...[...findingDetails(finding), ...excerpt, help].map((line) => `  ${line}`)].join('\n');
}

const checkOf = (finding: Finding): CheckName => ruleInfo(finding.rule)?.check ?? 'sources';

type Outcome = { kind: 'passed' } | { kind: 'failure' | 'error'; findings: Finding[] } | { kind: 'skipped'; reason: string };

interface Case {
  check: CheckName;
  outcome: Outcome;
  /**
   * Findings that do not fail the case, in <system-out>: accepted by a spec exception, or
   * below the fail-on level (a warning on a green run is no failed test).
   */
  accepted: Finding[];
}

function channelOrder(report: Report): string[] {
  const order = [...(report.channels ?? [])];
  for (const f of report.findings) if (!order.includes(f.channel)) order.push(f.channel);
  return order;
}

/** Why a check cannot apply to a channel, if it cannot. */
function skipReason(report: Report, channel: string, check: CheckName): string | undefined {
  if (check === 'sources' || check === 'exceptions' || check === 'spec') return undefined;
  const sources = report.sources.filter((s) => s.channel === channel);
  if (sources.length && sources.every((s) => s.status === 'error')) return 'no source of this channel could be read';
  if (check === 'lengths' && sources.length && !sources.some((s) => s.kind === 'social')) return 'post lengths apply to social channels only';
  return undefined;
}

function channelCases(report: Report, channel: string, checks: readonly CheckName[]): Case[] {
  const mine = report.findings.filter((f) => f.channel === channel);
  return checks.map((check) => {
    const all = mine.filter((f) => checkOf(f) === check);
    const failOn = report.failOn ?? 'error';
    const failing = all.filter((f) => fails(f, failOn));
    const accepted = all.filter((f) => !fails(f, failOn));
    const reason = skipReason(report, channel, check);
    const outcome: Outcome = failing.length
      ? { kind: check === 'sources' ? 'error' : 'failure', findings: failing }
      : reason !== undefined
        ? { kind: 'skipped', reason }
        : { kind: 'passed' };
    return { check, outcome, accepted };
  });
}

function problem(outcome: Extract<Outcome, { findings: Finding[] }>): string {
  const [first, ...rest] = outcome.findings;
  const message = `${first.message}${rest.length ? ` (and ${rest.length} more)` : ''}`;
  const type = outcome.findings.some((f) => f.severity === 'error') ? 'error' : outcome.findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
  const body = outcome.findings.map(findingText).join('\n');
  return `      <${outcome.kind}${attributes([['message', message], ['type', type]])}>${xmlText(body)}</${outcome.kind}>`;
}

function testcase(channel: string, c: Case): string[] {
  const open = `    <testcase${attributes([['name', c.check], ['classname', `storefront.${channel}`]])}`;
  const inner: string[] = [];
  if (c.outcome.kind === 'failure' || c.outcome.kind === 'error') inner.push(problem(c.outcome));
  if (c.outcome.kind === 'skipped') inner.push(`      <skipped${attributes([['message', c.outcome.reason]])}/>`);
  if (c.accepted.length) inner.push(`      <system-out>${xmlText(c.accepted.map(findingText).join('\n'))}</system-out>`);
  return inner.length ? [`${open}>`, ...inner, '    </testcase>'] : [`${open}/>`];
}

const count = (cases: Case[], kind: Outcome['kind']) => cases.filter((c) => c.outcome.kind === kind).length;

function counts(cases: Case[]): Array<[string, number]> {
  return [
    ['tests', cases.length],
    ['failures', count(cases, 'failure')],
    ['errors', count(cases, 'error')],
    ['skipped', count(cases, 'skipped')],
  ];
}

export function formatJunit(report: Report): string {
  // The exceptions check is a test only where the spec uses exceptions.
  const usesExceptions = report.findings.some((f) => f.suppressed || checkOf(f) === 'exceptions');
  const warnsOfSpec = report.findings.some((f) => checkOf(f) === 'spec');
  const checks = CHECK_NAMES.filter((c) => (c !== 'exceptions' || usesExceptions) && (c !== 'spec' || warnsOfSpec));
  const suites = channelOrder(report).map((channel) => ({ channel, cases: channelCases(report, channel, checks) }));
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes([['name', `storefront: ${report.campaign}`], ...counts(all)])}>`,
    ...suites.flatMap(({ channel, cases }) => [
      `  <testsuite${attributes([['name', channel], ...counts(cases)])}>`,
      ...cases.flatMap((c) => testcase(channel, c)),
      '  </testsuite>',
    ]),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}
