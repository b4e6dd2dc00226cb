// fact-mismatch / fact-missing. A mention is a value of the fact's type that belongs to
// the fact: claimed by a near word, or (codes, URLs) recognisable on its own.
import { distance } from 'fastest-levenshtein';
import type { FactSighting } from '../campaign/state.js';
import type { FoldedText } from '../normalize/fold.js';
import { partTokens, type NormalizedDocument, type NormalizedPart, type Token } from '../normalize/index.js';
import { codeCandidates, factKey, type Value } from '../normalize/values/index.js';
import type { Fact, Spec } from '../spec/types.js';
import { quote } from './excerpt.js';
import { eachNear, indexNear, prepareNear, type NearIndex, type NearWord } from './near.js';
import { DEFAULT_SEVERITY, type DocumentCheck, type DocumentContext } from './types.js';

export interface Mention {
  np: NormalizedPart;
  /** Folded offsets of the value in the part; for hrefs the whole part. */
  start: number;
  end: number;
  raw: string;
  key: string;
  /** Other readings of the same writing (an ambiguous date under bare `en`): any one that equals the fact agrees. */
  alternatives?: string[];
}

interface Candidate {
  start: number;
  end: number;
  raw: string;
  key: string;
  alternatives?: string[];
}

/** Whether a mention states `key`: its reading, or one of its other readings (ambiguous dates). */
export function agrees(mention: { key: string; alternatives?: string[] }, key: string): boolean {
  return mention.key === key || (mention.alternatives?.includes(key) ?? false);
}

/** Short parts are one scope for near words; running copy is scoped per sentence. */
const SENTENCE_SCOPED = new Set(['body', 'link', 'nav']);

// Links that every email and page carries: not a statement of the campaign's URL.
const UTILITY_LINK = /unsubscribe|opt-?out|preferences|privacy|terms|help|support|contact|login|sign-?in|account|wypisz|rezygnacja|הסר/i;

export function yearOf(spec: Spec): number | undefined {
  const date = spec.facts.find((f) => f.type === 'date' && /^\d{4}-/.test(f.value));
  return date ? Number(date.value.slice(0, 4)) : undefined;
}

// Per part, what every fact of the spec asks again: its code-shaped words, its near-word scopes.
const codesByPart = new WeakMap<FoldedText, Candidate[]>();
const scopesByPart = new WeakMap<NormalizedPart, Scope[]>();

type Scope = { start: number; end: number; tokens: readonly Token[] };

function candidates(np: NormalizedPart, fact: Fact): Candidate[] {
  if (fact.type === 'code') {
    let codes = codesByPart.get(np.folded);
    if (!codes) codesByPart.set(np.folded, (codes = codeCandidates(np.folded.text).map((c) => ({ ...c, key: c.raw.toUpperCase() }))));
    return codes;
  }
  return np.values.filter((v) => statesValueOf(v, fact));
}

/** A value of the fact's type, and not a reference price ("was $60"). */
const statesValueOf = (value: Value, fact: Fact) => value.type === fact.type && !value.reference;

function scopes(np: NormalizedPart): Scope[] {
  if (SENTENCE_SCOPED.has(np.part.role)) return np.sentences;
  let whole = scopesByPart.get(np);
  if (!whole) scopesByPart.set(np, (whole = [{ start: 0, end: np.folded.text.length, tokens: partTokens(np) }]));
  return whole;
}

/**
 * Every fact's near words prepared for one language and indexed together, so a scope's words
 * are read once for all facts instead of once per fact. Each fact keeps its own phrase
 * objects: a fact's hits come out in the order its own index alone would give them.
 */
interface FactsNear {
  index: NearIndex;
  factOf: Map<NearWord, Fact>;
}

const factsNearBySpec = new WeakMap<Spec, Map<string, FactsNear>>();
function factsNearOf(spec: Spec, language: string): FactsNear {
  let byLanguage = factsNearBySpec.get(spec);
  if (!byLanguage) factsNearBySpec.set(spec, (byLanguage = new Map()));
  let near = byLanguage.get(language);
  if (!near) {
    const factOf = new Map<NearWord, Fact>();
    for (const fact of spec.facts) {
      if (fact.type === 'text') continue;
      for (const phrase of fact.near) factOf.set(prepareNear(phrase, language), fact);
    }
    byLanguage.set(language, (near = { index: indexNear([...factOf.keys()]), factOf }));
  }
  return near;
}

/** Per part: each fact's near-word hits ([first, last] token indexes), scope by scope. */
type NearHits = Map<Fact, Array<Array<[number, number]>>>;
const nearHitsByPart = new WeakMap<NormalizedPart, NearHits>();

function nearHitsOf(spec: Spec, np: NormalizedPart): NearHits {
  let hits = nearHitsByPart.get(np);
  if (hits) return hits;
  const { index, factOf } = factsNearOf(spec, np.language);
  const found: NearHits = new Map();
  const all = scopes(np);
  // One callback for the part, told the scope by a variable it reads: a callback made per
  // scope (or per part holding one) was an allocation for every sentence of every page.
  let k = 0;
  const hit = (first: number, last: number, near: NearWord) => {
    const fact = factOf.get(near)!;
    let byScope = found.get(fact);
    if (!byScope) found.set(fact, (byScope = []));
    (byScope[k] ??= []).push([first, last]);
  };
  for (; k < all.length; k++) eachNear(all[k].tokens, index, hit);
  nearHitsByPart.set(np, (hits = found));
  return hits;
}

// What most parts hold for most facts: one empty list, not a new one per part and fact.
const NONE: readonly Mention[] = Object.freeze([]);

/** Whether the part states any value of the fact's type (without listing them). */
function statesType(np: NormalizedPart, fact: Fact): boolean {
  if (fact.type === 'code') return candidates(np, fact).length > 0;
  // A loop, not values.some: asked for every part and fact, and a callback holding `fact`
  // was a new closure each time.
  for (let k = 0; k < np.values.length; k++) if (statesValueOf(np.values[k], fact)) return true;
  return false;
}

function nearMentions(spec: Spec, np: NormalizedPart, fact: Fact): readonly Mention[] {
  // Both must hold; the cheaper question first. Values are listed already, while a code's
  // candidates are found by scanning the part's text, which most parts never need.
  const valuesFirst = fact.type !== 'code';
  if (valuesFirst && !statesType(np, fact)) return NONE;
  const hitsByScope = nearHitsOf(spec, np).get(fact);
  if (!hitsByScope) return NONE;
  if (!valuesFirst && !statesType(np, fact)) return NONE;
  return claimNear(np, fact, hitsByScope);
}

/**
 * Each near-word hit claims the fact's value closest to it in its scope. Apart from
 * nearMentions, which every part asks about every fact: a function holding closures has V8
 * allocate their context on each call, even one that returns before making them.
 */
function claimNear(np: NormalizedPart, fact: Fact, hitsByScope: Array<Array<[number, number]>>): Mention[] {
  const values = candidates(np, fact);
  const claimed = new Map<number, Mention>();
  scopes(np).forEach((scope, k) => {
    const hits = hitsByScope[k];
    if (!hits) return;
    const inScope = values.filter((v) => v.start >= scope.start && v.end <= scope.end);
    if (!inScope.length) return;
    for (const [first, last] of hits) {
      const from = scope.tokens[first].start;
      const to = scope.tokens[last].end;
      const gap = (v: Candidate) => (v.end <= from ? from - v.end : v.start >= to ? v.start - to : 0);
      const closest = inScope.reduce((a, b) => (gap(b) < gap(a) ? b : a));
      claimed.set(closest.start, { np, ...closest });
    }
  });
  return [...claimed.values()];
}

// Digits that read as letters: a code typed with one for the other ("COD3", "SUMMER3O").
const LOOK_ALIKE: Record<string, string> = { '0': 'O', '1': 'I', '3': 'E', '5': 'S', '8': 'B' };
const asLetters = (code: string) => code.replace(/[01358]/g, (d) => LOOK_ALIKE[d]);

/**
 * A mistyped code: within SPEC §7's edit distance of 2 and of the code's shape ("SPRING",
 * a word in a heading, is not "SPRING30" mistyped), or differing from it where a digit
 * stands for the letter it looks like ("COD3" for "CODE", "5UMMER30" for "SUMMER30").
 */
export function isCodeSlip(candidate: string, code: string): boolean {
  const edits = distance(candidate, code);
  if (edits > 2) return false;
  if (/\d/.test(candidate) === /\d/.test(code)) return true;
  return distance(asLetters(candidate), asLetters(code)) < edits;
}

function codeMentions(np: NormalizedPart, key: string): Mention[] {
  return candidates(np, { type: 'code' } as Fact)
    .filter((c) => isCodeSlip(c.key, key))
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
  // link the app shows shortened), are URLs the copy states. Each link is judged on its own:
  // its address, and a button's own label ("Contact support"), never a whole post's text.
  const utility = UTILITY_LINK.test(href ?? '') || (role === 'cta' && UTILITY_LINK.test(text));
  if (href && (role === 'cta' || role === 'post') && !utility) {
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
export function findMentions(spec: Spec, fact: Fact, key: string, doc: NormalizedDocument): Mention[] {
  const out: Mention[] = [];
  // Each part in its own language: a feed or mailbox read with language auto may mix them.
  for (const np of doc.parts) {
    let found: readonly Mention[];
    if (fact.type === 'text') found = textMentions(np, key);
    else if (fact.near.length) found = nearMentions(spec, np, fact);
    else if (fact.type === 'code') found = codeMentions(np, key);
    else if (fact.type === 'url') found = urlMentions(np, key, np.language);
    // No context to tell this fact's value from any other: only an equal value counts.
    else {
      const equal: Mention[] = [];
      for (const v of np.values) if (v.type === fact.type && agrees(v, key)) equal.push({ np, ...v });
      found = equal;
    }
    // A loop, not push(...found): this runs for every part and fact, and most find nothing.
    for (let k = 0; k < found.length; k++) out.push(found[k]);
  }
  return out;
}

// The facts check and the cross-channel check both ask for every fact's mentions in a
// document: found once per document and fact.
const mentionsByDocument = new WeakMap<NormalizedDocument, Map<Fact, Mention[]>>();

/** findMentions, remembered for the document's lifetime. */
export function mentionsOf(spec: Spec, fact: Fact, key: string, doc: NormalizedDocument): Mention[] {
  let byFact = mentionsByDocument.get(doc);
  if (!byFact) mentionsByDocument.set(doc, (byFact = new Map()));
  let mentions = byFact.get(fact);
  if (!mentions) byFact.set(fact, (mentions = findMentions(spec, fact, key, doc)));
  return mentions;
}

// A fact's key is read by the value grammar; every check of every source asks for it.
const factKeys = new WeakMap<Spec, Map<Fact, string | undefined>>();

export function keyOfFact(fact: Fact, spec: Spec): string | undefined {
  let byFact = factKeys.get(spec);
  if (!byFact) factKeys.set(spec, (byFact = new Map()));
  if (byFact.has(fact)) return byFact.get(fact);
  const key = fact.type === 'text' ? fact.value.toLowerCase() : factKey(fact.type, fact.value, { language: spec.language, year: yearOf(spec) });
  byFact.set(fact, key);
  return key;
}

export const factsCheck: DocumentCheck = {
  rules: ['fact-mismatch', 'fact-missing'],
  checkDocument(context) {
    for (const fact of context.spec.facts) checkFact(fact, context);
  },
};

/**
 * One fact in one document: each wrong value is reported here, once per place; whether the
 * source states the fact at all (fact-missing is decided across the channel, in
 * src/campaign/) and every value it states (right or wrong, for the facts × channels view)
 * go to the state.
 */
function checkFact(fact: Fact, context: DocumentContext): void {
  const key = keyOfFact(fact, context.spec);
  if (!key) return;
  const { doc, state } = context;
  const seen = new Set<string>();
  const sightings: Record<string, FactSighting> = Object.create(null);
  for (const mention of mentionsOf(context.spec, fact, key, doc)) {
    const sighting = sightings[mention.key];
    if (sighting) sighting.count++;
    else {
      const { location, excerpt } = quote(mention.np, mention.start, mention.end);
      sightings[mention.key] = { raw: mention.raw, matches: agrees(mention, key), count: 1, location, excerpt };
    }
    if (agrees(mention, key)) continue;
    const q = quote(mention.np, mention.start, mention.end);
    const id = `${mention.key}|${q.location.part}|${q.location.line}|${q.location.column}|${q.excerpt}`;
    if (seen.has(id)) continue;
    seen.add(id);
    context.report({
      rule: 'fact-mismatch',
      severity: fact.severity ?? DEFAULT_SEVERITY['fact-mismatch'],
      channel: doc.doc.channel,
      source: doc.doc.source,
      subject: fact.id,
      expected: fact.value,
      found: mention.key,
      ...q,
      message: `"${fact.id}" is ${fact.value} in the spec, but "${mention.raw}" here`,
    });
  }
  if (Object.keys(sightings).length === 0) return;
  // Stated rightly or wrongly: a wrong value is a mismatch, never also a missing fact.
  state.factsStated.push(fact.id);
  state.factSightings[fact.id] = sightings;
}
