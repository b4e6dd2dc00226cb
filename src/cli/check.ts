// `storefront check` on the command line: which reports go where, the run, the exit code.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { check, UsageError } from '../check.js';
import type { Report } from '../findings/types.js';
import { formatReport, formatters } from '../reports/index.js';
import { destinations, type Destination, type ReportFlag } from './destinations.js';

export { destinations, type Destination, type ReportFlag } from './destinations.js';
import { SpecError } from '../spec/errors.js';
import type { FailOn } from '../spec/types.js';
import { loadSpec } from '../spec/load.js';
import { findSpec, SPEC_NAMES } from './discover.js';
import { oneLine, useColor, writeAtomic, type Io } from './io.js';
import { printConfig } from './print-config.js';

export interface CheckFlags {
  /** Errors only: warnings and infos are left out of every report (the exit code is unchanged). */
  quiet?: boolean;
  /** Fail (exit 1) when more warnings than this are reported, even if the run passed. */
  maxWarnings?: number;
  /** --color / --no-color; undefined: NO_COLOR, FORCE_COLOR, then the terminal decide. */
  color?: boolean;
  printConfig?: boolean;
  /** Check standard input as this channel's only source. */
  stdin?: string;
  /** Its file name, whose extension picks the reader (default by the channel's kind). */
  stdinFilename?: string;
  failOn?: FailOn;
  channel: string[];
  offline?: boolean;
  concurrency?: number;
  cacheDir?: string;
}

/** What standard input is read as when --stdin-filename does not say: one page, one mail, posts. */
const STDIN_NAME: Record<string, string> = { web: 'stdin.html', email: 'stdin.eml', social: 'stdin.txt' };

/** The spec to run: the one given, else the nearest storefront.yaml at or above the working directory. */
async function specToRun(given: string | undefined, io: Io): Promise<string> {
  if (given !== undefined) return given;
  const found = await findSpec(io.cwd);
  if (!found) throw new UsageError(`no ${SPEC_NAMES.join(' or ')} in ${io.cwd} or any folder above it: give the spec's path, or draft one with storefront init`);
  return path.relative(io.cwd, found) || found;
}

/** Standard input as a source of the --stdin channel, named so its extension picks the reader. */
async function stdinSource(flags: CheckFlags, specPath: string, io: Io): Promise<{ channel: string; name: string; bytes: Uint8Array } | undefined> {
  if (flags.stdin === undefined) return undefined;
  if (!io.readStdin) throw new UsageError('--stdin: no standard input here');
  const spec = await loadSpec(path.resolve(io.cwd, specPath), specPath);
  const channel = spec.channels.find((c) => c.name === flags.stdin);
  if (!channel) throw new UsageError(`--stdin: unknown channel "${flags.stdin}" (the spec defines: ${spec.channels.map((c) => c.name).join(', ')})`);
  return { channel: channel.name, name: flags.stdinFilename ?? STDIN_NAME[channel.kind], bytes: await io.readStdin() };
}

/** --quiet: errors only, in every format; the summary still counts everything. */
const quietReport = (report: Report): Report => ({ ...report, findings: report.findings.filter((f) => f.severity === 'error') });

export async function runCheck(givenSpec: string | undefined, flags: CheckFlags, reportFlags: readonly ReportFlag[], io: Io): Promise<number> {
  const progress = (line: string) => io.stderr(`storefront: ${line}\n`);
  let report;
  let targets: Destination[];
  try {
    targets = destinations(reportFlags);
    const specPath = await specToRun(givenSpec, io);
    if (flags.printConfig) {
      const shown = specPath.split(path.sep).join('/');
      io.stdout(printConfig(await loadSpec(path.resolve(io.cwd, specPath), shown), shown));
      return 0;
    }
    const stdin = await stdinSource(flags, specPath, io);
    report = await check(specPath, {
      stdin,
      channels: flags.channel,
      offline: flags.offline,
      failOn: flags.failOn,
      concurrency: flags.concurrency,
      cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir),
      cwd: io.cwd,
      onProgress: io.env.STOREFRONT_QUIET || flags.quiet ? undefined : progress,
    });
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      io.stderr(`storefront: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Every report is formatted before any is written: one failure leaves no partial set.
  const shown = flags.quiet ? quietReport(report) : report;
  const texts = targets.map((t) => formatReport(t.format, shown, { color: useColor(io, t.output !== undefined, flags.color), cwd: io.cwd }));
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
    if (!flags.quiet) progress(`${target.format} report written to ${target.output}`);
  }
  if (targets.some((t) => t.format === 'github')) await writeStepSummary(shown, io, progress);
  // ESLint's --max-warnings: a budget of warnings that fails an otherwise passing run.
  if (flags.maxWarnings !== undefined && report.summary.warnings > flags.maxWarnings) {
    progress(`${report.summary.warnings} warnings, more than --max-warnings ${flags.maxWarnings} allows`);
    return 1;
  }
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
