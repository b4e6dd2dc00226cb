// What a thread hands over of each source's state, and what it can leave out. The merge
// (state.ts) keeps, per channel, the first statement of each value and the best reworded
// window of each message. A later source's statement of a value that this thread already
// handed over from an earlier source, or a reworded window no better than one it already
// handed over, cannot change the merged state: the thread leaves it out. A site repeats its
// values from page to page, so most of a page's state is such repeats (on the bench, 7.8 of
// the 10.7 MB of states a run on one thread hands over, as JSON); leaving them out cut the
// main thread's CPU by about a third on two threads.
import { copyOf } from '../normalize/recurring.js';
import { record, type MessageSighting, type SourceState, type Statement } from './state.js';

function tableOf<K, V>(tables: Map<K, V>, key: K, make: () => V): V {
  let table = tables.get(key);
  if (!table) tables.set(key, (table = make()));
  return table;
}

export class Handover {
  /** channel -> topic -> value key -> the earliest place handed over. */
  private readonly statements = new Map<string, Map<string, Map<string, number>>>();
  /** channel -> message id -> the best reworded window handed over. */
  private readonly drifts = new Map<string, Map<string, { order: number; rank: number }>>();

  /**
   * The state of the source at `order` without what this thread's earlier hand-overs already
   * outdo; what it keeps is noted as handed over. Never changes `state` (the cache may hold it).
   */
  trim(order: number, state: SourceState): SourceState {
    if (state.source.status !== 'ok') return state;
    const { channel } = state.source;
    return { ...state, statements: this.newStatements(order, channel, state.statements), messages: this.newDrifts(order, channel, state.messages) };
  }

  private newStatements(order: number, channel: string, statements: SourceState['statements']): SourceState['statements'] {
    const byTopic = tableOf(this.statements, channel, () => new Map<string, Map<string, number>>());
    const kept = record<Record<string, Statement>>();
    for (const [topic, values] of Object.entries(statements)) {
      let firsts = byTopic.get(topic);
      // Kept as copies: a key cut from a page would keep the whole page alive for the run.
      if (!firsts) byTopic.set(copyOf(topic), (firsts = new Map()));
      for (const [key, statement] of Object.entries(values)) {
        const first = firsts.get(key);
        if (first !== undefined && first < order) continue;
        firsts.set(first === undefined ? copyOf(key) : key, order);
        (kept[topic] ??= record<Statement>())[key] = statement;
      }
    }
    return kept;
  }

  private newDrifts(order: number, channel: string, messages: SourceState['messages']): SourceState['messages'] {
    const best = tableOf(this.drifts, channel, () => new Map<string, { order: number; rank: number }>());
    const kept = record<MessageSighting>();
    for (const [id, sighting] of Object.entries(messages)) {
      kept[id] = sighting;
      if (!sighting.drift) continue;
      const { rank } = sighting.drift;
      const handed = best.get(id);
      // The merge keeps the higher rank, and on a tie the earlier source (state.ts, `higher`).
      if (handed && (handed.rank > rank || (handed.rank === rank && handed.order < order))) {
        const { drift: _outdone, ...rest } = sighting;
        kept[id] = rest;
      } else best.set(id, { order, rank });
    }
    return kept;
  }
}
