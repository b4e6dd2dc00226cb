// The review page for marketing reviewers: one self-contained HTML file (inline style and
// script, a CSP that forbids every request), the same bytes for the same report. Sections:
// verdict and counts, the messages × channels matrix, one card per finding, the sources.
import { factsSection } from './html-facts.js';
import type { Report } from '../findings/types.js';
import { CSP, SCRIPT, STYLE } from './html-assets.js';
import { findingsSection } from './html-findings.js';
import { html, plural, trusted, type Markup } from './html-markup.js';
import { matrixSection } from './html-matrix.js';
import type { FormatOptions } from './index.js';

function header(report: Report): Markup {
  const s = report.summary;
  const accepted = report.findings.filter((f) => f.suppressed).length;
  const read = s.sources - s.failedSources;
  const verdict = s.passed
    ? html`<strong><span aria-hidden="true">✔</span> Passed</strong>`
    : html`<strong><span aria-hidden="true">✖</span> Failed</strong>`;
  return html`<header>
<h1><bdi>${report.campaign}</bdi></h1>
<p class="spec">Campaign copy review against <code><bdi>${report.spec}</bdi></code></p>
<section class="verdict verdict-${s.passed ? 'pass' : 'fail'}" aria-label="Verdict">${verdict}
<ul class="counts">
<li>${plural(s.errors, 'error')}</li>
<li>${plural(s.warnings, 'warning')}</li>
<li>${plural(s.infos, 'info')}${accepted ? ` (${accepted} accepted)` : ''}</li>
<li>${plural(s.sources, 'source')}: ${read} read, <span${s.failedSources ? html` class="failed"` : ''}>${s.failedSources} failed</span></li>
</ul>
</section>
</header>`;
}

function sourcesSection(report: Report): Markup {
  if (!report.sources.length) return html``;
  const rows = report.sources.map(
    (s) => html`<tr><th scope="row"><bdi>${s.id}</bdi></th><td><bdi>${s.channel}</bdi></td><td>${s.kind}</td><td>${s.language}</td><td>${
      s.status === 'ok'
        ? html`<span aria-hidden="true">✓</span> read`
        : html`<span class="failed"><span aria-hidden="true">✖</span> failed:</span> <span dir="auto">${s.error ?? 'could not be read'}</span>`
    }</td></tr>
`,
  );
  return html`<section aria-labelledby="sources">
<h2 id="sources">Sources</h2>
<table>
<thead><tr><th scope="col">Source</th><th scope="col">Channel</th><th scope="col">Kind</th><th scope="col">Language</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</section>`;
}

export function formatHtml(report: Report, _options?: FormatOptions): string {
  const page = html`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${report.summary.passed ? 'Passed' : 'Failed'}: ${report.campaign} · storefront review</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${header(report)}
<main>
${matrixSection(report)}
${factsSection(report)}
${findingsSection(report)}
${sourcesSection(report)}
</main>
<footer>Checked by storefront against <bdi>${report.spec}</bdi>.</footer>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return page.html;
}
