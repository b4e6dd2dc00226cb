// A whole check over documents already in memory: the pure core of a run, without reading,
// exceptions or the report. Tests call it with hand-built documents, and a spec's examples
// are judged through it (src/check-examples.ts).
import type { Document } from '../documents/types.js';
import type { CoverageEntry, Finding } from '../findings/types.js';
import type { Spec } from '../spec/types.js';
import { checkDocumentState } from './document.js';
import { crossChannelRules, factRules, messageRules, termRules } from './rules.js';
import { emptyState, mergeStates, placeSource } from './state.js';

/**
 * Runs every check over documents already read, in memory: the pure core of a check run,
 * which tests call with hand-built documents. Findings are appended to `findings` (before
 * exceptions, unsorted).
 */
export function checkDocuments(
  spec: Spec,
  docs: readonly Document[],
  channels: readonly string[] = spec.channels.map((c) => c.name),
  findings: Finding[] = [],
): { findings: Finding[]; coverage: Record<string, Record<string, CoverageEntry>>; languages: Map<string, string> } {
  const state = emptyState();
  const selected = docs.filter((doc) => channels.includes(doc.channel));
  selected.forEach((doc, order) => mergeStates(state, placeSource(order, checkDocumentState(spec, doc))));
  const placed = [...state.sources].sort((a, b) => a.order - b.order);
  for (const s of placed) findings.push(...s.findings);
  const context = { spec, state, channels, readable: new Set(selected.map((d) => d.channel)), report: (f: Finding) => findings.push(f) };
  const coverage = messageRules(context);
  factRules(context);
  termRules(context);
  crossChannelRules(context);
  return { findings, coverage, languages: new Map(placed.map((s) => [s.source.id, s.source.language])) };
}
