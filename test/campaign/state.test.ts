// The campaign state folds per-source states in any order and any grouping to the same
// report: what lets worker threads finish in any order and shards be merged later.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportFromState } from '../../src/campaign/report.js';
import { fnv1a, inShard, parseShard, shardOf } from '../../src/campaign/shard.js';
import { checkSourceRef } from '../../src/campaign/source.js';
import { emptySourceState, emptyState, mergeStates, placeSource, type SourceState } from '../../src/campaign/state.js';
import { createFetcher } from '../../src/sources/http/fetch.js';
import { resolveSources } from '../../src/sources/resolve.js';
import { loadSpec } from '../../src/spec/load.js';
import type { Spec } from '../../src/spec/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function sourceStates(campaign: string): Promise<{ spec: Spec; states: SourceState[] }> {
  const spec = await loadSpec(path.join(root, campaign));
  const fetcher = createFetcher({ offline: true });
  const refs = (await Promise.all(spec.channels.map((c) => resolveSources(c, path.dirname(spec.file), { fetcher, offline: true })))).flat();
  const states = [];
  for (const ref of refs) states.push((await checkSourceRef(ref, { spec, fetcher })).state);
  return { spec, states };
}

describe.each(['fixtures/example/storefront.yaml', 'fixtures/example-pl/storefront.yaml'])('the states of %s', (campaign) => {
  let spec: Spec;
  let states: SourceState[];
  let reference: string;
  const options = { channels: [] as string[], specName: 'storefront.yaml', today: '2026-04-01' };
  const report = (folded: ReturnType<typeof emptyState>) => JSON.stringify(reportFromState(spec, folded, options));

  beforeAll(async () => {
    ({ spec, states } = await sourceStates(campaign));
    options.channels = spec.channels.map((c) => c.name);
    const inOrder = emptyState();
    states.forEach((s, order) => mergeStates(inOrder, placeSource(order, s)));
    reference = report(inOrder);
  }, 120_000);

  it('are plain JSON: a round trip changes no report', () => {
    const folded = emptyState();
    states.forEach((s, order) => mergeStates(folded, placeSource(order, JSON.parse(JSON.stringify(s)) as SourceState)));
    expect(report(folded)).toBe(reference);
    expect(JSON.parse(reference).findings.length).toBeGreaterThan(0);
  });

  it('fold to the same report in any order and any grouping', () => {
    const placed = () => states.map((s, order) => ({ order, s }));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(placed(), { minLength: states.length, maxLength: states.length }),
        fc.array(fc.nat({ max: 3 }), { minLength: states.length, maxLength: states.length }),
        (shuffled, groupOf) => {
          // Each group folded apart (a shard, a worker), then the groups folded together through JSON.
          const groups = [emptyState(), emptyState(), emptyState(), emptyState()];
          shuffled.forEach(({ order, s }, i) => mergeStates(groups[groupOf[i]], placeSource(order, s)));
          const whole = emptyState();
          for (const g of groups.reverse()) mergeStates(whole, JSON.parse(JSON.stringify(g)));
          expect(report(whole)).toBe(reference);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the fact matrix of a folded state', () => {
  it('lists a channel\'s values in source order, however the sources were folded', async () => {
    const spec = await loadSpec(path.join(root, 'fixtures/example/storefront.yaml'));
    const channel = spec.channels[0].name;
    const fact = spec.facts[0].id;
    const stating = (id: string, values: Array<[string, number]>): SourceState => {
      const state = emptySourceState({ id, channel, kind: spec.channels[0].kind, language: 'en', status: 'ok' });
      state.factSightings[fact] = Object.fromEntries(values.map(([value, line]) => [value, { raw: value, matches: false, count: 1, location: { part: 'body', line } }]));
      return state;
    };
    // The second source states a value the first does not, and states it first in its file.
    const first = stating('a.html', [['20', 9]]);
    const second = stating('b.html', [['10', 3], ['20', 4]]);
    const matrix = (order: Array<[number, SourceState]>) => {
      const folded = emptyState();
      for (const [place, state] of order) mergeStates(folded, placeSource(place, state));
      const row = reportFromState(spec, folded, { channels: [channel], specName: 'storefront.yaml', today: '2026-04-01' }).facts!.find((r) => r.fact === fact)!;
      return row.channels[channel].values.map((v) => `${v.value}@${v.source}:${v.location?.line}`);
    };
    expect(matrix([[0, first], [1, second]])).toEqual(['20@a.html:9', '10@b.html:3']);
    expect(matrix([[1, second], [0, first]])).toEqual(['20@a.html:9', '10@b.html:3']);
  });
});

describe('shards', () => {
  it('reads i/n with 1 <= i <= n, and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '2', '2/', '/4', 'a/b', '1.5/4', '-1/4', '2/4/8']) expect(parseShard(bad)).toBeUndefined();
  });

  it('puts every source in exactly one shard, spread evenly, by a hash stable across machines', () => {
    const sources = Array.from({ length: 2000 }, (_, i) => ({ channel: ['site', 'newsletter', 'x'][i % 3], id: `pages/${i}/index.html` }));
    for (const count of [1, 2, 4, 7]) {
      const sizes = new Array<number>(count).fill(0);
      for (const source of sources) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(source, { index, count }));
        expect(owners).toEqual([shardOf(source, count)]);
        sizes[owners[0] - 1]++;
      }
      for (const size of sizes) expect(Math.abs(size - sources.length / count)).toBeLessThan(0.15 * (sources.length / count));
    }
    // A source's shard is a hash of its channel and id alone (adding sources never moves the
    // others), and the hash is FNV-1a, the same on every machine: its published test vectors.
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
    // The same file in two channels is two sources.
    const spread = new Set(Array.from({ length: 50 }, (_, i) => `${shardOf({ channel: 'a', id: `${i}` }, 4)}-${shardOf({ channel: 'b', id: `${i}` }, 4)}`));
    expect([...spread].some((pair) => pair[0] !== pair[2])).toBe(true);
  });
});
