// A thread leaves out of each source's state what it already handed over better (handover.ts):
// the folded state must be the one the whole states give, whatever thread checks which source
// and in whatever order they finish.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Handover } from '../../src/campaign/handover.js';
import { emptySourceState, emptyState, mergeStates, placeSource, type SourceState } from '../../src/campaign/state.js';

const CHANNELS = ['web', 'email'];
const TOPICS = ['money|start', 'percent|report … high', '__proto__'];
const MESSAGES = ['headline', 'free-trial'];

/** A source's state with statements of a few values and reworded windows of a few ranks. */
const sourceState = fc
  .record({
    channel: fc.constantFrom(...CHANNELS),
    statements: fc.array(fc.tuple(fc.constantFrom(...TOPICS), fc.constantFrom('10', '20', '30'), fc.string({ maxLength: 8 })), { maxLength: 6 }),
    drifts: fc.array(fc.tuple(fc.constantFrom(...MESSAGES), fc.option(fc.constantFrom(0.6, 0.7, 0.8), { nil: undefined })), { maxLength: 2 }),
  });

interface SourceSpec {
  channel: string;
  statements: Array<[topic: string, key: string, excerpt: string]>;
  drifts: Array<[message: string, rank: number | undefined]>;
}

function stateOf(id: number, spec: SourceSpec): SourceState {
  const state = emptySourceState({ id: `s${id}`, channel: spec.channel, kind: 'web', status: 'ok', language: 'en' });
  for (const [topic, key, excerpt] of spec.statements) {
    const values = (state.statements[topic] ??= Object.create(null) as Record<string, never>);
    values[key] = { raw: key, excerpt: `${excerpt} s${id}`, highlight: [0, key.length], location: { part: 'body', line: id + 1, column: 1 } };
  }
  for (const [message, rank] of spec.drifts) {
    const finding = { rule: 'message-drift' as const, severity: 'warning' as const, channel: spec.channel, source: `s${id}`, subject: message, message: `drift in s${id}` };
    state.messages[message] = { local: rank ?? 0, untranslated: [], wording: message, ...(rank === undefined ? {} : { drift: { rank, score: rank, finding } }) };
  }
  return state;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('a thread\'s hand-over of source states', () => {
  it('folds to the state the whole source states fold to', () => {
    fc.assert(
      fc.property(
        fc.array(sourceState, { minLength: 1, maxLength: 24 }),
        fc.array(fc.nat({ max: 2 }), { minLength: 24, maxLength: 24 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 24, maxLength: 24 }),
        (specs, threadOf, delay) => {
          const states = specs.map((spec, order) => stateOf(order, spec));
          // Each thread is given sources in ascending order and finishes them in any order
          // (a small delay swaps neighbours); the main thread folds them as they arrive.
          const arrivals = states.map((state, order) => ({ order, state, thread: threadOf[order], at: order + delay[order] }));
          arrivals.sort((a, b) => a.at - b.at || a.order - b.order);
          const threads = [new Handover(), new Handover(), new Handover()];
          const trimmed = emptyState();
          const whole = emptyState();
          for (const { order, state, thread } of arrivals) {
            mergeStates(trimmed, placeSource(order, json(threads[thread].trim(order, state)) as SourceState));
            mergeStates(whole, placeSource(order, json(state) as SourceState));
          }
          expect(json(trimmed)).toEqual(json(whole));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out a value already handed over from an earlier source, and a drift already beaten', () => {
    const handover = new Handover();
    const first = stateOf(0, { channel: 'web', statements: [['money|start', '10', 'a']], drifts: [['headline', 0.8]] });
    const second = stateOf(1, { channel: 'web', statements: [['money|start', '10', 'b'], ['money|start', '20', 'c']], drifts: [['headline', 0.7]] });
    const otherChannel = stateOf(2, { channel: 'email', statements: [['money|start', '10', 'd']], drifts: [['headline', 0.7]] });
    expect(handover.trim(0, first)).toEqual(first);
    const kept = handover.trim(1, second);
    expect(Object.keys(kept.statements['money|start'])).toEqual(['20']);
    expect(kept.messages.headline.drift).toBeUndefined();
    expect(kept.messages.headline.local).toBe(0.7);
    // The state given is not changed: the state cache may hold it.
    expect(Object.keys(second.statements['money|start'])).toEqual(['10', '20']);
    expect(second.messages.headline.drift?.rank).toBe(0.7);
    // Another channel keeps its own firsts and bests.
    expect(handover.trim(2, otherChannel)).toEqual(otherChannel);
  });

  it('keeps a value from an earlier source that finished later', () => {
    const handover = new Handover();
    handover.trim(5, stateOf(5, { channel: 'web', statements: [['money|start', '10', 'late']], drifts: [['headline', 0.7]] }));
    const earlier = stateOf(3, { channel: 'web', statements: [['money|start', '10', 'early']], drifts: [['headline', 0.7]] });
    expect(handover.trim(3, earlier)).toEqual(earlier);
  });
});
