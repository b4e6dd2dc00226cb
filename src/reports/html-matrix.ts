// The messages × channels coverage matrix: each cell says its status in a symbol and a word
// (readable in print and without colour vision) and is tinted by it, with the match score.
import type { CoverageEntry, CoverageStatus, Report } from '../findings/types.js';
import { html, type Markup } from './html-markup.js';
import { roundScore } from './json.js';

export const STATUS: Readonly<Record<CoverageStatus, { mark: string; label: string; scored: boolean }>> = {
  present: { mark: '✓', label: 'present', scored: true },
  drift: { mark: '~', label: 'drift', scored: true },
  negated: { mark: '¬', label: 'negated', scored: false },
  missing: { mark: '✗', label: 'missing', scored: false },
  unknown: { mark: '?', label: 'unknown', scored: false },
};

/** Channel names in the spec's order, then any others in the order they appear. */
export function channelOrder(report: Report, seen: Iterable<string>): string[] {
  const order = [...(report.channels ?? [])];
  for (const channel of seen) if (!order.includes(channel)) order.push(channel);
  return order;
}

const MESSAGE_RULES = new Set(['message-missing', 'message-drift', 'message-negated']);

/** The card (its 1-based place among the findings) that explains a cell's status, if any. */
function cardOf(report: Report, message: string, channel: string): number | undefined {
  const i = report.findings.findIndex((f) => MESSAGE_RULES.has(f.rule) && f.subject === message && f.channel === channel);
  return i < 0 ? undefined : i + 1;
}

function cell(entry: CoverageEntry | undefined, card: number | undefined): Markup {
  if (!entry) return html`<td class="st-none" data-status="none"><span aria-hidden="true">—</span> not required</td>`;
  const status = STATUS[entry.status] ?? STATUS.unknown;
  const score = status.scored && entry.score !== undefined && Number.isFinite(entry.score) ? roundScore(entry.score).toFixed(2) : undefined;
  const label = html`<span aria-hidden="true">${status.mark}</span> ${status.label}`;
  // A cell that is not plainly present leads to the finding that says why.
  const statusText = card === undefined ? label : html`<a href="#finding-${card}">${label}</a>`;
  return html`<td class="st-${entry.status}" data-status="${entry.status}"><span class="cell-status">${statusText}</span>${
    score === undefined ? '' : html` <span class="cell-score">${score}</span>`
  }${entry.source ? html`<bdi class="cell-source">${entry.source}</bdi>` : ''}</td>`;
}

export function matrixSection(report: Report): Markup {
  const messages = Object.keys(report.coverage);
  if (!messages.length) return html`<section aria-labelledby="coverage"><h2 id="coverage">Key messages × channels</h2><p>The spec lists no key messages.</p></section>`;
  const channels = channelOrder(report, messages.flatMap((m) => Object.keys(report.coverage[m])));
  const rows = messages.map((m) => {
    const row = report.coverage[m];
    return html`<tr><th scope="row"><bdi>${m}</bdi></th>${channels.map((ch) => cell(Object.hasOwn(row, ch) ? row[ch] : undefined, cardOf(report, m, ch)))}</tr>`;
  });
  const legend = Object.entries(STATUS).map(
    ([key, s]) => html`<li class="st-${key}"><span aria-hidden="true">${s.mark}</span> ${s.label}</li>`,
  );
  return html`<section aria-labelledby="coverage">
<h2 id="coverage">Key messages × channels</h2>
<table class="matrix">
<caption>Where each key message is said; scores are the similarity of the closest wording (1.00 = as written).</caption>
<thead><tr><th scope="col">Message</th>${channels.map((ch) => html`<th scope="col"><bdi>${ch}</bdi></th>`)}</tr></thead>
<tbody>
${rows.map((r) => html`${r}\n`)}</tbody>
</table>
<ul class="legend" aria-label="Legend">${legend}<li class="st-none"><span aria-hidden="true">—</span> not required</li></ul>
</section>`;
}
