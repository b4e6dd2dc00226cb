// fact-mismatch / fact-missing. A mention is a value of the fact's type that belongs to
// the fact: claimed by a near word, or (codes, URLs) recognisable on its own.
import { distance } from 'fastest-levenshtein';
import type { NormalizedDocument, NormalizedPart } from '../normalize/index.js';
import { codeCandidates, factKey } from '../normalize/values/index.js';
import type { Fact, Spec } from '../spec/types.js';
import { quote } from './excerpt.js';
import { findNear, prepareNear } from './near.js';
import { DEFAULT_SEVERITY, type Check, type CheckContext } from './types.js';

export interface Mention {
  np: NormalizedPart;
  /** Folded offsets of the value in the part; for hrefs the whole part. */
  start: number;
  end: number;
  raw: string;
  key: string;
}

interface Candidate {
  start: number;
  end: number;
  raw: string;
  key: string;
}

/** Short parts are one scope for near words; running copy is scoped per sentence. */
const SENTENCE_SCOPED = new Set(['body', 'link', 'nav']);

// Links that every email and page carries: not a statement of the campaign's URL.
const UTILITY_LINK = /unsubscribe|opt-?out|preferences|privacy|terms|help|support|contact|login|sign-?in|account|wypisz|rezygnacja|הסר/i;

export function yearOf(spec: Spec): number | undefined {
  const date = spec.facts.find((f) => f.type === 'date' && /^\d{4}-/.test(f.value));
  return date ? Number(date.value.slice(0, 4)) : undefined;
}

function candidates(np: NormalizedPart, fact: Fact): Candidate[] {
  if (fact.type === 'code') {
    return codeCandidates(np.folded.text).map((c) => ({ ...c, key: c.raw.toUpperCase() }));
  }
  return np.values.filter((v) => v.type === fact.type && !v.reference);
}

function scopes(np: NormalizedPart): Array<{ start: number; end: number; tokens: NormalizedPart['sentences'][number]['tokens'] }> {
  if (SENTENCE_SCOPED.has(np.part.role)) return np.sentences;
  const tokens = np.sentences.flatMap((s) => s.tokens);
  return [{ start: 0, end: np.folded.text.length, tokens }];
}

function nearMentions(np: NormalizedPart, fact: Fact, language: string): Mention[] {
  const values = candidates(np, fact);
  if (!values.length) return [];
  const claimed = new Map<number, Mention>();
  for (const scope of scopes(np)) {
    const inScope = values.filter((v) => v.start >= scope.start && v.end <= scope.end);
    if (!inScope.length) continue;
    for (const phrase of fact.near) {
      for (const [first, last] of findNear(scope.tokens, prepareNear(phrase, language))) {
        const from = scope.tokens[first].start;
        const to = scope.tokens[last].end;
        const gap = (v: Candidate) => (v.end <= from ? from - v.end : v.start >= to ? v.start - to : 0);
        const closest = inScope.reduce((a, b) => (gap(b) < gap(a) ? b : a));
        claimed.set(closest.start, { np, ...closest });
      }
    }
  }
  return [...claimed.values()];
}

function codeMentions(np: NormalizedPart, key: string): Mention[] {
  return candidates(np, { type: 'code' } as Fact)
    // A typo keeps the code's shape: "SPRING" (a word in a heading) is not "SPRING30" mistyped.
    .filter((c) => distance(c.key, key) <= 2 && /\d/.test(c.key) === /\d/.test(key))
    .map((c) => ({ np, ...c }));
}

function urlMentions(np: NormalizedPart, key: string, language: string): Mention[] {
  const host = key.split('/')[0];
  const onHost = (k: string) => k.split('/')[0] === host;
  const out: Mention[] = np.values
    .filter((v) => v.type === 'url' && onHost(v.key) && !UTILITY_LINK.test(v.key))
    .map((v) => ({ np, ...v }));
  const { href, role, text } = np.part;
  // A call to action's target, and a post's link (a link column, or the full address behind a
  // link the app shows shortened), are URLs the copy states.
  if (href && (role === 'cta' || role === 'post') && !UTILITY_LINK.test(href) && !UTILITY_LINK.test(text)) {
    const hrefKey = factKey('url', href, { language });
    if (hrefKey && onHost(hrefKey) && !out.some((m) => m.key === hrefKey)) out.push({ np, start: 0, end: np.folded.text.length, raw: href, key: hrefKey });
  }
  return out;
}

function textMentions(np: NormalizedPart, key: string): Mention[] {
  const text = np.folded.text.toLowerCase();
  const out: Mention[] = [];
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const before = text[at - 1];
    const after = text[at + key.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) {
      out.push({ np, start: at, end: at + key.length, raw: np.folded.text.slice(at, at + key.length), key });
    }
  }
  return out;
}

/** Every mention of the fact in a document, right or wrong. */
export function findMentions(fact: Fact, key: string, doc: NormalizedDocument): Mention[] {
  // Each part in its own language: a feed or mailbox read with language auto may mix them.
  return doc.parts.flatMap((np) => {
    if (fact.type === 'text') return textMentions(np, key);
    if (fact.near.length) return nearMentions(np, fact, np.language);
    if (fact.type === 'code') return codeMentions(np, key);
    if (fact.type === 'url') return urlMentions(np, key, np.language);
    // No context to tell this fact's value from any other: only an equal value counts.
    return np.values.filter((v) => v.type === fact.type && v.key === key).map((v) => ({ np, ...v }));
  });
}

export function keyOfFact(fact: Fact, spec: Spec): string | undefined {
  if (fact.type === 'text') return fact.value.toLowerCase();
  return factKey(fact.type, fact.value, { language: spec.language, year: yearOf(spec) });
}

export const factsCheck: Check = {
  rules: ['fact-mismatch', 'fact-missing'],
  run(context) {
    for (const fact of context.spec.facts) runFact(fact, context);
  },
};

function runFact(fact: Fact, context: CheckContext): void {
  const key = keyOfFact(fact, context.spec);
  if (!key) return;
  for (const channel of context.channels) {
    const docs = context.docs.filter((d) => d.doc.channel === channel);
    let stated = false;
    let contradicted = false;
    for (const doc of docs) {
      const seen = new Set<string>();
      for (const mention of findMentions(fact, key, doc)) {
        if (context.sightFact) {
          const { location } = quote(mention.np, mention.start, mention.end);
          context.sightFact({ fact: fact.id, channel, source: doc.doc.source, value: mention.key, raw: mention.raw, location });
        }
        if (mention.key === key) {
          stated = true;
          continue;
        }
        contradicted = true;
        const q = quote(mention.np, mention.start, mention.end);
        const id = `${mention.key}|${q.location.part}|${q.location.line}|${q.location.column}|${q.excerpt}`;
        if (seen.has(id)) continue;
        seen.add(id);
        context.report({
          rule: 'fact-mismatch',
          severity: fact.severity ?? DEFAULT_SEVERITY['fact-mismatch'],
          channel,
          source: doc.doc.source,
          subject: fact.id,
          expected: fact.value,
          found: mention.key,
          ...q,
          message: `"${fact.id}" is ${fact.value} in the spec, but "${mention.raw}" here`,
        });
      }
    }
    const required = fact.required.includes(channel) && context.readable.has(channel);
    if (required && !stated && !contradicted) {
      context.report({
        rule: 'fact-missing',
        severity: fact.severity ?? DEFAULT_SEVERITY['fact-missing'],
        channel,
        subject: fact.id,
        expected: fact.value,
        message: `"${fact.id}" (${fact.value}) is not stated in channel "${channel}"`,
      });
    }
  }
}
