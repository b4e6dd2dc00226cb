// One campaign, checked on one thread, on two, and in four shards merged later: the same
// report byte for byte. And a re-run with --cache-dir reads only what changed. The built bin
// is spawned as CI would run it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const TIMEOUT = 240_000;

function cli(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: TIMEOUT });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

const CAMPAIGNS = [
  ['the example', 'fixtures/example/storefront.yaml', []],
  ['the Hebrew example', 'fixtures/example-he/storefront.yaml', []],
  ['the Polish example', 'fixtures/example-pl/storefront.yaml', []],
  // Unreadable files, a pattern matching nothing and an offline URL: source errors travel through states too.
  ['a campaign of broken sources', 'test/fixtures/e2e/broken/storefront.yaml', ['--offline']],
] as const;

describe.each(CAMPAIGNS)('%s', (_name, spec, extra) => {
  it(
    'gives the same JSON report on one thread, on two, and from four shards merged',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'storefront-pipeline-'));
      const out = (name: string) => path.join(dir, name);
      const one = cli(['check', spec, ...extra, '--jobs', '1', '--format', 'json', '--output', out('one.json')]);
      const two = cli(['check', spec, ...extra, '--jobs', '2', '--format', 'json', '--output', out('two.json')]);
      expect(one.code).toBe(1);
      expect(two.code).toBe(1);
      const shards = [1, 2, 3, 4].map((i) => cli(['check', spec, ...extra, '--shard', `${i}/4`, '--format', 'state', '--output', out(`part-${i}.json`)]));
      // A shard only knows its share: it passes its state on and leaves the verdict to the merge.
      // A failure names the signal and what the process printed (a crash once killed a shard here under load).
      for (const shard of shards) expect(shard, `signal ${shard.signal}: ${shard.stderr}`).toMatchObject({ code: 0, stdout: '' });
      const merged = cli(['merge', ...[4, 2, 3, 1].map((i) => out(`part-${i}.json`)), '--format', 'json', '--output', out('merged.json')]);
      expect(merged.code).toBe(1);
      noStack(merged.stderr);

      const report = readFileSync(out('one.json'), 'utf8');
      expect(JSON.parse(report).findings.length).toBeGreaterThan(0);
      expect(readFileSync(out('two.json'), 'utf8')).toBe(report);
      expect(readFileSync(out('merged.json'), 'utf8')).toBe(report);
      // Every source went to exactly one shard.
      const shared = [1, 2, 3, 4].flatMap((i) => (JSON.parse(readFileSync(out(`part-${i}.json`), 'utf8')) as { state: { sources: Array<{ source: { id: string } }> } }).state.sources.map((s) => s.source.id));
      expect(shared.sort()).toEqual((JSON.parse(report) as { sources: Array<{ id: string }> }).sources.map((s) => s.id).sort());
      // The state files name no machine path.
      for (const i of [1, 2, 3, 4]) expect(readFileSync(out(`part-${i}.json`), 'utf8')).not.toContain(root);
    },
    TIMEOUT,
  );
});

describe('channels whose sources repeat values and rewordings', () => {
  it(
    'give the same report on one thread and on two, where each thread leaves its repeats out of what it hands over',
    () => {
      // Six copies of a mail stating the returns window the site contradicts, and eight posts
      // rewording the headline, the closest last: on either thread a later source repeats a
      // statement or a drift the thread handed over before. The report must still name the
      // first mail and the closest post, as one thread does.
      const dir = mkdtempSync(path.join(tmpdir(), 'storefront-repeats-'));
      cpSync(path.join(root, 'fixtures/example'), dir, { recursive: true });
      const mail = readFileSync(path.join(dir, 'email/launch.eml'), 'utf8');
      for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `email/launch-${i}.eml`), mail);
      const captions = [
        'Running shoes on sale',
        'Big spring deals on running shoes this week',
        'Spring deals on running shoes',
        'Spring deals are here, take 30% off your next running shoes',
        'Spring sale on running gear',
        'Spring savings on all running shoes',
        'Running shoes on sale',
        'Spring Sale: deals on running shoes',
      ];
      captions.forEach((caption, i) => writeFileSync(path.join(dir, `social/posts-${i}.csv`), `id,Caption,Link\nig-${i},"${caption}",https://runfast.example/spring\n`));
      const spec = path.join(dir, 'storefront.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('sources: [social/instagram.csv]', 'sources: ["social/posts-*.csv"]'));

      const report = (jobs: string) => cli(['check', 'storefront.yaml', '--jobs', jobs, '--format', 'json'], dir);
      const one = report('1');
      expect(one.code).toBe(1);
      const findings = (JSON.parse(one.stdout) as { findings: Array<{ rule: string; source?: string; message: string }> }).findings;
      expect(findings.find((f) => f.rule === 'cross-channel-conflict')?.source).toBe('email/launch-0.eml');
      expect(findings.find((f) => f.rule === 'message-drift')).toMatchObject({ source: 'social/posts-7.csv', message: expect.stringContaining('similarity 0.74') });
      for (let run = 0; run < 3; run++) expect(report('2').stdout).toBe(one.stdout);
    },
    TIMEOUT,
  );
});

describe('storefront merge', () => {
  const example = 'fixtures/example/storefront.yaml';

  it(
    'writes any report, and refuses states that are not one whole run, in one line with exit code 2',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'storefront-merge-'));
      const part = (i: number, n = 2, spec = example) => {
        const file = path.join(dir, `part-${i}-of-${n}-${path.basename(path.dirname(spec))}.json`);
        expect(cli(['check', spec, '--shard', `${i}/${n}`, '--format', 'state', '--output', file]).code).toBe(0);
        return file;
      };
      const [a, b] = [part(1), part(2)];
      const whole = cli(['check', example, '--format', 'pretty'], root);
      const pretty = cli(['merge', a, b]);
      expect(pretty.code).toBe(1);
      expect(pretty.stdout).toBe(whole.stdout);

      const refusals: Array<[string[], RegExp]> = [
        [[a], /^storefront: shards? 2\/2 missing: merge every shard's state\n$/],
        [[a, a], /^storefront: .*part-1-of-2-example\.json and .*part-1-of-2-example\.json are both shard 1\/2\n$/],
        [[a, part(2, 3)], /split the sources differently: merge the shards of one run\n$/],
        [[a, part(2, 2, 'fixtures/example-pl/storefront.yaml')], /were checked against different specs: merge the shards of one run\n$/],
        [[a, example], /fixtures\/example\/storefront\.yaml: not JSON/],
        [[a, path.join(dir, 'nope.json')], /nope\.json: file not found\n$/],
        [[], /error: missing required argument 'states'/],
      ];
      const notState = path.join(dir, 'report.json');
      writeFileSync(notState, JSON.stringify({ version: 1, findings: [] }));
      refusals.push([[a, notState], /report\.json: not a storefront state file \(write one with check --format state\)\n$/]);
      for (const [args, message] of refusals) {
        const run = cli(['merge', ...args, '--format', 'json']);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        noStack(run.stderr);
      }
    },
    TIMEOUT,
  );

  it('refuses a shard written as a report, and a shard that is not i/n', () => {
    const report = cli(['check', example, '--shard', '1/2', '--format', 'json']);
    expect(report.code).toBe(2);
    expect(report.stderr).toBe('storefront: --shard checks a share of the sources: write it with --format state, then `storefront merge` the shards into reports\n');
    for (const shard of ['0/4', '5/4', 'half', '1/0']) {
      const run = cli(['check', example, '--shard', shard, '--format', 'state']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/argument '.*' is invalid\. expected i\/n with 1 <= i <= n/);
    }
  });
});

describe('check --cache-dir', () => {
  it(
    're-reads only the sources whose bytes changed, and gives the report a fresh run gives',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'storefront-cache-'));
      const campaign = path.join(dir, 'campaign');
      cpSync(path.join(root, 'fixtures/example'), campaign, { recursive: true });
      const cache = path.join(dir, 'cache');
      const run = (jobs: string) => {
        const result = cli(['check', 'storefront.yaml', '--jobs', jobs, '--cache-dir', cache, '--format', 'json'], campaign);
        const counts = /storefront: (\d+) of (\d+) sources read and checked, (\d+) unchanged \(from the cache\)/.exec(result.stderr);
        expect(counts, result.stderr).not.toBeNull();
        return { report: result.stdout, read: Number(counts![1]), reused: Number(counts![3]) };
      };
      const fresh = () => cli(['check', 'storefront.yaml', '--jobs', '1', '--format', 'json'], campaign).stdout;

      const first = run('1');
      expect(first).toMatchObject({ read: 5, reused: 0 });
      expect(first.report).toBe(fresh());
      // Nothing changed: nothing is read again, on one thread or two.
      expect(run('1')).toEqual({ report: first.report, read: 0, reused: 5 });
      expect(run('2')).toEqual({ report: first.report, read: 0, reused: 5 });

      // One page edited: only it is read, and the report is what a fresh run says.
      const page = path.join(campaign, 'site/spring.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('RunFast Pro is just $49.99', 'RunFast Pro is just $44.99'));
      const edited = run('2');
      expect(edited).toMatchObject({ read: 1, reused: 4 });
      expect(edited.report).toBe(fresh());
      expect(edited.report).not.toBe(first.report);

      // A spec change is a change for every source.
      const spec = path.join(campaign, 'storefront.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('min_similarity: 0.75', 'min_similarity: 0.8'));
      const respecified = run('1');
      expect(respecified).toMatchObject({ read: 5, reused: 0 });
      expect(respecified.report).toBe(fresh());
    },
    TIMEOUT,
  );
});
