// The command line: parse arguments, call the commands, choose the exit code. Nothing here
// knows how checking works; each command lives in src/cli/.
import { Command, CommanderError, Option } from 'commander';
// The commands are loaded when one runs: --help and --version never pay for the checks.
import type { ExtractFlags, InitFlags } from './cli/authoring.js';
import type { CheckFlags } from './cli/check.js';
import type { ReportFlag } from './cli/destinations.js';
import { HELP_AFTER } from './cli/help.js';
import { collect, defaultIo, nonNegativeInteger, oneLine, positiveInteger, type Io } from './cli/io.js';
import { formatters } from './reports/index.js';
import { VERSION } from './version.js';

export { destinations, type Destination, type ReportFlag } from './cli/destinations.js';
export { useColor, writeAtomic, type Io } from './cli/io.js';

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('storefront')
    .description("Check a campaign's copy across channels against one storefront.yaml")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run storefront --help for usage)')
    .addHelpText('after', HELP_AFTER);

  const reportFlags: ReportFlag[] = [];
  const check = program
    .command('check')
    .description('check every channel of the campaign against the spec')
    .argument('[spec]', 'the spec file (default: storefront.yaml or .yml here or in the nearest parent folder)')
    .option('--format <format>', `report format, repeatable: ${Object.keys(formatters).join(', ')} (default: pretty)`)
    .option('--output <file>', 'write the report of the --format before it to a file instead of stdout (repeatable)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning', 'info', 'never']))
    .option('--channel <name>', 'check only this channel (repeatable)', collect, [])
    .option('--offline', 'never touch the network: URLs come from the cache, if any')
    .option('--concurrency <n>', 'pages fetched at once (default 8)', positiveInteger)
    .option('--cache-dir <dir>', 'keep fetched pages here and revalidate them on the next run (ETag / Last-Modified)')
    .option('--quiet', 'report errors only, and no progress lines (the exit code is unchanged)')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', nonNegativeInteger)
    .option('--color', 'colour the pretty report even when stdout is no terminal')
    .option('--no-color', 'never colour the report (as NO_COLOR does)')
    .option('--print-config', 'print the spec as resolved, defaults included, and exit 0')
    .option('--stdin <channel>', "check standard input as this channel's only source (only that channel is checked)")
    .option('--stdin-filename <name>', 'the name standard input is read as: its extension picks the reader (default stdin.html, stdin.eml or stdin.txt by the channel\'s kind)')
    .action(async (spec: string | undefined, flags: CheckFlags) => {
      exitCode = await (await import('./cli/check.js')).runCheck(spec, flags, reportFlags, io);
    });
  check.addHelpText('after', HELP_AFTER);
  check.on('option:format', (value: string) => reportFlags.push(['format', value]));
  check.on('option:output', (value: string) => reportFlags.push(['output', value]));

  program
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
      exitCode = await (await import('./cli/authoring.js')).runInit(sources, flags, io);
    });

  program
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
      exitCode = await (await import('./cli/authoring.js')).runExtract(source, flags, io);
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
