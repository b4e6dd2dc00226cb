// The terminal report: findings grouped by channel and source, like ESLint's stylish,
// then the messages × channels coverage table and a summary line.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CoverageEntry, Finding, Report } from '../findings/types.js';
import type { FormatOptions } from './index.js';
import { clipExcerpt, isolate, padVisible, visibleLength } from './text.js';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

function severityColor(c: ChalkInstance, severity: Finding['severity']) {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue;
}

function findingLines(f: Finding, c: ChalkInstance): string[] {
  const where = f.location?.line ? `${f.location.line}:${f.location.column ?? 1}` : '';
  const part = f.location?.part ? c.dim(`[${f.location.part}]`) : '';
  const head = [severityColor(c, f.severity)(`${MARK[f.severity]} ${f.severity}`), where, part, f.message, c.dim(f.rule)].filter(Boolean).join('  ');
  const lines = [`  ${head}`];
  if (f.expected !== undefined || f.found !== undefined) {
    const pieces = [];
    if (f.expected !== undefined) pieces.push(`expected ${c.green(isolate(f.expected))}`);
    if (f.found !== undefined) pieces.push(`found ${c.red(isolate(f.found))}`);
    lines.push(`      ${pieces.join('  ')}`);
  }
  if (f.excerpt) {
    const { before, hit, after } = clipExcerpt(f.excerpt, f.highlight);
    const marked = hit ? (c.level > 0 ? c.bold.inverse(hit) : `»${hit}«`) : '';
    lines.push(`      ${c.dim('│')} ${isolate(before + marked + after)}`);
  }
  return lines;
}

const CELL: Record<CoverageEntry['status'], (e: CoverageEntry, c: ChalkInstance) => string> = {
  present: (e, c) => c.green(`✓ ${e.score?.toFixed(2) ?? ''}`.trim()),
  drift: (e, c) => c.yellow(`~ ${e.score?.toFixed(2) ?? ''}`.trim()),
  negated: (_, c) => c.red('¬ negated'),
  missing: (_, c) => c.red('✗ missing'),
  unknown: (_, c) => c.dim('? unread'),
};

function coverageTable(report: Report, c: ChalkInstance): string[] {
  const messages = Object.keys(report.coverage);
  if (!messages.length) return [];
  const header = ['message', ...report.channels];
  const rows = messages.map((m) => [m, ...report.channels.map((ch) => (report.coverage[m][ch] ? CELL[report.coverage[m][ch].status](report.coverage[m][ch], c) : c.dim('·')))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => visibleLength(r[i]))));
  const line = (cells: string[]) => cells.map((cell, i) => padVisible(cell, widths[i])).join('  ').trimEnd();
  return [c.bold('Coverage'), `  ${line(header.map((h) => c.dim(h)))}`, ...rows.map((r) => `  ${line(r)}`)];
}


export function formatPretty(report: Report, options: FormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [`${c.bold(report.campaign)} ${c.dim(`(${report.spec})`)}`, ''];
  for (const channel of report.channels) {
    const findings = report.findings.filter((f) => f.channel === channel);
    if (!findings.length) continue;
    out.push(c.bold.underline(channel));
    const bySource = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = f.source ?? '';
      bySource.set(key, [...(bySource.get(key) ?? []), f]);
    }
    for (const [source, group] of [...bySource].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0))) {
      out.push(source ? ` ${c.cyan(source)}` : ` ${c.dim('(whole channel)')}`);
      for (const f of group) out.push(...findingLines(f, c));
    }
    out.push('');
  }
  const table = coverageTable(report, c);
  if (table.length) out.push(...table, '');
  const failed = report.sources.filter((s) => s.status === 'error');
  if (failed.length) {
    out.push(c.bold('Unreadable sources'));
    for (const s of failed) out.push(`  ${c.red('✖')} ${s.id}: ${s.error ?? 'unreadable'}`);
    out.push('');
  }
  const { errors, warnings, infos, sources, failedSources, passed } = report.summary;
  const total = errors + warnings + infos;
  const counts = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'}) in ${sources} source${sources === 1 ? '' : 's'}${failedSources ? `, ${failedSources} unreadable` : ''}`;
  out.push(passed ? c.green(`✔ passed: ${counts}`) : c.red.bold(`✖ failed: ${counts}`));
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}
