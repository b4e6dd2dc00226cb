// Report formats: pure functions from a Report to text, one module each.
import type { Report } from '../findings/types.js';
import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

export const formatters: Readonly<Record<string, Formatter>> = {
  pretty: formatPretty,
  json: formatJson,
};

export function formatReport(name: string, report: Report, options: FormatOptions): string {
  const formatter = formatters[name];
  if (!formatter) throw new Error(`unknown format "${name}" (expected one of ${Object.keys(formatters).join(', ')})`);
  return formatter(report, options);
}
