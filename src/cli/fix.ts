// `storefront fix` on the command line: rewrite term variants in local files, or --dry-run
// to print the unified diff instead. Exit 0 when every fixable variant was fixed, 1 when
// some could not be, 2 for a spec or usage error.
import path from 'node:path';
import { UsageError } from '../check.js';
import { planFixes } from '../fix/index.js';
import { SpecError } from '../spec/errors.js';
import { oneLine, writeAtomic, type Io } from './io.js';
import { tuneV8ForThreads } from './v8-tuning.js';

export interface FixFlags {
  dryRun?: boolean;
  channel: string[];
  offline?: boolean;
  cacheDir?: string;
}

export async function runFix(specPath: string, flags: FixFlags, io: Io): Promise<number> {
  let plan;
  try {
    plan = await planFixes(specPath, {
      cwd: io.cwd,
      channels: flags.channel,
      offline: flags.offline,
      cacheDir: flags.cacheDir && path.resolve(io.cwd, flags.cacheDir),
      // A fix runs the whole check first, on as many threads as a check would: tuned the same.
      onThreads: tuneV8ForThreads,
    });
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) {
      io.stderr(`storefront: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let fixed = 0;
  let failed = plan.unfixable.length;
  for (const f of plan.files) {
    for (const s of f.skipped) io.stderr(`${f.source}:${s.line}:${s.column}: cannot fix "${s.found}": ${s.reason}\n`);
    failed += f.skipped.length;
    if (!f.changed.length) continue;
    fixed += f.changed.length;
    if (flags.dryRun) {
      io.stdout(f.diff);
      continue;
    }
    try {
      await writeAtomic(f.file, f.after);
    } catch (error) {
      io.stderr(`storefront: cannot write ${f.source}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}\n`);
      return 2;
    }
    io.stdout(`${f.source}: ${f.changed.map((c) => `line ${c.line} "${c.found}" → "${c.replacement}"`).join(', ')}\n`);
  }
  for (const u of plan.unfixable) io.stderr(`${u.finding.source}:${u.finding.location?.line ?? 1}: cannot fix "${u.finding.found}": ${u.reason}\n`);
  const files = plan.files.filter((f) => f.changed.length).length;
  io.stderr(`storefront: ${flags.dryRun ? 'would fix' : 'fixed'} ${fixed} variant${fixed === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${failed ? `; ${failed} could not be fixed` : ''}\n`);
  return failed ? 1 : 0;
}
