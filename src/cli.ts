// The command line: parse arguments, call the commands, choose the exit code. Nothing here
// knows how checking works; each command lives in src/cli/.
// Each command's module is loaded when it runs: --help and --version load commander alone.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ExtractFlags, InitFlags } from './cli/authoring.js';
import type { CheckFlags } from './cli/check.js';
import type { ReportFlag } from './cli/destinations.js';
import { HELP_AFTER } from './cli/help.js';
import { REPORT_FORMATS, STATE_FORMAT } from './cli/formats.js';
import { byteSize, collect, count, defaultIo, nonNegativeInteger, oneLine, positiveInteger, say, type Io } from './cli/io.js';
import type { MergeFlags } from './cli/merge.js';
import { parseShard } from './campaign/shard.js';
import { safeLines } from './reports/sanitize.js';
import { addNetworkOptions, addPrivateNetworkOptions } from './cli/network.js';
import type { FixFlags } from './cli/fix.js';
import { VERSION } from './version.js';
import { tuneV8ForRuns } from './cli/v8-tuning.js';

export { destinations, type Destination, type ReportFlag } from './cli/destinations.js';
export { useColor, writeAtomic, type Io } from './cli/io.js';

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('storefront')
    .description("Check a campaign's copy across channels against one storefront.yaml")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(safeLines(text)) })
    .showHelpAfterError('(run storefront --help for usage)')
    .addHelpText('after', HELP_AFTER)
    .hook('preAction', tuneV8ForRuns);

  const reportFlags: ReportFlag[] = [];
  const check = program
    .command('check')
    .description('check every channel of the campaign against the spec')
    .argument('[spec]', 'the spec file (default: storefront.yaml or .yml here or in the nearest parent folder)')
    .option('--format <format>', `report format, repeatable: ${REPORT_FORMATS.join(', ')}, or ${STATE_FORMAT} for merge (default: pretty)`)
    .option('--output <file>', 'write the report of the --format before it to a file instead of stdout (repeatable)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning', 'info', 'never']))
    .option('--channel <name>', 'check only this channel (repeatable)', collect, [])
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--concurrency <n>', 'pages fetched at once (default 8)', positiveInteger)
    .option('--cache-dir <dir>', "keep fetched pages and each source's checked state here: the next run revalidates pages and skips unchanged sources")
    .option('--jobs <n>', 'threads that read and check sources (default: the cores available); 1: this thread only', positiveInteger)
    .option('--shard <i/n>', 'check only the i-th of n stable shares of the sources, with --format state; merge them with storefront merge', shardOption)
    .option('--root <dir>', 'local sources must stay inside the spec folder or this folder (default: the nearest folder above the spec holding .git)')
    .option('--max-file-size <size>', 'largest local source read, e.g. 10MB, 500KB, or bytes (default 10MB)', byteSize)
    .option('--max-findings <n>', 'findings listed per rule and source, then one "+N more" (default 10000; 0: all)', count)
    .option('--strict', 'treat spec warnings as errors (exit 2)')
    .option('--quiet', 'report errors only, and no progress lines (the exit code is unchanged)')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', nonNegativeInteger)
    .option('--color', 'colour the pretty report even when stdout is no terminal')
    .option('--no-color', 'never colour the report (as NO_COLOR does)')
    .option('--print-config', 'print the spec as resolved, defaults included, and exit 0')
    .option('--stdin <channel>', "check standard input as this channel's only source (only that channel is checked)")
    .option('--stdin-filename <name>', 'the name standard input is read as: its extension picks the reader (default stdin.html, stdin.eml or stdin.txt by the channel\'s kind)')
    .action(async (spec: string | undefined, flags: CheckFlags) => {
      const { runCheck } = await import('./cli/check.js');
      exitCode = await runCheck(spec, flags, reportFlags, io);
    });
  check.addHelpText('after', HELP_AFTER);
  check.on('option:format', (value: string) => reportFlags.push(['format', value]));
  check.on('option:output', (value: string) => reportFlags.push(['output', value]));
  addNetworkOptions(check);

  const mergeFlags: ReportFlag[] = [];
  const merge = program
    .command('merge')
    .description("fold the states of check --shard i/n --format state into the reports one run gives")
    .argument('<states...>', 'the state files of every shard (part-*.json)')
    .option('--format <format>', `report format, repeatable: ${REPORT_FORMATS.join(', ')} (default: pretty)`)
    .option('--output <file>', 'write the report of the --format before it to a file instead of stdout (repeatable)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning', 'info', 'never']))
    .option('--max-findings <n>', 'findings listed per rule and source, then one "+N more" (default 10000; 0: all)', count)
    .action(async (states: string[], flags: MergeFlags) => {
      const { runMerge } = await import('./cli/merge.js');
      exitCode = await runMerge(states, flags, mergeFlags, io);
    });
  merge.on('option:format', (value: string) => mergeFlags.push(['format', value]));
  merge.on('option:output', (value: string) => mergeFlags.push(['output', value]));

  const fix = program
    .command('fix')
    .description('rewrite term variants to their canonical spelling in the local files of the campaign')
    .argument('[spec]', 'the spec file', 'storefront.yaml')
    .option('--dry-run', 'print a unified diff instead of writing the files')
    .option('--channel <name>', 'fix only this channel (repeatable)', collect, [])
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--cache-dir <dir>', 'HTTP cache folder, as for check')
    .action(async (spec: string, flags: FixFlags) => {
      const { runFix } = await import('./cli/fix.js');
      exitCode = await runFix(spec, flags, io);
    });
  addPrivateNetworkOptions(fix);

  const init = program
    .command('init')
    .description('draft a storefront.yaml from existing copy: the first source is the truth, every source a channel')
    .argument('[sources...]', 'files or http(s) URLs: a page, an email, a social export')
    .option('--output <file>', 'where to write the spec ("-" for stdout)', 'storefront.yaml')
    .option('--force', 'overwrite an existing spec file')
    .option('--language <tag>', 'language of the copy', 'en')
    .option('--year <yyyy>', 'year of dates written without one (default: this year)', positiveInteger)
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--cache-dir <dir>', 'HTTP cache folder, as for check')
    .action(async (sources: string[], flags: InitFlags) => {
      const { runInit } = await import('./cli/authoring.js');
      exitCode = await runInit(sources, flags, io);
    });

  addPrivateNetworkOptions(init);

  const extract = program
    .command('extract')
    .description('print one source as storefront sees it: parts, sentences, values, language')
    .argument('<source>', 'a file, an http(s) URL, or - for standard input (with --kind; --stdin-filename names it)')
    .option('--stdin-filename <name>', 'with -: the name standard input is read as (its extension picks the reader)')
    .addOption(new Option('--kind <kind>', 'read it as this kind of source (default: from its name)').choices(['web', 'email', 'social']))
    .option('--language <tag>', 'language of its copy, or auto', 'en')
    .option('--selector <css>', 'web pages: scope body copy to this CSS selector')
    .option('--year <yyyy>', 'year of dates written without one (default: this year)', positiveInteger)
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--cache-dir <dir>', 'HTTP cache folder, as for check')
    .action(async (source: string, flags: ExtractFlags) => {
      const { runExtract } = await import('./cli/authoring.js');
      exitCode = await runExtract(source, flags, io);
    });
  addPrivateNetworkOptions(extract);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; anything else commander refused is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    say(io, oneLine(error));
    return 2;
  }
}

function shardOption(value: string) {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('expected i/n with 1 <= i <= n, such as 2/4');
  return shard;
}
