// `storefront check` on the command line: which reports go where, the run, the exit code.
// The checking library is loaded when a check runs, never for --help or --version.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from '../campaign/shard.js';
import type { StateFile } from '../campaign/state-file.js';
import type { Report } from '../findings/types.js';
import type { FailOn } from '../spec/types.js';
import { UsageError } from '../usage-error.js';
import { formatReportLazily, isReportFormat, REPORT_FORMATS, STATE_FORMAT } from './formats.js';
import { oneLine, say, standardStream, useColor, writeAtomic, writeFailure, type Io } from './io.js';
import { networkOptions, type NetworkFlags } from './network.js';
import { safeLine } from '../reports/sanitize.js';

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
}

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

const CHECK_FORMATS = [...REPORT_FORMATS, STATE_FORMAT];

/** What a run produced: the report (absent for a shard, which only has its share's state), the state if asked for. */
export interface RunOutput {
  report?: Report;
  state?: StateFile;
}

export async function runCheck(specPath: string, flags: CheckFlags, reportFlags: readonly ReportFlag[], io: Io): Promise<number> {
  const progress = (line: string) => say(io, line);
  let output: RunOutput;
  let targets: Destination[];
  const { SpecError } = await import('../spec/errors.js');
  try {
    targets = destinations(reportFlags, CHECK_FORMATS);
    const wantsState = targets.some((t) => t.format === STATE_FORMAT);
    if (flags.shard && targets.some((t) => t.format !== STATE_FORMAT)) {
      throw new UsageError('--shard checks a share of the sources: write it with --format state, then `storefront merge` the shards into reports');
    }
    const library = await import('../check.js');
    const options = {
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
      onProgress: io.env.STOREFRONT_QUIET ? undefined : progress,
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
  if (!(await writeOutputs(targets, output, io))) return 2;
  // A shard's state says nothing about passing: its merge decides.
  return !output.report || output.report.summary.passed ? 0 : 1;
}

/** Formats every destination, then writes them; false (after saying why) when one cannot be written. */
export async function writeOutputs(targets: readonly Destination[], output: RunOutput, io: Io): Promise<boolean> {
  const progress = (line: string) => say(io, line);
  // Every report is formatted before any is written: one failure leaves no partial set.
  const texts: string[] = [];
  for (const t of targets) {
    if (t.format === STATE_FORMAT) {
      const { formatStateFile } = await import('../campaign/state-file.js');
      texts.push(formatStateFile(output.state!));
    } else {
      texts.push(await formatReportLazily(t.format, output.report!, { color: useColor(io, t.output !== undefined) }));
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
    progress(target.format === STATE_FORMAT ? `state written to ${target.output}` : `${target.format} report written to ${target.output}`);
  }
  if (output.report && targets.some((t) => t.format === 'github')) await writeStepSummary(output.report, io, progress);
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
