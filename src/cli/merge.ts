// `storefront merge`: the states that `check --shard i/n --format state` wrote in separate CI
// jobs, folded into the reports a single run would give (byte for byte), and its exit code.
import { glob } from 'tinyglobby';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FailOn } from '../spec/types.js';
import { UsageError } from '../usage-error.js';
import { destinations, writeOutputs, type ReportFlag } from './check.js';
import { say, type Io } from './io.js';

export interface MergeFlags {
  failOn?: FailOn;
  maxFindings?: number;
}

/** A pattern the shell left alone (Windows, or quoted): expanded here, in a stable order. */
async function expand(files: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    if (!/[*?[\]{}]/.test(file) || existsSync(path.resolve(cwd, file))) {
      out.push(file);
      continue;
    }
    const matched = (await glob(file, { cwd, onlyFiles: true, expandDirectories: false })).sort();
    if (!matched.length) throw new UsageError(`${file}: no state file matches`);
    out.push(...matched);
  }
  return out;
}

export async function runMerge(files: string[], flags: MergeFlags, reportFlags: readonly ReportFlag[], io: Io): Promise<number> {
  const { merge, StateFileError } = await import('../check.js');
  let report;
  let targets;
  try {
    targets = destinations(reportFlags);
    if (!files.length) throw new UsageError('give the state files to merge (check --shard i/n --format state --output part-i.json)');
    report = await merge(await expand(files, io.cwd), { cwd: io.cwd, failOn: flags.failOn, maxFindings: flags.maxFindings });
  } catch (error) {
    if (error instanceof StateFileError || error instanceof UsageError) {
      say(io, error.message);
      return 2;
    }
    throw error;
  }
  if (!(await writeOutputs(targets, { report }, io))) return 2;
  return report.summary.passed ? 0 : 1;
}
