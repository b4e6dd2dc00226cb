// cross-channel-conflict: values the spec does not cover, attached to the same context
// words, stated differently by different channels ("returns within 30 days" on the site,
// "returns within 14 days" in the newsletter).
import { partTokens, type NormalizedDocument, type NormalizedPart, type Token } from '../normalize/index.js';
import type { Value } from '../normalize/values/index.js';
import type { Statement } from '../campaign/state.js';
import type { Spec } from '../spec/types.js';
import { quote } from './excerpt.js';
import { keyOfFact, mentionsOf } from './facts.js';
import type { DocumentCheck } from './types.js';

const COMPARED = new Set(['money', 'percent', 'number', 'date']);
const REACH = 3;

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
    const label = partTokens(previous);
    prev = contextWord(label, label.length - 1, -1);
  }
  const next = after >= 0 ? contextWord(tokens, after, 1) : undefined;
  if (!prev && !next) return undefined;
  return `${prev?.lemma ?? ''} … ${next?.lemma ?? ''}`.trim();
}

// A place in a document as one number (part index, then offset): every value of every page is
// looked up, and a string key made for each was most of what this check allocated.
const placeOf = (partIndex: number, start: number) => partIndex * 2 ** 32 + start;

function claimedByFacts(spec: Spec, doc: NormalizedDocument): Set<number> {
  const claimed = new Set<number>();
  for (const fact of spec.facts) {
    const key = keyOfFact(fact, spec);
    if (!key) continue;
    for (const m of mentionsOf(spec, fact, key, doc)) claimed.add(placeOf(m.np.index, m.start));
  }
  return claimed;
}

/** The facts' values, by type: a value equal to one is the fact's, whatever its context. */
function factValues(spec: Spec): Map<string, Set<string>> {
  const byType = new Map<string, Set<string>>();
  for (const fact of spec.facts) {
    const key = keyOfFact(fact, spec);
    if (!key) continue;
    let keys = byType.get(fact.type);
    if (!keys) byType.set(fact.type, (keys = new Set()));
    keys.add(key);
  }
  return byType;
}

/**
 * Per document: the first statement of each value under each topic ("type|context words")
 * goes to the state. Comparing channels happens once all are read (src/campaign/cross-channel.ts).
 */
export const crossChannelCheck: DocumentCheck = {
  rules: ['cross-channel-conflict'],
  checkDocument({ spec, doc, state }) {
    if (!spec.rules.crossChannel) return;
    const factKeys = factValues(spec);
    const claimed = claimedByFacts(spec, doc);
    for (const np of doc.parts) {
      for (const value of np.values) {
        if (!COMPARED.has(value.type) || value.reference) continue;
        if (claimed.has(placeOf(np.index, value.start)) || factKeys.get(value.type)?.has(value.key)) continue;
        const words = contextOf(np, value, doc.parts[np.index - 1]);
        if (!words) continue;
        const topic = `${value.type}|${words}`;
        const values = (state.statements[topic] ??= Object.create(null) as Record<string, Statement>);
        if (!Object.hasOwn(values, value.key)) values[value.key] = { raw: value.raw, ...(value.alternatives ? { alternatives: value.alternatives } : {}), ...quote(np, value.start, value.end) };
      }
    }
  },
};
