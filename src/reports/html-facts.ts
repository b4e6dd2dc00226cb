// The facts × channels matrix of the HTML page: for each fact, what each channel states and
// where, tinted like the message matrix; a cell that differs or is missing links to the card
// that explains it.
import type { FactCell, FactRow, FactStatus, FactValue } from '../findings/fact-matrix.js';
import type { Report } from '../findings/types.js';
import { FACT_MARK, factChannels } from './fact-cells.js';
import { html, type Markup } from './html-markup.js';

// The message matrix's tints: green agrees, red differs or is missing, grey not asked.
const TINT: Readonly<Record<FactStatus, string>> = { agrees: 'present', differs: 'missing', 'not-stated': 'missing', 'not-required': 'none', unknown: 'unknown' };
const LABEL: Readonly<Record<FactStatus, string>> = { agrees: 'agrees', differs: 'differs', 'not-stated': 'not stated', 'not-required': 'not required', unknown: 'unknown' };
const FACT_RULES = new Set(['fact-mismatch', 'fact-missing', 'cross-channel-conflict']);

function cardOf(report: Report, row: FactRow, channel: string): number | undefined {
  const i = report.findings.findIndex((f) => FACT_RULES.has(f.rule) && f.subject === row.fact && f.channel === channel);
  return i < 0 ? undefined : i + 1;
}

function place(v: FactValue): string {
  if (v.source === undefined) return '';
  return v.location?.line !== undefined ? `${v.source}:${v.location.line}` : v.source;
}

function cell(report: Report, row: FactRow, channel: string, entry: FactCell | undefined): Markup {
  const status: FactStatus = entry?.status ?? 'not-required';
  const mark = FACT_MARK[status] || '—';
  const card = status === 'differs' || status === 'not-stated' ? cardOf(report, row, channel) : undefined;
  const label = html`<span aria-hidden="true">${mark}</span> ${LABEL[status]}`;
  const values = (entry?.values ?? []).map(
    (v) => html`<li><bdi class="fact-value">${v.value}</bdi>${place(v) ? html` <bdi class="cell-source">${place(v)}</bdi>` : ''}</li>`,
  );
  return html`<td class="st-${TINT[status]}" data-status="${status}"><span class="cell-status">${card === undefined ? label : html`<a href="#finding-${card}">${label}</a>`}</span>${
    values.length ? html`<ul class="fact-values">${values}</ul>` : ''
  }</td>`;
}

export function factsSection(report: Report): Markup {
  const rows = report.facts ?? [];
  if (!rows.length) return html``;
  const channels = factChannels(rows, report.channels ?? []);
  const body = rows.map(
    (row) => html`<tr data-fact="${row.fact}" data-from="${row.from}"><th scope="row"><bdi>${row.fact}</bdi>${row.from === 'cross-channel' ? html` <span class="no-fact">(no fact in the spec)</span>` : ''}</th><td><bdi>${row.expected}</bdi></td>${channels.map((ch) =>
      cell(report, row, ch, Object.hasOwn(row.channels, ch) ? row.channels[ch] : undefined),
    )}</tr>
`,
  );
  return html`<section aria-labelledby="facts">
<h2 id="facts">Facts × channels</h2>
<table class="fact-matrix">
<caption>What each channel states for each fact, and where; values are shown normalized (49.99 USD, 2026-04-30).</caption>
<thead><tr><th scope="col">Fact</th><th scope="col">Spec</th>${channels.map((ch) => html`<th scope="col"><bdi>${ch}</bdi></th>`)}</tr></thead>
<tbody>
${body}</tbody>
</table>
</section>`;
}
