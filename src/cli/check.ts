// `storefront check` on the command line: which reports go where, the run, the exit code.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { check, UsageError } from '../check.js';
import type { Report } from '../findings/types.js';
import { formatReport, formatters } from '../reports/index.js';
import { SpecError } from '../spec/errors.js';
import type { FailOn } from '../spec/types.js';
import { oneLine, useColor, writeAtomic, type Io } from './io.js';

export interface CheckFlags {
  failOn?: FailOn;
  channel: string[];
  offline?: boolean;
  concurrency?: number;
  cacheDir?: string;
}

/** Where each report goes: an --output belongs to the --format before it; a format without one goes to stdout. */
export interface Destination {
  format: string;
  output?: string;
}

/** `--format`/`--output` as the user wrote them, in order (commander keeps each list apart). */
export type ReportFlag = ['format' | 'output', string];

export function destinations(flags: readonly ReportFlag[]): Destination[] {
  const pairs: Destination[] = [];
  // An --output written before any --format (or alone) is for the first format, or pretty.
  let early: string | undefined;
  for (const [flag, value] of flags) {
    if (flag === 'format') {
      if (!Object.hasOwn(formatters, value)) throw new UsageError(`unknown format "${value}" (expected one of ${Object.keys(formatters).join(', ')})`);
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

export async function runCheck(specPath: string, flags: CheckFlags, reportFlags: readonly ReportFlag[], io: Io): Promise<number> {
  const progress = (line: string) => io.stderr(`storefront: ${line}\n`);
  let report;
  let targets: Destination[];
  try {
    targets = destinations(reportFlags);
    report = await check(specPath, {
      channels: flags.channel,
      offline: flags.offline,
      failOn: flags.failOn,
      concurrency: flags.concurrency,
      cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir),
      cwd: io.cwd,
      onProgress: io.env.STOREFRONT_QUIET ? undefined : progress,
    });
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      io.stderr(`storefront: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Every report is formatted before any is written: one failure leaves no partial set.
  const texts = targets.map((t) => formatReport(t.format, report, { color: useColor(io, t.output !== undefined), cwd: io.cwd }));
  for (const [i, target] of targets.entries()) {
    if (target.output === undefined) {
      io.stdout(texts[i]);
      continue;
    }
    try {
      await writeAtomic(path.resolve(io.cwd, target.output), texts[i]);
    } catch (error) {
      io.stderr(`storefront: cannot write ${target.output}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}\n`);
      return 2;
    }
    progress(`${target.format} report written to ${target.output}`);
  }
  if (targets.some((t) => t.format === 'github')) await writeStepSummary(report, io, progress);
  return report.summary.passed ? 0 : 1;
}

// A workflow step shows at most 10 annotations of each level: the whole story goes to the
// job summary page, which GitHub renders from this file.
async function writeStepSummary(report: Report, io: Io, progress: (line: string) => void): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file || !Object.hasOwn(formatters, 'markdown')) return;
  try {
    await appendFile(file, formatReport('markdown', report, { color: false }));
  } catch (error) {
    progress(`cannot write the step summary: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}`);
  }
}
