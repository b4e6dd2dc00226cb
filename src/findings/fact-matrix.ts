// The fact matrix: facts × channels, the question a reviewer asks first — is it the same
// price everywhere? For each spec fact and channel, the value(s) the channel states, where,
// and a status; and a row for each value that channels state differently though no fact
// covers it (from cross-channel-conflict findings). Computed from a small input — sightings
// of facts per channel, and the findings — so it does not care how the checks ran.
import type { Fact } from '../spec/types.js';
import type { Finding, Location } from './types.js';

/** One statement of a fact in a channel, right or wrong. */
export interface FactSighting {
  fact: string;
  channel: string;
  source: string;
  /** The value as normalized (the key facts compare). */
  value: string;
  /** The value as written. */
  raw: string;
  location?: Location;
}

/**
 * agrees: every statement is the spec's value; differs: at least one is not; not-stated: a
 * channel the fact requires says nothing; not-required: nothing said, nor asked for; unknown:
 * no source of the channel could be read.
 */
export type FactStatus = 'agrees' | 'differs' | 'not-stated' | 'not-required' | 'unknown';

export interface FactValue {
  value: string;
  raw: string;
  /** Absent for a cross-channel row's reference value: the finding names its channel only. */
  source?: string;
  location?: Location;
}

export interface FactCell {
  status: FactStatus;
  values: FactValue[];
}

export interface FactRow {
  /** The fact's id; for a value no fact covers, the context words it was stated with. */
  fact: string;
  /** Where the row comes from: a spec fact, or channels that disagree with no fact covering it. */
  from: 'spec' | 'cross-channel';
  type?: string;
  /** The spec's value; for a cross-channel row, the value most channels state. */
  expected: string;
  channels: Record<string, FactCell>;
}

export interface FactMatrixInput {
  facts: ReadonlyArray<Pick<Fact, 'id' | 'type' | 'value' | 'required'>>;
  /** The normalized value of each fact (what sightings compare to), by fact id. */
  keys: ReadonlyMap<string, string>;
  channels: readonly string[];
  /** Channels with at least one readable source. */
  readable: ReadonlySet<string>;
  sightings: readonly FactSighting[];
  findings: readonly Finding[];
}

const placeKey = (v: FactValue) => `${v.value}|${v.source ?? ''}|${v.location?.line ?? ''}|${v.location?.column ?? ''}`;

function addValue(cell: FactCell, value: FactValue): void {
  if (!cell.values.some((v) => placeKey(v) === placeKey(value))) cell.values.push(value);
}

function specRow(fact: FactMatrixInput['facts'][number], input: FactMatrixInput): FactRow {
  const key = input.keys.get(fact.id);
  const channels: Record<string, FactCell> = Object.create(null) as Record<string, FactCell>;
  for (const channel of input.channels) {
    const cell: FactCell = { status: 'not-required', values: [] };
    for (const s of input.sightings) {
      if (s.fact === fact.id && s.channel === channel) addValue(cell, { value: s.value, raw: s.raw, source: s.source, ...(s.location ? { location: s.location } : {}) });
    }
    if (!input.readable.has(channel)) cell.status = 'unknown';
    else if (cell.values.length) cell.status = cell.values.every((v) => v.value === key) ? 'agrees' : 'differs';
    else cell.status = fact.required.includes(channel) ? 'not-stated' : 'not-required';
    channels[channel] = cell;
  }
  return { fact: fact.id, from: 'spec', type: fact.type, expected: fact.value, channels };
}

// A conflict finding's `expected` is "VALUE (CHANNEL)": the value most channels state, and where.
const REFERENCE = /^(.*) \(([^()]*)\)$/;

function crossChannelRows(input: FactMatrixInput): FactRow[] {
  const rows = new Map<string, FactRow>();
  for (const f of input.findings) {
    if (f.rule !== 'cross-channel-conflict' || f.subject === undefined || f.found === undefined) continue;
    const reference = REFERENCE.exec(f.expected ?? '');
    if (!reference) continue;
    const [, value, channel] = reference;
    let row = rows.get(f.subject);
    if (!row) {
      const channels: Record<string, FactCell> = Object.create(null) as Record<string, FactCell>;
      for (const ch of input.channels) channels[ch] = { status: input.readable.has(ch) ? 'not-required' : 'unknown', values: [] };
      row = { fact: f.subject, from: 'cross-channel', expected: value, channels };
      rows.set(f.subject, row);
    }
    const referenceCell = row.channels[channel];
    if (referenceCell && !referenceCell.values.length) {
      referenceCell.status = 'agrees';
      // The finding names the reference channel, not where it says it.
      referenceCell.values.push({ value, raw: value });
    }
    const cell = row.channels[f.channel];
    if (cell) {
      cell.status = 'differs';
      addValue(cell, { value: f.found, raw: f.found, source: f.source ?? f.channel, ...(f.location ? { location: f.location } : {}) });
    }
  }
  return [...rows.values()];
}

export function factMatrix(input: FactMatrixInput): FactRow[] {
  return [...input.facts.filter((f) => input.keys.has(f.id)).map((f) => specRow(f, input)), ...crossChannelRows(input)];
}
