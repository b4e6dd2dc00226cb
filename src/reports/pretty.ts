// The terminal report: findings grouped by channel and source (like ESLint's stylish), then
// the messages × channels coverage table, unreadable sources and one summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import type { FactStatus } from '../findings/fact-matrix.js';
import { RULES, ruleDocUrl } from '../findings/rules.js';
import { FACT_LEGEND, factCellText, factChannels } from './fact-cells.js';
import type { CoverageEntry, CoverageStatus, Finding, Report } from '../findings/types.js';
import type { Severity } from '../spec/types.js';
import { clipExcerpt, clipText, display, isolate, padEndVisible, visibleWidth } from './highlight.js';
import type { FormatOptions } from './index.js';
import { append, maxOf } from './lists.js';
import { roundScore } from './json.js';

type Paint = (text: string) => string;

const SEVERITY: Record<Severity, { mark: string; paint: (c: ChalkInstance) => Paint }> = {
  error: { mark: '✖', paint: (c) => c.red },
  warning: { mark: '⚠', paint: (c) => c.yellow },
  info: { mark: 'ℹ', paint: (c) => c.blue },
};
const SEVERITY_WIDTH = 2 + 'warning'.length;
const GAP = '  ';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `line:column` when the reader knew it; else the part (subject, post, ...) says where. */
function whereText(f: Finding, c: ChalkInstance): string {
  const l = f.location;
  if (l?.line !== undefined) return l.column !== undefined ? `${l.line}:${l.column}` : `${l.line}`;
  return l?.part ? c.dim(display(l.part)) : '';
}

function findingBlock(f: Finding, whereWidth: number, c: ChalkInstance, color: boolean): string[] {
  const severity = SEVERITY[f.severity];
  const badge = padEndVisible(severity.paint(c)(`${severity.mark} ${f.severity}`), SEVERITY_WIDTH);
  const where = whereWidth ? padEndVisible(whereText(f, c), whereWidth) + GAP : '';
  const prefix = `    ${badge}${GAP}${where}`;
  const lines = [`${prefix}${display(f.message)}${GAP}${c.dim(f.rule)}`];
  // Detail lines start under the message, so the eye reads down one column.
  const indent = ' '.repeat(4 + SEVERITY_WIDTH + GAP.length + (whereWidth ? whereWidth + GAP.length : 0));
  const values: string[] = [];
  if (f.expected !== undefined) values.push(`expected: ${c.green(display(clipText(f.expected)))}`);
  if (f.found !== undefined) values.push(`found: ${c.red(display(clipText(f.found)))}`);
  if (values.length) lines.push(indent + values.join(GAP));
  // An accepted finding says who accepted it and why, or it reads like any other info.
  if (f.suppressed) lines.push(`${indent}${c.green('accepted')} ${c.dim(`(${f.suppressed.severity} otherwise)`)}: ${display(clipText(f.suppressed.reason))}`);
  if (f.excerpt) {
    const { before, hit, after } = clipExcerpt(f.excerpt, f.highlight);
    const marked = !hit ? '' : color ? c.bold.inverse(hit) : `»${hit}«`;
    lines.push(`${indent}${c.dim('│')} ${isolate(before + marked + after)}`);
  }
  return lines;
}

/** Channel names in the spec's order, then any others in the order they appear. */
function channelOrder(report: Report, seen: Iterable<string>): string[] {
  const known = report.channels ?? [];
  const order = [...known];
  for (const channel of seen) if (!order.includes(channel)) order.push(channel);
  return order;
}

function findingsSection(report: Report, c: ChalkInstance, color: boolean): string[] {
  // channel -> source ('' = channel-wide) -> findings, in one pass over the sorted findings.
  const groups = new Map<string, Map<string, Finding[]>>();
  for (const f of report.findings) {
    let bySource = groups.get(f.channel);
    if (!bySource) groups.set(f.channel, (bySource = new Map<string, Finding[]>([['', []]])));
    const key = f.source ?? '';
    const list = bySource.get(key);
    if (list) list.push(f);
    else bySource.set(key, [f]);
  }
  const out: string[] = [];
  for (const channel of channelOrder(report, groups.keys())) {
    const bySource = groups.get(channel);
    if (!bySource) continue;
    out.push(c.bold(display(channel)));
    for (const [source, findings] of bySource) {
      if (!findings.length) continue;
      out.push(`  ${source ? c.underline(display(source)) : c.dim('(whole channel)')}`);
      const whereWidth = maxOf(findings.map((f) => visibleWidth(whereText(f, c))), 0);
      for (const f of findings) append(out, findingBlock(f, whereWidth, c, color));
    }
    out.push('');
  }
  return out;
}

const CELL: Record<CoverageStatus, { mark: string; paint: (c: ChalkInstance) => Paint; scored: boolean }> = {
  present: { mark: '✓', paint: (c) => c.green, scored: true },
  drift: { mark: '~', paint: (c) => c.yellow, scored: true },
  negated: { mark: '¬', paint: (c) => c.red, scored: false },
  missing: { mark: '✗', paint: (c) => c.red, scored: false },
  unknown: { mark: '?', paint: (c) => c.magenta, scored: false },
};

function coverageCell(entry: CoverageEntry | undefined, c: ChalkInstance): string {
  if (!entry) return ''; // not required in this channel
  const cell = CELL[entry.status];
  const score = cell.scored && entry.score !== undefined && Number.isFinite(entry.score) ? ` ${roundScore(entry.score).toFixed(2)}` : '';
  return cell.paint(c)(cell.mark + score);
}

function coverageSection(report: Report, c: ChalkInstance): string[] {
  const messages = Object.keys(report.coverage);
  if (!messages.length) return [];
  const channels = channelOrder(report, messages.flatMap((m) => Object.keys(report.coverage[m])));
  const header = ['message', ...channels].map((name) => c.dim(display(name)));
  const rows = messages.map((m) => {
    const row = report.coverage[m];
    return [display(m), ...channels.map((ch) => coverageCell(Object.hasOwn(row, ch) ? row[ch] : undefined, c))];
  });
  const widths = header.map((_, i) => maxOf([header, ...rows].map((r) => visibleWidth(r[i])), 0));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => padEndVisible(cell, widths[i])).join(GAP)}`;
  const legend = Object.entries(CELL).map(([status, cell]) => `${cell.mark} ${status}`);
  return [c.bold('Coverage'), line(header), ...rows.map(line), c.dim(`  ${legend.join(GAP)}, blank: not required`), ''];
}

const FACT_PAINT: Record<FactStatus, (c: ChalkInstance) => Paint> = {
  agrees: (c) => c.green,
  differs: (c) => c.red,
  'not-stated': (c) => c.red,
  'not-required': (c) => c.dim,
  unknown: (c) => c.magenta,
};

/** Facts × channels: what each channel states for each fact. */
function factsSection(report: Report, c: ChalkInstance): string[] {
  const rows = report.facts ?? [];
  if (!rows.length) return [];
  const channels = factChannels(rows, report.channels ?? []);
  const header = ['fact', 'spec', ...channels].map((name) => c.dim(display(name)));
  const body = rows.map((row) => [
    display(row.from === 'spec' ? row.fact : `${row.fact} (no fact)`),
    display(clipText(row.expected)),
    ...channels.map((ch) => {
      const cell = Object.hasOwn(row.channels, ch) ? row.channels[ch] : undefined;
      return cell ? FACT_PAINT[cell.status](c)(display(clipText(factCellText(cell)))) : '';
    }),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => visibleWidth(r[i]))));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => padEndVisible(cell, widths[i])).join(GAP)}`;
  return [c.bold('Facts'), line(header), ...body.map(line), c.dim(`  ${FACT_LEGEND}`), ''];
}

function unreadableSection(report: Report, c: ChalkInstance): string[] {
  const failed = report.sources.filter((s) => s.status === 'error');
  if (!failed.length) return [];
  const lines = failed.map((s) => `  ${c.red('✖')} ${display(s.id)}: ${display(s.error ?? 'could not be read')}`);
  return [c.bold('Unreadable sources'), ...lines, ''];
}

/** Where to read about each rule that has findings, like ESLint's rule links. */
function rulesSection(report: Report, c: ChalkInstance): string[] {
  // In the rule table's order, not the findings'.
  const used = new Set<string>(report.findings.map((f) => f.rule));
  const rules = RULES.map((r) => r.id).filter((id) => used.has(id));
  if (!rules.length) return [];
  const width = Math.max(...rules.map((r) => r.length));
  return [c.bold('Rules'), ...rules.map((rule) => `  ${rule.padEnd(width)}${GAP}${c.dim(ruleDocUrl(rule))}`), ''];
}

function summaryLine(report: Report, c: ChalkInstance): string {
  const { errors, warnings, infos, sources, failedSources, passed } = report.summary;
  const problems = errors + warnings + infos;
  const unreadable = failedSources ? `, ${failedSources} unreadable` : '';
  const counts = problems
    ? `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`
    : 'no problems';
  const text = `${counts} in ${plural(sources, 'source')}${unreadable}`;
  return passed ? c.green(`✔ passed: ${text}`) : c.red.bold(`✖ failed: ${text}`);
}

// Trailing spaces can hide before the colour codes that close a line.
const TRAILING_SPACE = /[ \t]+((?:\u001b\[[0-9;]*m)*)$/;

export function formatPretty(report: Report, options: FormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [
    `${c.bold(display(report.campaign))} ${c.dim(`(${display(report.spec)})`)}`,
    '',
    ...findingsSection(report, c, options.color),
    ...coverageSection(report, c),
    ...factsSection(report, c),
    ...unreadableSection(report, c),
    ...rulesSection(report, c),
    summaryLine(report, c),
  ];
  return `${lines.map((l) => l.replace(TRAILING_SPACE, '$1')).join('\n')}\n`;
}
