// A command loads only what it uses: --version and --help load commander and nothing of the
// checking library; a check loads the reader of its sources' kind and the report it writes,
// never Ajv's compiler (the schema is compiled at build time), sitemaps, feeds or other reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_THREAD } from '../../src/campaign/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The load log runs on Node's module-hooks thread (module.register), and with it Node 20
// segfaults now and then at exit: 6 of 900 runs of the Mastodon extract below died of SIGSEGV
// with the hooks and none of 600 without them (CI failed once on it). So a child that a crash
// signal ended is run again, up to CRASH_RUNS times; a timeout (SIGTERM) or an exit code is
// never run again, and a crash that persists fails the test with its signal and stderr.
const CRASH_RUNS = 3;
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGABRT', 'SIGILL']);

function loaded(args: string[], input?: string): { code: number; files: string[]; modules: string[] } {
  for (let run = 1; ; run += 1) {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'storefront-load-')), 'loaded.txt');
    const result = spawnSync(process.execPath, ['--import', path.join(root, 'test/support/load-log.mjs'), path.join(root, 'bin/storefront.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      input,
      env: { PATH: process.env.PATH ?? '', STOREFRONT_LOAD_LOG: log },
      timeout: 120_000,
    });
    if (result.signal !== null && CRASH_SIGNALS.has(result.signal) && run < CRASH_RUNS) continue;
    if (result.status === null) throw new Error(`storefront ${args.join(' ')} ended by ${result.signal} (run ${run}):\n${result.stderr}`);
    let text = '';
    try {
      text = readFileSync(log, 'utf8');
    } catch {
      // Nothing logged.
    }
    const files = [...new Set(text.split('\n').filter(Boolean).map((url) => url.replace(`file://${root}/`, '')))];
    return { code: result.status, files, modules: files.flatMap(modulesIn) };
  }
}

// The CLI runs bundled (scripts/build-bundle.mjs): a file of dist/bundle/ stands for the
// modules esbuild put in it, as its metafile lists them.
const bundle = JSON.parse(readFileSync(path.join(root, 'dist/bundle/metafile.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
const modulesIn = (file: string): string[] => (bundle.outputs[file] ? Object.keys(bundle.outputs[file].inputs) : [file]);

// Sorted: the order modules finish loading in is not what these tests are about (it varied).
const matching = (modules: string[], pattern: RegExp) => modules.filter((m) => pattern.test(m)).sort();

describe('start-up', () => {
  it.each([[['--version']], [['--help']], [['check', '--help']]])('%j loads commander and none of the library', (args: string[]) => {
    const { code, modules } = loaded(args);
    expect(code).toBe(0);
    expect(matching(modules, /node_modules\/commander\//).length).toBeGreaterThan(0);
    // The --shard option's parser (a few lines, no imports) is all of src/campaign the CLI needs to
    // start, and the sanitiser (no imports) every line on stderr goes through.
    expect(matching(modules, /^dist\/(check|checks|normalize|sources|reports|spec|campaign|init|extract)[/.]/)).toEqual(['dist/campaign/shard.js', 'dist/reports/sanitize.js']);
    expect(matching(modules, /node_modules\/(?!commander\/)/)).toEqual([]);
  }, 120_000);

  it('check loads the readers of its sources and the report it writes, nothing else', () => {
    const { code, modules } = loaded(['check', 'fixtures/example/storefront.yaml', '--channel', 'x', '--jobs', '1', '--format', 'json']);
    expect(code).toBe(1);
    expect(matching(modules, /^dist\/reports\//).sort()).toEqual(['dist/reports/json.js', 'dist/reports/sanitize.js']);
    expect(matching(modules, /^dist\/sources\/social\/social\.js$/)).toHaveLength(1);
    expect(matching(modules, /^dist\/sources\/web\/(web|sitemap)\.js$|^dist\/sources\/email\/(email|mbox|mjml)\.js$|^dist\/sources\/feeds\//)).toEqual([]);
    // The generated validator needs one helper of Ajv's runtime, not Ajv.
    expect(matching(modules, /node_modules\/(ajv\/(?!dist\/runtime\/)|postal-mime\/|eld\/)/)).toEqual([]);
    expect(matching(modules, /^dist\/campaign\/(pool|worker)\.js$/)).toEqual([]);
    // Local files only: the HTTP stack is loaded on the first URL fetched.
    expect(matching(modules, /^dist\/sources\/http\/(fetch|http-agent|http-cache)\.js$|^node:(http|https|net|dns)$/)).toEqual([]);
    // Posts are read without cheerio (htmlparser2 and entities directly).
    expect(matching(modules, /node_modules\/cheerio\//)).toEqual([]);
    // Every English word of these posts is in the lemma table: compromise is not needed.
    expect(matching(modules, /^dist\/normalize\/lemma\.js$/)).toHaveLength(1);
    expect(matching(modules, /node_modules\/compromise\//)).toEqual([]);
    // The spec names the posts' file outright: no glob walker or matcher is needed to find it.
    expect(matching(modules, /node_modules\/(tinyglobby|fdir|picomatch)\//)).toEqual([]);
    // The posts are plain text: the HTML parser is not loaded.
    expect(matching(modules, /node_modules\/htmlparser2\//)).toEqual([]);
    // JSON posts with no character reference: neither the CSV parser nor the entity decoder
    // (the spec's CSS selector brings the copy of entities that css-select's DOM helpers use).
    expect(matching(modules, /^node_modules\/(csv-parse|entities)\//)).toEqual([]);
    // The spec names a selector ("main"): css-select is loaded to check it.
    expect(matching(modules, /node_modules\/css-select\//).length).toBeGreaterThan(0);
    // No --cache-dir: the state cache and node:crypto, which keys it, are not loaded.
    expect(matching(modules, /^dist\/campaign\/cache\.js$|^node:crypto$/)).toEqual([]);
  }, 120_000);

  it('check of a CSV of posts loads the CSV parser, and of a post with a character reference the decoder', () => {
    const csv = loaded(['check', 'fixtures/example/storefront.yaml', '--channel', 'instagram', '--jobs', '1', '--format', 'json']);
    expect(csv.code).toBe(0);
    expect(matching(csv.modules, /^node_modules\/csv-parse\//).length).toBeGreaterThan(0);
    const post = 'Spring Sale: 30% off all running shoes &amp; more.';
    const referenced = loaded(['check', 'fixtures/example/storefront.yaml', '--stdin', 'x', '--jobs', '1', '--format', 'json'], post);
    expect(referenced.code).toBe(1);
    expect(matching(referenced.modules, /^node_modules\/entities\//).length).toBeGreaterThan(0);
    expect(matching(referenced.modules, /^node_modules\/csv-parse\//)).toEqual([]);
  }, 120_000);

  it('extract of posts written in HTML (a Mastodon outbox) loads the HTML parser', () => {
    const { code, modules } = loaded(['extract', 'test/fixtures/social/outbox.json']);
    expect(code).toBe(0);
    expect(matching(modules, /node_modules\/htmlparser2\//).length).toBeGreaterThan(0);
  }, 120_000);

  // What a start costs is mostly how much code it reads and compiles, in how many files:
  // counted, since timings vary from machine to machine. The budgets hold what the bundle
  // loads today with a margin; before it, --version read 19 files (156 KB) and the check 267
  // files (1.6 MB). Exceeding one means a command loads more than it uses (an import that
  // should be lazy) or the CLI runs unbundled.
  it.each([
    { args: ['--version'], files: 12, kilobytes: 100 },
    { args: ['--help'], files: 12, kilobytes: 100 },
    { args: ['check', 'fixtures/example/storefront.yaml', '--channel', 'x', '--jobs', '1'], files: 60, kilobytes: 1_100 },
  ])('$args reads at most $files files and $kilobytes KB of code', ({ args, files: budget, kilobytes }) => {
    const { files } = loaded(args);
    const code = files.filter((f) => !f.startsWith('node:'));
    const bytes = code.reduce((sum, f) => sum + statSync(path.resolve(root, f.replace(/^file:\/\//, ''))).size, 0);
    expect(code.length).toBeLessThanOrEqual(budget);
    expect(bytes / 1024).toBeLessThanOrEqual(kilobytes);
  }, 120_000);

  it('check loads compromise for a word the lemma table lacks', () => {
    const post = 'Spring Sale: 30% off all running shoes for Zorblaxifying runners.';
    const { code, modules } = loaded(['check', 'fixtures/example/storefront.yaml', '--stdin', 'x', '--jobs', '1', '--format', 'json'], post);
    expect(code).toBe(1); // the post misses the spec's other messages
    expect(matching(modules, /node_modules\/compromise\//).length).toBeGreaterThan(0);
  }, 120_000);

  // A campaign of `files` social posts of `size` bytes each, in a fresh folder.
  function campaign(files: number, size: number): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-threads-'));
    mkdirSync(path.join(dir, 'posts'));
    const post = 'Free shipping on orders over $50. '.repeat(Math.ceil(size / 34)).slice(0, size);
    for (let i = 0; i < files; i++) writeFileSync(path.join(dir, 'posts', `p${i}.txt`), post);
    const spec = ['version: 1', 'campaign: Threads', 'language: en', 'channels:', '  social:', '    kind: social', '    sources: [posts/*.txt]', 'messages:', '  - id: shipping', '    text: "Free shipping on orders over $50"'];
    writeFileSync(path.join(dir, 'storefront.yaml'), `${spec.join('\n')}\n`);
    return path.join(dir, 'storefront.yaml');
  }

  it('check of many small files stays on this thread by default', () => {
    const { code, modules } = loaded(['check', campaign(40, 200), '--format', 'json']);
    expect(code).toBe(0);
    expect(matching(modules, /^dist\/campaign\/(pool|worker)\.js$/)).toEqual([]);
    // A spec that names no CSS selector does not load the selector engine to check them.
    expect(matching(modules, /node_modules\/(css-select|css-what|domutils)\//)).toEqual([]);
  }, 120_000);

  it('check of many large files starts worker threads by default', () => {
    // Enough copy for two threads (one per BYTES_PER_THREAD of local files).
    const { code, files, modules } = loaded(['check', campaign(40, Math.ceil((1.2 * BYTES_PER_THREAD) / 40)), '--format', 'json']);
    expect(code).toBe(0);
    expect(matching(modules, /^dist\/campaign\/pool\.js$/)).toHaveLength(availableParallelism() > 1 ? 1 : 0);
    // The threads run the worker's bundle, not the ~200 modules of the compiled one.
    if (availableParallelism() > 1) expect(files.filter((f) => /^dist\/(bundle|campaign)\/worker\.js$/.test(f))).toEqual(['dist/bundle/worker.js']);
  }, 120_000);

  it('threads load compromise for English they read, and not when every source is in the state cache', () => {
    const spec = campaign(6, 2_000);
    const cache = mkdtempSync(path.join(tmpdir(), 'storefront-cache-'));
    const args = ['check', spec, '--jobs', '2', '--cache-dir', cache, '--format', 'json'];
    // The first run reads every source: the main thread loads compromise for the threads' questions.
    const first = loaded(args);
    expect(first.code).toBe(0);
    expect(matching(first.modules, /^dist\/campaign\/pool\.js$/)).toHaveLength(1);
    expect(matching(first.modules, /node_modules\/compromise\//).length).toBeGreaterThan(0);
    // The re-run finds all six in the cache: no word is asked, and nothing loads compromise.
    const again = loaded(args);
    expect(again.code).toBe(0);
    expect(matching(again.modules, /^dist\/campaign\/(pool|cache)\.js$/)).toEqual(['dist/campaign/cache.js', 'dist/campaign/pool.js']);
    expect(matching(again.modules, /node_modules\/compromise\//)).toEqual([]);
  }, 120_000);
});
