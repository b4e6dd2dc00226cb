// Which report goes where: kept apart from the check command so the command line can parse
// its flags without loading the checks.
import { UsageError } from '../usage-error.js';
import { REPORT_FORMATS } from './formats.js';

/** Where each report goes: an --output belongs to the --format before it; a format without one goes to stdout. */
export interface Destination {
  format: string;
  output?: string;
}

/** `--format`/`--output` as the user wrote them, in order (commander keeps each list apart). */
export type ReportFlag = ['format' | 'output', string];

export function destinations(flags: readonly ReportFlag[], formats: readonly string[] = REPORT_FORMATS): Destination[] {
  const pairs: Destination[] = [];
  // An --output written before any --format (or alone) is for the first format, or pretty.
  let early: string | undefined;
  for (const [flag, value] of flags) {
    if (flag === 'format') {
      if (!formats.includes(value)) throw new UsageError(`unknown format "${value}" (expected one of ${formats.join(', ')})`);
      pairs.push({ format: value, ...(early !== undefined && !pairs.length ? { output: early } : {}) });
      continue;
    }
    const last = pairs[pairs.length - 1];
    if (last && last.output === undefined) last.output = value;
    else if (!pairs.length && early === undefined) early = value;
    else throw new UsageError(`--output "${value}" has no --format of its own: write each --output after its --format`);
  }
  if (!pairs.length) pairs.push({ format: 'pretty', ...(early !== undefined ? { output: early } : {}) });
  if (pairs.filter((p) => p.output === undefined).length > 1) throw new UsageError('only one report can go to stdout: give each further --format an --output');
  return pairs;
}

