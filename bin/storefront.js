#!/usr/bin/env node
// Thin entry: the compiled CLI, bundled (scripts/build-bundle.mjs) so that a start loads a few
// files instead of hundreds of modules; both are built by `npm ci` through `prepare`.
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process.argv.slice(2));
