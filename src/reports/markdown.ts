// A pull-request comment or job summary: verdict, counts, the messages × channels matrix, the
// first findings as a list and the rest folded away. Copy comes from pages and mail, so every
// piece of it is escaped: it must not open HTML, break a table, or @mention anyone. The whole
// stays under GitHub's comment limit.
import { ruleDocUrl } from '../findings/rules.js';
import { FACT_LEGEND, factCellText, factChannels } from './fact-cells.js';
import type { CoverageEntry, Finding, Report } from '../findings/types.js';
import { roundScore } from './json.js';
import { append, maxOf } from './lists.js';

/** GitHub refuses comments longer than 65,536 characters; keep room for a wrapper. */
export const MARKDOWN_LIMIT = 65_000;
const TOP = 10;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Inline text: rendered literally, on one line, safe inside a table cell. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(CONTROL, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~$]/g, '\\$&')
      // A zero-width joiner after @ keeps "@team" readable but never a mention.
      .replace(/@(?=[\w-])/g, '@\u200d')
  );
}

/** Inline code that no backtick in the text can close early. */
function code(text: string): string {
  const clean = text.replace(CONTROL, ' ');
  const run = maxOf(Array.from(clean.matchAll(/`+/g), (m) => m[0].length), 0);
  const fence = '`'.repeat(run + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function cell(entry: CoverageEntry | undefined): string {
  if (!entry) return '';
  const score = entry.score !== undefined && Number.isFinite(entry.score) ? ` ${roundScore(entry.score).toFixed(2)}` : '';
  switch (entry.status) {
    case 'present':
      return `✓${score}`;
    case 'drift':
      return `~${score}`;
    case 'negated':
      return '✗ negated';
    case 'missing':
      return '✗ missing';
    default:
      return '?';
  }
}

function channelOrder(report: Report): string[] {
  const order = [...(report.channels ?? [])];
  for (const row of Object.values(report.coverage)) for (const ch of Object.keys(row)) if (!order.includes(ch)) order.push(ch);
  return order;
}

function matrix(report: Report): string[] {
  const messages = Object.keys(report.coverage);
  if (!messages.length) return [];
  const channels = channelOrder(report);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['message', ...channels.map(escapeMarkdown)]),
    row(['---', ...channels.map(() => ':-:')]),
    ...messages.map((m) => {
      const entries = report.coverage[m];
      return row([escapeMarkdown(m), ...channels.map((ch) => cell(Object.hasOwn(entries, ch) ? entries[ch] : undefined))]);
    }),
    '',
    '✓ present · ~ drift (score) · ✗ missing or negated · ? unknown (no readable source) · blank: not required',
    '',
  ];
}

/** Facts × channels: the value each channel states, and whether it agrees with the spec. */
function factMatrixTable(report: Report): string[] {
  const rows = report.facts ?? [];
  if (!rows.length) return [];
  const channels = factChannels(rows, report.channels ?? []);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['fact', 'spec', ...channels.map(escapeMarkdown)]),
    row(['---', '---', ...channels.map(() => ':-:')]),
    ...rows.map((r) =>
      row([
        r.from === 'spec' ? escapeMarkdown(r.fact) : `${escapeMarkdown(r.fact)} _(no fact)_`,
        escapeMarkdown(r.expected),
        ...channels.map((ch) => (Object.hasOwn(r.channels, ch) ? escapeMarkdown(factCellText(r.channels[ch])) : '')),
      ]),
    ),
    '',
    FACT_LEGEND,
    '',
  ];
}

function place(finding: Finding): string {
  if (finding.source === undefined) return 'whole channel';
  const line = finding.location?.line;
  const at = line !== undefined ? `:${line}${finding.location?.column !== undefined ? `:${finding.location.column}` : ''}` : '';
  return code(`${finding.source}${at}`);
}

function findingItem(finding: Finding, n: number): string {
  const badge = finding.suppressed ? `accepted (${finding.suppressed.severity})` : finding.severity;
  const values: string[] = [];
  if (finding.expected !== undefined) values.push(`expected ${escapeMarkdown(finding.expected)}`);
  if (finding.found !== undefined) values.push(`found ${escapeMarkdown(finding.found)}`);
  const detail = values.length ? ` — ${values.join(', ')}` : '';
  const reason = finding.suppressed ? ` — accepted: ${escapeMarkdown(finding.suppressed.reason)}` : '';
  return `${n}. **${badge}** [${code(finding.rule)}](${ruleDocUrl(finding.rule)}) · ${escapeMarkdown(finding.channel)} · ${place(finding)}: ${escapeMarkdown(finding.message)}${detail}${reason}`;
}

function header(report: Report): string[] {
  const { errors, warnings, infos, sources, failedSources, passed } = report.summary;
  const accepted = report.findings.filter((f) => f.suppressed).length;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(infos, 'info'), `${plural(sources, 'source')} checked`];
  if (failedSources) parts.push(`${failedSources} unreadable`);
  if (accepted) parts.push(`${accepted} accepted by spec exceptions`);
  return [`## ${passed ? '✓ passed' : '✗ failed'}: ${escapeMarkdown(report.campaign)}`, '', `${parts.join(' · ')} — storefront, ${code(report.spec)}`, ''];
}

/** Joins sections, folding findings away from the end until the text fits the limit. */
function fit(head: string[], items: string[], limit: number): string {
  const size = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  const build = (shown: number) => {
    const top = items.slice(0, Math.min(TOP, shown));
    const rest = items.slice(TOP, shown);
    const hidden = items.length - shown;
    const lines = [...head];
    if (items.length) append(lines, ['### Findings', '', ...top, '']);
    if (rest.length) append(lines, [`<details><summary>${plural(rest.length, 'more finding')}</summary>`, '', ...rest, '', '</details>', '']);
    if (hidden) lines.push(`_${plural(hidden, 'finding')} not shown to stay within the comment size limit: see the full report (\`--format html\` or \`json\`)._`, '');
    return lines;
  };
  let shown = items.length;
  let lines = build(shown);
  // Drop the longest tail first in big steps, then one at a time: linear in the findings.
  while (shown > 0 && size(lines) > limit) {
    const excess = size(lines) - limit;
    let cut = 0;
    let freed = 0;
    while (shown - cut > 0 && freed < excess) freed += items[shown - ++cut].length + 1;
    shown -= Math.max(1, cut);
    lines = build(shown);
  }
  const text = lines.join('\n');
  return text.length > limit ? `${text.slice(0, limit - 2)}…\n` : text;
}

export function formatMarkdown(report: Report): string {
  const items = report.findings.map((f, i) => findingItem(f, i + 1));
  return fit([...header(report), ...matrix(report), ...factMatrixTable(report)], items, MARKDOWN_LIMIT);
}
