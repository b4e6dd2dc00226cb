// The command line: parse arguments, call the library, format, write, choose the exit code.
// Nothing here knows how checking works.
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { check, UsageError } from './check.js';
import { formatReport, formatters } from './reports/index.js';
import { SpecError } from './spec/errors.js';
import type { FailOn } from './spec/types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});

/** NO_COLOR wins, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(io: Io, toFile: boolean): boolean {
  if (toFile) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

/** Whole or not at all: a reader never sees half a report. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

interface CheckFlags {
  format: string;
  output?: string;
  failOn?: FailOn;
  channel: string[];
  offline?: boolean;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('storefront')
    .description("Check a campaign's copy across channels against one storefront.yaml")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run storefront --help for usage)');

  program
    .command('check')
    .description('check every channel of the campaign against the spec')
    .argument('[spec]', 'the spec file', 'storefront.yaml')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(formatters)).default('pretty'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning', 'info', 'never']))
    .option('--channel <name>', 'check only this channel (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('--offline', 'never touch the network')
    .action(async (spec: string, flags: CheckFlags) => {
      exitCode = await runCheck(spec, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; anything else commander refused is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`storefront: ${oneLine(error)}\n`);
    return 2;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

async function runCheck(specPath: string, flags: CheckFlags, io: Io): Promise<number> {
  const progress = (line: string) => io.stderr(`storefront: ${line}\n`);
  let report;
  try {
    report = await check(specPath, {
      channels: flags.channel,
      offline: flags.offline,
      failOn: flags.failOn,
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
  const text = formatReport(flags.format, report, { color: useColor(io, Boolean(flags.output)) });
  if (flags.output) {
    const target = path.resolve(io.cwd, flags.output);
    try {
      await writeAtomic(target, text);
    } catch (error) {
      io.stderr(`storefront: cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? oneLine(error)}\n`);
      return 2;
    }
    progress(`report written to ${flags.output}`);
  } else {
    io.stdout(text);
  }
  return report.summary.passed ? 0 : 1;
}
