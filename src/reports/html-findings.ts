// Findings as cards a reviewer reads top to bottom, and the filter form the inline script
// reveals. Copy (subject, expected, found, excerpt, message) gets dir="auto" so each piece
// takes the direction of its own first strong letter: Hebrew reads right to left without
// dragging the labels around it.
import { ruleInfo } from '../findings/rules.js';
import type { Finding, Report } from '../findings/types.js';
import type { Severity } from '../spec/types.js';
import { clipExcerpt } from './highlight.js';
import { channelOrder } from './html-matrix.js';
import { html, plural, type Markup } from './html-markup.js';

type Level = Severity | 'accepted';

const LEVEL: Readonly<Record<Level, { mark: string; label: string }>> = {
  error: { mark: '✖', label: 'error' },
  warning: { mark: '⚠', label: 'warning' },
  info: { mark: 'ℹ', label: 'info' },
  accepted: { mark: '✓', label: 'accepted' },
};

/** A finding a spec exception accepted is shown as accepted, never as a failure. */
export const levelOf = (f: Finding): Level => (f.suppressed ? 'accepted' : f.severity);

/** Excerpts are clipped far less than in a terminal: the page wraps, but a whole email is too much. */
const EXCERPT_GRAPHEMES = 400;

/** Only web addresses become links (a click, not a request); anything else stays text. */
function sourceLink(id: string): Markup {
  if (/^https?:\/\//i.test(id) && URL.canParse(id)) return html`<a href="${id}" rel="noopener noreferrer"><bdi>${id}</bdi></a>`;
  return html`<bdi>${id}</bdi>`;
}

function whereText(f: Finding): Markup {
  const l = f.location;
  const at = l?.line !== undefined ? `:${l.line}${l.column !== undefined ? `:${l.column}` : ''}` : '';
  const part = l?.part ? html` <span class="part">(${l.part})</span>` : '';
  if (!f.source) return html`whole channel${part}`;
  return html`${sourceLink(f.source)}<span class="mono">${at}</span>${part}`;
}

function excerpt(f: Finding, lang: string | undefined): Markup {
  if (!f.excerpt) return html``;
  const { before, hit, after } = clipExcerpt(f.excerpt, f.highlight, EXCERPT_GRAPHEMES);
  const langAttr = lang && lang !== 'auto' ? html` lang="${lang}"` : '';
  return html`<blockquote class="excerpt" dir="auto"${langAttr}>${before}${hit ? html`<mark>${hit}</mark>` : ''}${after}</blockquote>`;
}

/** Rule help is written for every report: `name` spans (spec keys) become code. */
function helpText(text: string): Markup {
  return html`${text.split('`').map((piece, i) => (i % 2 ? html`<code>${piece}</code>` : piece))}`;
}

function card(f: Finding, index: number, languages: ReadonlyMap<string, string>): Markup {
  const level = levelOf(f);
  const badge = LEVEL[level];
  const rule = ruleInfo(f.rule);
  const lang = f.source ? languages.get(f.source) : undefined;
  const row = (label: string, value: Markup | string | undefined, cls = '') =>
    value === undefined ? '' : html`<dt>${label}</dt><dd dir="auto"${cls ? html` class="${cls}"` : ''}>${value}</dd>`;
  return html`<article class="card sev-${level}" id="finding-${index + 1}" data-channel="${f.channel}" data-severity="${level}" data-rule="${f.rule}">
<h3 dir="auto">${f.message}</h3>
<p class="meta"><span class="badge sev-${level}"><span aria-hidden="true">${badge.mark}</span> ${badge.label}</span> <code class="rule">${f.rule}</code>${rule ? html` <span class="rule-description">${rule.summary}</span>` : ''}</p>
<dl class="details">
<dt>Channel</dt><dd><bdi>${f.channel}</bdi></dd>
<dt>Source</dt><dd>${whereText(f)}</dd>
${row('Subject', f.subject)}${row('Expected', f.expected, 'expected')}${row('Found', f.found, 'found')}
</dl>
${excerpt(f, lang)}${rule ? html`<details class="help"><summary>What to do</summary><p>${helpText(rule.help)}</p><p><a class="rule-doc" href="${rule.helpUri}" rel="noopener">${f.rule}: what fires it, what does not, how to fix it</a></p></details>` : ''}${
    f.suppressed
      ? html`<p class="accepted" dir="auto"><strong>Accepted exception</strong> (would be ${f.suppressed.severity}): ${f.suppressed.reason}</p>`
      : ''
  }
</article>
`;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function select(name: string, label: string, options: ReadonlyArray<{ value: string; text: string }>): Markup {
  return html`<label>${label}<select name="${name}"><option value="">all</option>${options.map(
    (o) => html`<option value="${o.value}">${o.text}</option>`,
  )}</select></label>`;
}

function filters(findings: readonly Finding[], channels: readonly string[]): Markup {
  const levels = (Object.keys(LEVEL) as Level[]).filter((l) => findings.some((f) => levelOf(f) === l));
  const rules = unique(findings.map((f) => f.rule));
  return html`<form id="filters" class="filters" hidden aria-label="Filter findings">
${select('channel', 'Channel', channels.map((c) => ({ value: c, text: c })))}
${select('severity', 'Severity', levels.map((l) => ({ value: l, text: `${LEVEL[l].mark} ${LEVEL[l].label}` })))}
${select('rule', 'Rule', rules.map((r) => ({ value: r, text: r })))}
<button type="reset">Show all</button>
</form>
`;
}

/**
 * Cards with the worst first (errors, warnings, infos, accepted), each level in the report's
 * channel order. A card keeps its number from the report, which the matrix links to.
 */
function bySeverity(findings: readonly Finding[]): Array<{ finding: Finding; index: number }> {
  const rank = Object.keys(LEVEL) as Level[];
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => rank.indexOf(levelOf(a.finding)) - rank.indexOf(levelOf(b.finding)) || a.index - b.index);
}

export function findingsSection(report: Report): Markup {
  const { findings } = report;
  if (!findings.length) return html`<section aria-labelledby="findings"><h2 id="findings">Findings</h2><p>No findings: every channel says what the spec says.</p></section>`;
  const languages = new Map(report.sources.map((s) => [s.id, s.language]));
  const channels = channelOrder(report, findings.map((f) => f.channel)).filter((c) => findings.some((f) => f.channel === c));
  return html`<section aria-labelledby="findings">
<h2 id="findings">Findings (${findings.length})</h2>
${filters(findings, channels)}<p id="shown" class="shown" aria-live="polite">${plural(findings.length, 'finding')}</p>
<div class="cards">
${bySeverity(findings).map(({ finding, index }) => card(finding, index, languages))}</div>
</section>`;
}
