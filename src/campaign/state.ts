// The campaign state: what the campaign-wide rules (message-missing, coverage, fact-missing,
// term-required, cross-channel-conflict) need from each source, and nothing more. Documents
// are dropped as soon as they are checked; only this state and the findings stay, so memory
// does not grow with the pages. It is plain JSON: what a worker thread sends back, what the
// cache stores for a source, and what `check --shard` writes for `merge`.
//
// Two shapes: a SourceState is one source's contribution; a CampaignState folds any number of
// them. Folding is order-independent: every "first" or "best" is decided by the source's
// place in the run (`order`, the index in the resolved source list), never by arrival, so a
// run on one thread, on many, or in shards merged later reaches the same state.
import type { Finding, Location, SourceSummary } from '../findings/types.js';
import type { InlineDisable } from '../documents/types.js';

/** One message in one source: what decides the channel's coverage cell. Only for channels that require it. */
export interface MessageSighting {
  /** Score of the best window that says the message (as written, and not negated). */
  present?: number;
  /** Rounded score of the contradicted statement, when the source contradicts the message. */
  negated?: number;
  /** The best reworded window at or above the drift floor: its rank, its score as shown, its finding ready to report. */
  drift?: { rank: number; score: number; finding: Finding };
  /** Best score of a window against a wording in its own language (0: none). */
  local: number;
  /** Languages of parts with no wording of the message (primary subtags, sorted). */
  untranslated: string[];
  /** The wording a missing message is expected in, in this source's language. */
  wording: string;
}

/** A value stated for a fact in a source: the first place, and how often. */
export interface FactSighting {
  /** As written the first time. */
  raw: string;
  /** Whether it is the spec's value. */
  matches: boolean;
  count: number;
  location?: Location;
  excerpt?: string;
}

/** A value the spec does not cover, with its context words: the first statement of that value. */
export interface Statement {
  raw: string;
  /** The value's other readings (an ambiguous date under a bare `en`): it agrees with each. */
  alternatives?: string[];
  excerpt: string;
  highlight: [number, number];
  location: Location;
}

export interface SourceState {
  source: SourceSummary;
  /** This source's own findings: source errors and every per-document rule. */
  findings: Finding[];
  /** Its inline storefront-disable comments, applied with the spec's exceptions. */
  disables?: InlineDisable[];
  /** Near words ("fact index:near index") its copy contains, for the spec warning about unused ones. */
  nearSeen?: string[];
  /** message id -> sighting; only messages its channel must say. */
  messages: Record<string, MessageSighting>;
  /** Facts the source states, rightly or wrongly (a wrong value is a mismatch, not a missing fact). */
  factsStated: string[];
  /** fact id -> value key -> sighting: every value stated for each fact, right or wrong. */
  factSightings: Record<string, Record<string, FactSighting>>;
  /** Required terms (their text) that appear in the source. */
  termsSeen: string[];
  /** topic ("type|context words") -> value key -> first statement. */
  statements: Record<string, Record<string, Statement>>;
}

/** Where something was seen: the source's place in the run, and its id. */
interface Placed {
  order: number;
  source: string;
}

export interface ChannelMessage {
  present?: Placed & { score: number };
  negated?: Placed & { score: number };
  drift?: Placed & { rank: number; score: number; finding: Finding };
  local: number;
  untranslated: string[];
  /** From the channel's first readable source. */
  wording?: { order: number; text: string };
}

export type PlacedFactSighting = FactSighting & Placed;
export type PlacedStatement = Statement & Placed;

export interface CampaignState {
  /** Every source folded in, with its findings; sorted by order when a report is made. */
  sources: Array<{ order: number; source: SourceSummary; findings: Finding[]; disables?: InlineDisable[] }>;
  /** Near words ("fact index:near index") some source contains (sorted; absent while none). */
  nearSeen?: string[];
  /** message id -> channel -> what the channel's sources said. */
  messages: Record<string, Record<string, ChannelMessage>>;
  /** fact id -> channels that state it (sorted). */
  factsStated: Record<string, string[]>;
  /** channel -> fact id -> value key -> first sighting and count: the facts × channels matrix. */
  factSightings: Record<string, Record<string, Record<string, PlacedFactSighting>>>;
  /** required term -> channels where it appears (sorted). */
  termsSeen: Record<string, string[]>;
  /** topic -> channel -> value key -> first statement. */
  statements: Record<string, Record<string, Record<string, PlacedStatement>>>;
}

// Null-prototype records: a message id or topic such as "__proto__" is just a key.
export const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function emptyState(): CampaignState {
  return { sources: [], messages: record(), factsStated: record(), factSightings: record(), termsSeen: record(), statements: record() };
}

/** A one-source state with nothing seen yet (an unreadable source keeps it so). */
export function emptySourceState(source: SourceSummary, findings: Finding[] = []): SourceState {
  return { source, findings, messages: record(), factsStated: [], factSightings: record(), termsSeen: [], statements: record() };
}
function slot<T>(table: Record<string, T>, key: string, make: () => T): T {
  if (!Object.hasOwn(table, key)) table[key] = make();
  return table[key];
}

/** The earlier source wins: "first" means first in the run's source order. */
const earlier = <T extends { order: number }>(a: T | undefined, b: T): T => (!a || b.order < a.order ? b : a);
/** The higher value wins; on a tie, the earlier source. */
function higher<T extends { order: number }>(a: T | undefined, b: T | undefined, value: (x: T) => number): T | undefined {
  if (!a) return b;
  if (!b) return a;
  const d = value(b) - value(a);
  return d > 0 || (d === 0 && b.order < a.order) ? b : a;
}
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

function mergeMessage(a: ChannelMessage | undefined, b: ChannelMessage): ChannelMessage {
  if (!a) return b;
  const out: ChannelMessage = { local: Math.max(a.local, b.local), untranslated: union(a.untranslated, b.untranslated) };
  const present = higher(a.present, b.present, (m) => m.score);
  const negated = a.negated && b.negated ? earlier(a.negated, b.negated) : (a.negated ?? b.negated);
  const drift = higher(a.drift, b.drift, (m) => m.rank);
  const wording = a.wording && b.wording ? earlier(a.wording, b.wording) : (a.wording ?? b.wording);
  if (present) out.present = present;
  if (negated) out.negated = negated;
  if (drift) out.drift = drift;
  if (wording) out.wording = wording;
  return out;
}

function mergeSighting(a: PlacedFactSighting | undefined, b: PlacedFactSighting): PlacedFactSighting {
  if (!a) return b;
  return { ...earlier(a, b), count: a.count + b.count };
}

/** Folds `part` into `into` (mutating and returning it). Associative and commutative. */
export function mergeStates(into: CampaignState, part: CampaignState): CampaignState {
  into.sources.push(...part.sources);
  if (part.nearSeen) into.nearSeen = union(into.nearSeen ?? [], part.nearSeen);
  for (const [id, byChannel] of Object.entries(part.messages)) {
    const row = slot(into.messages, id, record<ChannelMessage>);
    for (const [channel, m] of Object.entries(byChannel)) row[channel] = mergeMessage(row[channel], m);
  }
  for (const [id, channels] of Object.entries(part.factsStated)) into.factsStated[id] = union(into.factsStated[id] ?? [], channels);
  for (const [term, channels] of Object.entries(part.termsSeen)) into.termsSeen[term] = union(into.termsSeen[term] ?? [], channels);
  for (const [channel, facts] of Object.entries(part.factSightings)) {
    const byFact = slot(into.factSightings, channel, record<Record<string, PlacedFactSighting>>);
    for (const [id, values] of Object.entries(facts)) {
      const byKey = slot(byFact, id, record<PlacedFactSighting>);
      for (const [key, sighting] of Object.entries(values)) byKey[key] = mergeSighting(byKey[key], sighting);
    }
  }
  for (const [topic, channels] of Object.entries(part.statements)) {
    const byChannel = slot(into.statements, topic, record<Record<string, PlacedStatement>>);
    for (const [channel, values] of Object.entries(channels)) {
      const byKey = slot(byChannel, channel, record<PlacedStatement>);
      for (const [key, statement] of Object.entries(values)) byKey[key] = earlier(byKey[key], statement);
    }
  }
  return into;
}

/** One source's state as a campaign state of one source, placed at `order` in the run. */
export function placeSource(order: number, state: SourceState): CampaignState {
  const { id: source, channel, status } = state.source;
  const out = emptyState();
  out.sources.push({ order, source: state.source, findings: state.findings, ...(state.disables?.length ? { disables: state.disables } : {}) });
  if (status !== 'ok') return out;
  if (state.nearSeen?.length) out.nearSeen = [...state.nearSeen].sort();
  for (const [id, m] of Object.entries(state.messages)) {
    const placed: ChannelMessage = { local: m.local, untranslated: m.untranslated, wording: { order, text: m.wording } };
    if (m.present !== undefined) placed.present = { order, source, score: m.present };
    if (m.negated !== undefined) placed.negated = { order, source, score: m.negated };
    if (m.drift) placed.drift = { order, source, ...m.drift };
    slot(out.messages, id, record<ChannelMessage>)[channel] = placed;
  }
  for (const id of state.factsStated) out.factsStated[id] = [channel];
  for (const term of state.termsSeen) out.termsSeen[term] = [channel];
  if (Object.keys(state.factSightings).length) {
    const byFact = slot(out.factSightings, channel, record<Record<string, PlacedFactSighting>>);
    for (const [id, values] of Object.entries(state.factSightings)) {
      const byKey = slot(byFact, id, record<PlacedFactSighting>);
      for (const [key, sighting] of Object.entries(values)) byKey[key] = { ...sighting, order, source };
    }
  }
  for (const [topic, values] of Object.entries(state.statements)) {
    const byKey = slot(slot(out.statements, topic, record<Record<string, PlacedStatement>>), channel, record<PlacedStatement>);
    for (const [key, statement] of Object.entries(values)) byKey[key] = { ...statement, order, source };
  }
  return out;
}
