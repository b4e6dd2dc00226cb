#!/usr/bin/env node
// Thin entry: the compiled CLI does the work (built by `npm ci` through `prepare`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
