// `storefront check` on the command line: which reports go where, the run, the exit code.
// The checking library is loaded when a check runs, never for --help or --version.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from '../campaign/shard.js';
import type { StateFile } from '../campaign/state-file.js';
import type { Report } from '../findings/types.js';
import type { FailOn } from '../spec/types.js';
import { UsageError } from '../usage-error.js';
import { destinations, type Destination, type ReportFlag } from './destinations.js';
import { findSpec, SPEC_NAMES } from './discover.js';
import { formatReportLazily, isReportFormat, REPORT_FORMATS, STATE_FORMAT } from './formats.js';
import { oneLine, say, standardStream, useColor, writeAtomic, writeFailure, type Io } from './io.js';
import { networkOptions, type NetworkFlags } from './network.js';
import { tuneV8ForThreads } from './v8-tuning.js';
import { safeLine } from '../reports/sanitize.js';

export { destinations, type Destination, type ReportFlag } from './destinations.js';

export interface CheckFlags extends NetworkFlags {
  failOn?: FailOn;
  channel: string[];
  offline?: boolean;
  concurrency?: number;
  cacheDir?: string;
  /** Threads that read and check sources. */
  jobs?: number;
  /** "i/n": only that share of the sources (with --format state). */
  shard?: Shard;
  root?: string;
  maxFileSize?: number;
  maxFindings?: number;
  /** Spec warnings are errors: the run is refused (exit 2). */
  strict?: boolean;
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
}

/** What standard input is read as when --stdin-filename does not say: one page, one mail, posts. */
const STDIN_NAME: Record<string, string> = { web: 'stdin.html', email: 'stdin.eml', social: 'stdin.txt' };

/** The spec to run: the one given, else the nearest storefront.yaml at or above the working directory. */
async function specToRun(given: string | undefined, io: Io): Promise<string> {
  if (given !== undefined) return given;
  const found = await findSpec(io.cwd);
  if (!found) throw new UsageError(`no ${SPEC_NAMES.join(' or ')} in the working folder or any folder above it: give the spec's path, or draft one with storefront init`);
  return path.relative(io.cwd, found) || found;
}

/** Standard input as a source of the --stdin channel, named so its extension picks the reader. */
async function stdinSource(flags: CheckFlags, specPath: string, io: Io): Promise<{ channel: string; name: string; bytes: Uint8Array } | undefined> {
  if (flags.stdin === undefined) return undefined;
  if (!io.readStdin) throw new UsageError('--stdin: no standard input here');
  const { loadSpec } = await import('../spec/load.js');
  const spec = await loadSpec(path.resolve(io.cwd, specPath), specPath);
  const channel = spec.channels.find((c) => c.name === flags.stdin);
  if (!channel) throw new UsageError(`--stdin: unknown channel "${flags.stdin}" (the spec defines: ${spec.channels.map((c) => c.name).join(', ')})`);
  return { channel: channel.name, name: flags.stdinFilename ?? STDIN_NAME[channel.kind], bytes: await io.readStdin() };
}

/** --quiet: errors only, in every format; the summary still counts everything. */
const quietReport = (report: Report): Report => ({ ...report, findings: report.findings.filter((f) => f.severity === 'error') });

/** How the reports are shown: --color/--no-color and --quiet. */
export interface ShowFlags {
  color?: boolean;
  quiet?: boolean;
}

const CHECK_FORMATS = [...REPORT_FORMATS, STATE_FORMAT];

/** What a run produced: the report (absent for a shard, which only has its share's state), the state if asked for. */
export interface RunOutput {
  report?: Report;
  state?: StateFile;
}

export async function runCheck(givenSpec: string | undefined, flags: CheckFlags, reportFlags: readonly ReportFlag[], io: Io): Promise<number> {
  const progress = (line: string) => say(io, line);
  let output: RunOutput;
  let targets: Destination[];
  let specPath: string;
  const { SpecError } = await import('../spec/errors.js');
  try {
    targets = destinations(reportFlags, CHECK_FORMATS);
    specPath = await specToRun(givenSpec, io);
    if (flags.printConfig) {
      const shown = specPath.split(path.sep).join('/');
      const [{ loadSpec }, { printConfig }] = await Promise.all([import('../spec/load.js'), import('./print-config.js')]);
      io.stdout(printConfig(await loadSpec(path.resolve(io.cwd, specPath), shown), shown));
      return 0;
    }
    const stdin = await stdinSource(flags, specPath, io);
    const wantsState = targets.some((t) => t.format === STATE_FORMAT);
    if (flags.shard && targets.some((t) => t.format !== STATE_FORMAT)) {
      throw new UsageError('--shard checks a share of the sources: write it with --format state, then `storefront merge` the shards into reports');
    }
    const library = await import('../check.js');
    const options = {
      stdin,
      channels: flags.channel,
      offline: flags.offline,
      failOn: flags.failOn,
      concurrency: flags.concurrency,
      cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir),
      jobs: flags.jobs,
      cwd: io.cwd,
      root: flags.root && path.resolve(io.cwd, flags.root),
      maxFileSize: flags.maxFileSize,
      maxFindings: flags.maxFindings,
      onProgress: io.env.STOREFRONT_QUIET || flags.quiet ? undefined : progress,
      // V8's background threads are worth keeping only while a core is left for them.
      onThreads: tuneV8ForThreads,
      ...networkOptions(flags, io.env),
    };
    if (wantsState) {
      const state = await library.checkState(specPath, { ...options, shard: flags.shard });
      output = { state, ...(flags.shard ? {} : { report: library.reportFromStates(state, { failOn: flags.failOn }) }) };
    } else {
      output = { report: await library.check(specPath, options) };
    }
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      say(io, error.message);
      return 2;
    }
    throw error;
  }
  // Spec warnings in the compiler's form, so editors and CI link them to the spec's line.
  const specWarnings = (output.report?.findings ?? [])
    .filter((f) => f.rule === 'spec-warning')
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
  const level = flags.strict ? 'error' : 'warning';
  for (const w of specWarnings) {
    const at = w.location?.line ? `:${w.location.line}:${w.location.column ?? 1}` : '';
    io.stderr(`${safeLine(`${output.report!.spec}${at}: ${level}: ${w.message}`)}\n`);
  }
  if (flags.strict && specWarnings.length) return 2;
  const overwritten = await inputOverwritten(targets, specPath, output, io.cwd);
  if (overwritten) {
    say(io, `refusing to write the report over ${overwritten.output}: it is ${overwritten.what} of this check (give --output another file)`);
    return 2;
  }
  if (!(await writeOutputs(targets, output, io, flags))) return 2;
  // A shard's state says nothing about passing: its merge decides.
  if (!output.report) return 0;
  // ESLint's --max-warnings: a budget of warnings that fails an otherwise passing run.
  if (flags.maxWarnings !== undefined && output.report.summary.warnings > flags.maxWarnings) {
    progress(`${output.report.summary.warnings} warnings, more than --max-warnings ${flags.maxWarnings} allows`);
    return 1;
  }
  return output.report.summary.passed ? 0 : 1;
}

/** Formats every destination, then writes them; false (after saying why) when one cannot be written. */
export async function writeOutputs(targets: readonly Destination[], output: RunOutput, io: Io, show: ShowFlags = {}): Promise<boolean> {
  const progress = (line: string) => say(io, line);
  const report = output.report && show.quiet ? quietReport(output.report) : output.report;
  // Every report is formatted before any is written: one failure leaves no partial set.
  const texts: string[] = [];
  for (const t of targets) {
    if (t.format === STATE_FORMAT) {
      const { formatStateFile } = await import('../campaign/state-file.js');
      texts.push(formatStateFile(output.state!));
    } else {
      texts.push(await formatReportLazily(t.format, report!, { color: useColor(io, t.output !== undefined, show.color), cwd: io.cwd }));
    }
  }
  for (const [i, target] of targets.entries()) {
    const stream = target.output === undefined ? 'stdout' : standardStream(path.resolve(io.cwd, target.output));
    if (stream) {
      // /dev/stdout may be a pipe or a socket that cannot be opened by name: write to the stream.
      io[stream](texts[i]);
      continue;
    }
    try {
      await writeAtomic(path.resolve(io.cwd, target.output!), texts[i]);
    } catch (error) {
      say(io, `cannot write ${target.output}: ${writeFailure(error)}`);
      return false;
    }
    if (!show.quiet) progress(target.format === STATE_FORMAT ? `state written to ${target.output}` : `${target.format} report written to ${target.output}`);
  }
  if (report && targets.some((t) => t.format === 'github')) await writeStepSummary(report, io, progress);
  return true;
}

/**
 * An --output that is the spec or one of its sources (compared by real path, so through links
 * too): `--output storefront.yaml` in a pull request's workflow must not destroy an input.
 */
async function inputOverwritten(targets: Destination[], specPath: string, output: RunOutput, cwd: string): Promise<{ output: string; what: string } | undefined> {
  const { realPathOf } = await import('../sources/local.js');
  const specFile = path.resolve(cwd, specPath);
  const inputs = new Map<string, string>([[await realPathOf(specFile), 'the spec']]);
  const sources = output.report?.sources ?? output.state?.state.sources.map((s) => s.source) ?? [];
  for (const source of sources) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(source.id)) continue; // a URL or a feed
    const real = await realPathOf(path.resolve(path.dirname(specFile), source.id));
    if (!inputs.has(real)) inputs.set(real, 'a source');
  }
  for (const target of targets) {
    if (target.output === undefined) continue;
    const what = inputs.get(await realPathOf(path.resolve(cwd, target.output)));
    if (what) return { output: target.output, what };
  }
  return undefined;
}

// A workflow step shows at most 10 annotations of each level: the whole story goes to the
// job summary page, which GitHub renders from this file.
async function writeStepSummary(report: Report, io: Io, progress: (line: string) => void): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file || !isReportFormat('markdown')) return;
  try {
    await appendFile(file, await formatReportLazily('markdown', report, { color: false }));
  } catch (error) {
    progress(`cannot write the step summary: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}`);
  }
}
