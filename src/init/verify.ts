// A draft proves itself against the copy it came from before it is written: checked with
// the draft, the truth source must give no finding, and each message is kept where the
// other channels say it. A fact whose near word claims a wrong value on the truth gets its
// next distinctive word; one with none left cannot tell its value apart and is dropped.
import { checkDocuments } from '../check.js';
import type { Document } from '../documents/types.js';
import type { CoverageEntry, Finding } from '../findings/types.js';
import { parseSpec } from '../spec/load.js';
import type { DraftMessage, DraftSpec } from './draft.js';
import { renderDraft } from './render.js';

/** Messages kept besides the headline. */
const MAX_MESSAGES = 4;
const ROUNDS = 8;
const SAID = new Set(['present', 'drift', 'negated']);
/** Types whose mentions are only recognised by near words (codes and URLs are recognisable alone). */
const NEEDS_NEAR = new Set(['money', 'percent', 'date', 'number']);

export function refineDraft(draft: DraftSpec, docs: readonly Document[]): DraftSpec {
  const channelOf = new Map(draft.channels.flatMap((c) => c.sources.map((s) => [s, c] as const)));
  const placed = docs.map((doc) => {
    const channel = channelOf.get(doc.source);
    return { ...doc, channel: channel?.name ?? doc.channel, language: channel?.language ?? draft.language };
  });
  const truth = placed[0];
  let current: DraftSpec = { ...draft, facts: draft.facts.filter((f) => f.near.length || !NEEDS_NEAR.has(f.type)) };
  for (let round = 0; round < ROUNDS; round++) {
    // The schema comment is irrelevant to the checks: any reference will do.
    const spec = parseSpec(renderDraft(current, 'storefront.schema.json'), 'storefront.yaml');
    const { findings, coverage } = checkDocuments(spec, placed);
    const onTruth = findings.filter((f) => f.channel === truth.channel && (f.source === undefined || f.source === truth.source));
    const next = round === 0 ? { ...current, messages: chooseMessages(current, coverage, truth.channel) } : current;
    const repaired = repair(next, onTruth);
    if (repaired === current) return current;
    current = repaired;
  }
  return current;
}

/**
 * Each message where the copy says it (as written, reworded or negated) and in channels of
 * another language, which need a translation. The headline is always kept; other messages
 * only when another channel says them as written: a drift alone may be a lookalike.
 */
function chooseMessages(draft: DraftSpec, coverage: Record<string, Record<string, CoverageEntry>>, truthChannel: string): DraftMessage[] {
  const all = draft.channels.map((c) => c.name);
  const foreign = new Set(draft.channels.filter((c) => c.language).map((c) => c.name));
  const rated = draft.messages.map((m, order) => {
    const row = coverage[m.id] ?? {};
    const saying = all.filter((name) => name !== truthChannel && SAID.has(row[name]?.status ?? ''));
    const present = saying.filter((name) => row[name]?.status !== 'drift');
    const channels = all.filter((name) => name === truthChannel || saying.includes(name) || foreign.has(name));
    return { m: channels.length === all.length ? m : { ...m, channels }, order, saying, present, onTruth: row[truthChannel]?.status === 'present' };
  });
  const [headline, ...rest] = rated;
  const chosen = rest
    .filter((c) => c.onTruth && c.present.length > 0)
    .sort((a, b) => b.present.length - a.present.length || b.saying.length - a.saying.length || a.order - b.order)
    .slice(0, MAX_MESSAGES - 1)
    .sort((a, b) => a.order - b.order);
  return [...(headline ? [headline] : []), ...chosen].map((c) => c.m);
}

/** The draft with what misfired on the truth corrected, or the same object when nothing did. */
function repair(draft: DraftSpec, onTruth: Finding[]): DraftSpec {
  if (!onTruth.length) return draft;
  const misfired = (rule: string) => new Set(onTruth.filter((f) => f.rule === rule).map((f) => f.subject));
  const facts = misfired('fact-mismatch');
  const messages = new Set([...misfired('message-missing'), ...misfired('message-drift'), ...misfired('message-negated')]);
  const variants = misfired('term-variant');
  const required = misfired('term-required');
  const changed = facts.size + messages.size + variants.size + required.size > 0;
  if (!changed) return draft;
  return {
    ...draft,
    messages: draft.messages.filter((m, i) => i === 0 || !messages.has(m.id)),
    facts: draft.facts.flatMap((f) => {
      if (!facts.has(f.id)) return [f];
      // The next distinctive word, alone: the current ones claimed another value.
      const [next, ...spare] = f.spare;
      return next ? [{ ...f, near: [next], spare }] : [];
    }),
    terms: draft.terms.filter((t) => ('use' in t ? !variants.has(t.use) : !required.has(t.require))),
  };
}
