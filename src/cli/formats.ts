// The report formats by name, each loaded only when a run asks for it: `--help` and a
// json run never load the HTML report's assets or chalk. The same formatters as
// src/reports/index.ts (a test keeps the two lists equal).
import type { Report } from '../findings/types.js';
import type { FormatOptions, Formatter } from '../reports/index.js';

const LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = Object.freeze({
  pretty: async () => (await import('../reports/pretty.js')).formatPretty,
  json: async () => (await import('../reports/json.js')).formatJson,
  sarif: async () => (await import('../reports/sarif.js')).formatSarif,
  junit: async () => (await import('../reports/junit.js')).formatJunit,
  markdown: async () => (await import('../reports/markdown.js')).formatMarkdown,
  github: async () => (await import('../reports/github.js')).formatGithub,
  html: async () => (await import('../reports/html.js')).formatHtml,
  rdjson: async () => (await import('../reports/rdjson.js')).formatRdjson,
});

/** Report formats, in SPEC.md §3's order. */
export const REPORT_FORMATS: readonly string[] = Object.keys(LOADERS);

/** Not a report: the per-source state `storefront merge` turns into one (check only). */
export const STATE_FORMAT = 'state';

export const isReportFormat = (name: string) => Object.hasOwn(LOADERS, name);

export async function loadFormatter(name: string): Promise<Formatter> {
  if (!isReportFormat(name)) throw new Error(`unknown format "${name}" (expected one of ${REPORT_FORMATS.join(', ')})`);
  return LOADERS[name]();
}

export async function formatReportLazily(name: string, report: Report, options: FormatOptions): Promise<string> {
  return (await loadFormatter(name))(report, options);
}
