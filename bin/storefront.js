#!/usr/bin/env node
// Thin entry: the compiled CLI, bundled (scripts/build-bundle.mjs) so that a start loads a few
// files instead of hundreds of modules; both are built by `npm ci` through `prepare`.
import { setFlagsFromString } from 'node:v8';

// V8 runs a regular expression's first match in its bytecode interpreter and compiles it to
// machine code from the second on. The value patterns (dates, amounts, URLs: hundreds of
// alternatives each) are so large that the interpreted first pass over a text, plus the
// compilation to bytecode that only it uses, cost more than compiling to machine code
// straight away: about a tenth of a second of a small check. Set before any pattern runs;
// V8's flags are the process's, worker threads included.
setFlagsFromString('--no-regexp-tier-up');

const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
