// cross-channel-conflict: values the spec does not cover, attached to the same context
// words, stated differently by different channels ("returns within 30 days" on the site,
// "returns within 14 days" in the newsletter).
import type { NormalizedDocument, NormalizedPart, Token } from '../normalize/index.js';
import type { Value } from '../normalize/values/index.js';
import { quote } from './excerpt.js';
import { findMentions, keyOfFact } from './facts.js';
import { DEFAULT_SEVERITY, type Check, type CheckContext } from './types.js';

const COMPARED = new Set(['money', 'percent', 'number', 'date']);
const REACH = 3;

interface Statement {
  channel: string;
  doc: NormalizedDocument;
  np: NormalizedPart;
  value: Value;
}

function contextWord(tokens: readonly Token[], from: number, step: number): Token | undefined {
  for (let i = from, n = 0; i >= 0 && i < tokens.length && n < REACH; i += step, n++) {
    const t = tokens[i];
    if (!t.stop && !t.negation && /^\p{L}{3,}$/u.test(t.norm)) return t;
  }
  return undefined;
}

/** A block of a few words that states no value: a table's row label, a card's heading. */
const LABEL_WORDS = 4;
/** A block this short that starts with its value is a cell: "14 days", "€ 4,95 pro Monat". */
const CELL_WORDS = 6;
function isLabel(np: NormalizedPart | undefined): np is NormalizedPart {
  if (!np || np.values.length > 0 || (np.part.role !== 'body' && np.part.role !== 'heading')) return false;
  const count = np.sentences.reduce((n, s) => n + s.tokens.length, 0);
  return count > 0 && count <= LABEL_WORDS;
}

/**
 * "return … day": the closest content word before and after the value in its sentence. A
 * value with no word before it in a short block (a table cell "14 days") takes its context
 * from the block it belongs to: the label just before it ("Returns" in the cell beside it).
 */
function contextOf(np: NormalizedPart, value: Value, previous?: NormalizedPart): string | undefined {
  const sentence = np.sentences.find((s) => value.start >= s.start && value.start < s.end);
  if (!sentence) return undefined;
  const tokens = sentence.tokens;
  const before = tokens.findLastIndex((t) => t.end <= value.start);
  const after = tokens.findIndex((t) => t.start >= value.end);
  let prev = contextWord(tokens, before, -1);
  const cell = before < 0 && np.sentences.reduce((n, s) => n + s.tokens.length, 0) <= CELL_WORDS;
  if (!prev && cell && isLabel(previous)) {
    const label = previous.sentences.flatMap((s) => s.tokens);
    prev = contextWord(label, label.length - 1, -1);
  }
  const next = after >= 0 ? contextWord(tokens, after, 1) : undefined;
  if (!prev && !next) return undefined;
  return `${prev?.lemma ?? ''} … ${next?.lemma ?? ''}`.trim();
}

function claimedByFacts(context: CheckContext, doc: NormalizedDocument): Set<string> {
  const claimed = new Set<string>();
  for (const fact of context.spec.facts) {
    const key = keyOfFact(fact, context.spec);
    if (!key) continue;
    for (const m of findMentions(fact, key, doc)) claimed.add(`${m.np.index}:${m.start}`);
  }
  return claimed;
}

export const crossChannelCheck: Check = {
  rules: ['cross-channel-conflict'],
  run(context) {
    if (!context.spec.rules.crossChannel) return;
    const factKeys = new Set(context.spec.facts.map((f) => `${f.type}:${keyOfFact(f, context.spec)}`));
    // context -> channel -> value key -> first statement
    const table = new Map<string, Map<string, Map<string, Statement>>>();
    for (const doc of context.docs) {
      const claimed = claimedByFacts(context, doc);
      for (const np of doc.parts) {
        for (const value of np.values) {
          if (!COMPARED.has(value.type) || value.reference) continue;
          if (claimed.has(`${np.index}:${value.start}`) || factKeys.has(`${value.type}:${value.key}`)) continue;
          const words = contextOf(np, value, doc.parts[np.index - 1]);
          if (!words) continue;
          const topic = `${value.type}|${words}`;
          const byChannel = table.get(topic) ?? new Map<string, Map<string, Statement>>();
          table.set(topic, byChannel);
          const values = byChannel.get(doc.doc.channel) ?? new Map<string, Statement>();
          byChannel.set(doc.doc.channel, values);
          if (!values.has(value.key)) values.set(value.key, { channel: doc.doc.channel, doc, np, value });
        }
      }
    }
    for (const [topic, byChannel] of [...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      reportConflicts(topic.split('|')[1], byChannel, context);
    }
  },
};

function reportConflicts(words: string, byChannel: Map<string, Map<string, Statement>>, context: CheckContext): void {
  // A channel that itself states several values here (a price list) says nothing clear.
  const clear = context.channels
    .map((channel) => byChannel.get(channel))
    .filter((values): values is Map<string, Statement> => values?.size === 1)
    .map((values) => [...values.values()][0]);
  if (new Set(clear.map((s) => s.value.key)).size < 2) return;
  const votes = new Map<string, Statement[]>();
  for (const s of clear) votes.set(s.value.key, [...(votes.get(s.value.key) ?? []), s]);
  // Most channels win; on a tie the value stated first in spec order, so the later channel is flagged.
  const [, winners] = [...votes].reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const reference = winners[0];
  for (const s of clear) {
    if (s.value.key === reference.value.key) continue;
    context.report({
      rule: 'cross-channel-conflict',
      severity: DEFAULT_SEVERITY['cross-channel-conflict'],
      channel: s.channel,
      source: s.doc.doc.source,
      subject: words,
      expected: `${reference.value.key} (${reference.channel})`,
      found: s.value.key,
      ...quote(s.np, s.value.start, s.value.end),
      message: `"${s.value.raw}" (${words}) differs from ${reference.value.raw} in channel "${reference.channel}"`,
    });
  }
}
