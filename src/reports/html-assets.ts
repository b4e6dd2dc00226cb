// The report's only style sheet and script, inlined, and the Content-Security-Policy that
// allows exactly these two (by hash) and nothing else: no request can leave the page, and
// markup that slipped past escaping still could not run a script or load anything.
import { createHash } from 'node:crypto';

// Colours: dark text on light tints, every pair above 7:1 (WCAG AAA) except the white-on-red
// error badge (6.5:1, AA). Status is also always spelled out with a symbol, never colour only.
export const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4b5563; --line: #d0d7de; --paper: #fff; }
* { box-sizing: border-box; }
html { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew", "Noto Sans Arabic", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; color: var(--ink); background: #f6f8fa; }
body { margin: 0 auto; padding: 1.5rem; max-width: 70rem; }
[hidden] { display: none !important; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .9em; }
.spec { color: var(--muted); margin: 0 0 1rem; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; padding: .75rem 1rem; border-radius: .5rem; border: 2px solid; margin: 0 0 1rem; }
.verdict strong { font-size: 1.4rem; letter-spacing: .02em; }
.verdict-pass { background: #dff3e4; color: #0f3d1f; border-color: #1a7f37; }
.verdict-fail { background: #fde2e1; color: #7a1610; border-color: #b42318; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 0; }
.counts li { background: var(--paper); border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .7rem; }
table { border-collapse: collapse; background: var(--paper); width: 100%; }
caption { text-align: start; color: var(--muted); padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: start; vertical-align: top; }
thead th { background: #eef1f4; }
.matrix td, .fact-matrix td { min-width: 8rem; }
.cell-status { font-weight: 600; }
.cell-status a { color: inherit; }
.cell-score { font-variant-numeric: tabular-nums; }
.cell-source { display: block; font-size: .8rem; color: inherit; opacity: .85; overflow-wrap: anywhere; }
.fact-values { list-style: none; margin: .25rem 0 0; padding: 0; }
.fact-values .cell-source { display: inline; }
.no-fact { font-weight: normal; font-size: .8rem; }
.st-present { background: #dff3e4; color: #0f3d1f; }
.st-drift { background: #fff1c2; color: #5c3d00; }
.st-negated { background: #f9d7ea; color: #6b0838; }
.st-missing { background: #fde2e1; color: #7a1610; }
.st-unknown { background: #e8e8ee; color: #2e2e3a; }
.st-none { background: #f6f8fa; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .5rem 0 0; font-size: .9rem; }
.legend li { padding: .1rem .5rem; border-radius: .25rem; border: 1px solid var(--line); }
.filters { display: flex; flex-wrap: wrap; align-items: end; gap: .75rem; margin: 0 0 1rem; padding: .75rem; background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.filters select, .filters button { font: inherit; padding: .2rem .4rem; }
.shown { color: var(--muted); margin: 0 0 .75rem; }
.cards { display: grid; gap: .75rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-inline-start: .4rem solid; border-radius: .5rem; padding: .75rem 1rem; break-inside: avoid; page-break-inside: avoid; }
.card.sev-error { border-inline-start-color: #b42318; }
.card.sev-warning { border-inline-start-color: #b7791f; }
.card.sev-info { border-inline-start-color: #1d4ed8; }
.card.sev-accepted { border-inline-start-color: #6b7280; }
.meta { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: 0 0 .5rem; color: var(--muted); }
.badge { display: inline-block; border-radius: .25rem; padding: 0 .45rem; font-weight: 600; }
.badge.sev-error { background: #b42318; color: #fff; }
.badge.sev-warning { background: #fff1c2; color: #5c3d00; }
.badge.sev-info { background: #dbeafe; color: #1e3a8a; }
.badge.sev-accepted { background: #e5e7eb; color: #1f2937; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: 0 0 .5rem; }
.details dt { color: var(--muted); }
.details dd { margin: 0; overflow-wrap: anywhere; }
/* The values hug their text, so a short price does not become a full-width bar. */
.details .expected, .details .found { justify-self: start; padding: 0 .3rem; border-radius: .2rem; }
.expected { background: #dff3e4; color: #0f3d1f; }
.found { background: #fde2e1; color: #7a1610; }
.excerpt { margin: .5rem 0 0; padding: .5rem .75rem; border-inline-start: 3px solid var(--line); background: #f6f8fa; overflow-wrap: anywhere; }
mark { background: #ffd84d; color: #1b1f24; padding: 0 .1em; border-radius: .15em; outline: 1px solid #8a6d00; }
.help { margin: .5rem 0 0; color: var(--muted); }
.help summary { cursor: pointer; width: max-content; }
.help p { margin: .25rem 0 0; max-width: 60rem; }
.accepted { margin: .5rem 0 0; padding: .4rem .6rem; background: #eef1f4; border-radius: .25rem; }
.failed { color: #7a1610; font-weight: 600; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  html { background: #fff; font-size: 11pt; }
  body { max-width: none; padding: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .filters, .shown { display: none !important; }
  .card[hidden] { display: block !important; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; }
}
`;

// Progressive enhancement: without script the filter form stays hidden and every card shows.
export const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const shown = document.getElementById('shown');
  if (!form || !shown) return;
  const cards = Array.from(document.querySelectorAll('.card'));
  const keys = ['channel', 'severity', 'rule'];
  const apply = () => {
    let count = 0;
    for (const card of cards) {
      const match = keys.every((key) => {
        const wanted = form.elements.namedItem(key).value;
        return wanted === '' || card.dataset[key] === wanted;
      });
      card.hidden = !match;
      if (match) count += 1;
    }
    shown.textContent = 'Showing ' + count + ' of ' + cards.length + ' findings';
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const key of keys) form.elements.namedItem(key).value = '';
    apply();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  // A matrix cell links to its card: a filter that hides the card gives way.
  const reveal = () => {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (!target || !target.hidden) return;
    for (const key of keys) form.elements.namedItem(key).value = '';
    apply();
    target.scrollIntoView();
  };
  window.addEventListener('hashchange', reveal);
  form.hidden = false;
  apply();
  reveal();
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
