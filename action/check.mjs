#!/usr/bin/env node
// The GitHub Action's step (action.yml): reads its inputs as the runner passes them
// (INPUT_<NAME>), runs `storefront check` with GitHub annotations on stdout and the SARIF and
// HTML reports in files, writes the step's outputs, and exits with storefront's exit code.
// It runs the action's own build when there is one (a checkout that ran `npm ci`), else the
// published storefront-cli of the same version through npx.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const actionRoot = fileURLToPath(new URL('..', import.meta.url));

/** @actions/core's getInput: INPUT_ + the name in upper case, spaces as underscores, trimmed. */
export function getInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const isTrue = (value) => /^(true|yes|on|1)$/i.test(value);

/** Splits "a b" or "a,b" into words; a quoted word keeps its spaces. */
function words(text) {
  return Array.from(text.matchAll(/"([^"]*)"|'([^']*)'|([^\s,]+)/g), (m) => m[1] ?? m[2] ?? m[3]);
}

/** The storefront check arguments the inputs ask for, and the files they write. */
export function checkArguments(env) {
  const args = ['check'];
  const spec = getInput(env, 'spec');
  if (spec) args.push(spec);
  const failOn = getInput(env, 'fail-on');
  if (failOn) args.push('--fail-on', failOn);
  args.push('--format', 'github');
  const files = {};
  if (isTrue(getInput(env, 'sarif'))) {
    files.sarif = getInput(env, 'sarif-file') || 'storefront.sarif';
    args.push('--format', 'sarif', '--output', files.sarif);
  }
  if (isTrue(getInput(env, 'html'))) {
    files.html = getInput(env, 'html-file') || 'storefront-report.html';
    args.push('--format', 'html', '--output', files.html);
  }
  for (const pair of words(getInput(env, 'formats'))) {
    const at = pair.indexOf(':');
    if (at < 1 || at === pair.length - 1) throw new Error(`formats: "${pair}" is not FORMAT:FILE (e.g. junit:storefront.junit.xml)`);
    args.push('--format', pair.slice(0, at), '--output', pair.slice(at + 1));
  }
  args.push(...words(getInput(env, 'args')));
  return { args, files };
}

function command() {
  const local = path.join(actionRoot, 'dist', 'cli.js');
  if (existsSync(local)) return [process.execPath, [path.join(actionRoot, 'bin', 'storefront.js')]];
  const { version } = JSON.parse(readFileSync(path.join(actionRoot, 'package.json'), 'utf8'));
  return ['npx', ['--yes', '-p', `storefront-cli@${version}`, 'storefront']];
}

function setOutput(env, name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

export function main(env = process.env) {
  let plan;
  try {
    plan = checkArguments(env);
  } catch (error) {
    console.log(`::error title=storefront action::${error.message}`);
    setOutput(env, 'exit-code', 2);
    return 2;
  }
  const [file, prefix] = command();
  console.log(`storefront ${plan.args.join(' ')}`);
  const run = spawnSync(file, [...prefix, ...plan.args], { stdio: 'inherit', env });
  const code = run.status ?? 2;
  setOutput(env, 'exit-code', code);
  // Only files that were written: a run that could not start leaves nothing to upload.
  for (const [name, out] of Object.entries(plan.files)) if (existsSync(out)) setOutput(env, `${name}-file`, out);
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main();
