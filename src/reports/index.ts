// Report formats: pure functions from a Report to text, one module each. No IO here:
// the CLI decides colour and where the text goes.
import type { Report } from '../findings/types.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import { formatRdjson } from './rdjson.js';
import { formatSarif } from './sarif.js';

export interface FormatOptions {
  color: boolean;
  /**
   * The working directory the check ran in, which report paths are relative to: rdjson reads
   * the lines of findings there to count columns in UTF-8 bytes. Default: process.cwd().
   */
  cwd?: string;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

export const formatters: Readonly<Record<string, Formatter>> = Object.freeze({
  pretty: formatPretty,
  json: formatJson,
  // SPEC.md §3's order; formats the contract does not name come last.
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  github: formatGithub,
  html: formatHtml,
  rdjson: formatRdjson,
});

export function formatReport(name: string, report: Report, options: FormatOptions): string {
  // hasOwn: a name such as "toString" must not reach Object.prototype.
  if (!Object.hasOwn(formatters, name)) {
    throw new Error(`unknown format "${name}" (expected one of ${Object.keys(formatters).join(', ')})`);
  }
  return formatters[name](report, options);
}
