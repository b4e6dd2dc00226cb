// Specs that prove themselves: each example of a message, fact or term is run through the
// same check that reads real copy, before the run starts. An example that does not behave
// is a spec error at its line. Like fact values (check-facts.ts), this needs the checks,
// which the spec loader (an earlier stage) does not know.
import { checkDocuments } from './campaign/in-memory.js';
import type { Document } from './documents/types.js';
import type { CoverageEntry, Finding } from './findings/types.js';
import { SpecError } from './spec/errors.js';
import type { Channel, Spec, SpecExample, Term } from './spec/types.js';

const CHANNEL = 'example';

/** One example through the checks, on a spec reduced to the item and one channel. */
function runOn(spec: Spec, item: Pick<Spec, 'messages' | 'facts' | 'terms'>, text: string): { findings: Finding[]; coverage: Record<string, Record<string, CoverageEntry>> } {
  const channel: Channel = { name: CHANNEL, kind: 'web', language: spec.language, sources: [] };
  const reduced: Spec = { ...spec, channels: [channel], ...item, exceptions: [], rules: { ...spec.rules, crossChannel: false } };
  const doc: Document = { source: CHANNEL, channel: CHANNEL, kind: 'web', language: spec.language, parts: [{ role: 'body', text, anchors: [] }] };
  const { findings, coverage } = checkDocuments(reduced, [doc], [CHANNEL]);
  return { findings, coverage };
}

const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Why the example misbehaves, or undefined when it behaves. */
function messageProblem(spec: Spec, index: number, example: SpecExample): string | undefined {
  const message = spec.messages[index];
  const { coverage } = runOn(spec, { messages: [{ ...message, channels: [CHANNEL] }], facts: [], terms: [] }, example.text);
  const entry = coverage[message.id]?.[CHANNEL];
  const said = entry?.status === 'present';
  const how = entry ? `${entry.status}${entry.score !== undefined ? ` ${entry.score}` : ''}` : 'not judged';
  if (example.expect === 'match' && !said) return `example ${quoted(example.text)} does not say message "${message.id}" (${how}; min_similarity ${message.minSimilarity})`;
  if (example.expect === 'no_match' && said) return `example ${quoted(example.text)} says message "${message.id}" (${how}), but is listed under no_match`;
  return undefined;
}

function factProblem(spec: Spec, index: number, example: SpecExample): string | undefined {
  const fact = spec.facts[index];
  const { findings } = runOn(spec, { messages: [], facts: [{ ...fact, required: [CHANNEL] }], terms: [] }, example.text);
  const mismatch = findings.find((f) => f.rule === 'fact-mismatch');
  const missing = findings.some((f) => f.rule === 'fact-missing');
  if (example.expect === 'match') {
    if (mismatch) return `example ${quoted(example.text)} states fact "${fact.id}" as ${mismatch.found}, not ${fact.value}`;
    if (missing) return `example ${quoted(example.text)} does not state fact "${fact.id}": no ${fact.type} value is claimed by its near words (${fact.near.join(', ') || 'none'})`;
    return undefined;
  }
  if (!missing) return `example ${quoted(example.text)} is claimed by fact "${fact.id}" (as ${mismatch?.found ?? fact.value}), but is listed under no_match`;
  return undefined;
}

function termName(term: Term): string {
  return term.kind === 'use' ? term.use : term.kind === 'avoid' ? term.avoid.join(', ') : term.require;
}

function termProblem(spec: Spec, index: number, example: SpecExample): string | undefined {
  const term = spec.terms[index];
  const { findings } = runOn(spec, { messages: [], facts: [], terms: [{ ...term, channels: [CHANNEL] }] }, example.text);
  if (term.kind === 'require') {
    const lacks = findings.length > 0;
    if (example.expect === 'match' && lacks) return `example ${quoted(example.text)} lacks the required "${term.require}"`;
    if (example.expect === 'no_match' && !lacks) return `example ${quoted(example.text)} contains the required "${term.require}", but is listed under no_match`;
    return undefined;
  }
  const flagged = findings.length > 0;
  if (example.expect === 'match' && !flagged) return `example ${quoted(example.text)} is not flagged by the term "${termName(term)}"`;
  if (example.expect === 'no_match' && flagged) return `example ${quoted(example.text)} is flagged by the term "${termName(term)}" (${findings[0].found ?? findings[0].message}), but is listed under no_match`;
  return undefined;
}

/** Throws a SpecError at the first example that does not behave, in file order. */
export function validateExamples(spec: Spec, specName: string): void {
  const problems: Array<{ example: SpecExample; reason: string }> = [];
  const collect = (examples: SpecExample[] | undefined, judge: (e: SpecExample) => string | undefined) => {
    for (const example of examples ?? []) {
      const reason = judge(example);
      if (reason) problems.push({ example, reason });
    }
  };
  spec.messages.forEach((m, i) => collect(m.examples, (e) => messageProblem(spec, i, e)));
  spec.facts.forEach((f, i) => collect(f.examples, (e) => factProblem(spec, i, e)));
  spec.terms.forEach((t, i) => collect(t.examples, (e) => termProblem(spec, i, e)));
  problems.sort((a, b) => (a.example.at?.line ?? 0) - (b.example.at?.line ?? 0));
  const first = problems[0];
  if (first) throw new SpecError(specName, first.example.at?.line, first.example.at?.column, first.example.path, first.reason);
}
