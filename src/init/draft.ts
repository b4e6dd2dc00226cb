// Drafts a spec from copy that exists: the first source is taken as the truth (its headline,
// key sentences and stated values become messages and facts); every source becomes a channel.
// The draft is a starting point for a person to review, so each choice is explained in it.
import { compareTwoStrings } from '../checks/similarity.js';
import type { Extraction } from '../extract/index.js';
import { foldText, stripDiacritics } from '../normalize/fold.js';
import { isStopword } from '../normalize/stopwords.js';
import { chooseNear, occurrence, scopeOf, words, type Occurrence } from './near.js';
import { draftBrandTerms, draftRequiredTerms, type DraftTerm } from './terms.js';

export type { DraftTerm } from './terms.js';

export interface DraftChannel {
  name: string;
  kind: string;
  platform?: string;
  /** Set when the channel's copy is in another language than the spec's. */
  language?: string;
  sources: string[];
}
export interface DraftMessage {
  id: string;
  text: string;
  /** Channel names it is required in; absent: all. */
  channels?: string[];
  /** Where the wording was taken from, for the reviewer. */
  from: string;
}
export interface DraftFact {
  id: string;
  type: string;
  value: string | number;
  near: string[];
  /** Distinctive words left over, tried in order when a near word claims a wrong value. */
  spare: string[];
  /** The copy it was stated in, for the reviewer. */
  from: string;
}
export interface DraftSpec {
  campaign: string;
  language: string;
  channels: DraftChannel[];
  messages: DraftMessage[];
  facts: DraftFact[];
  terms: DraftTerm[];
}

const STATEMENT_ROLES = new Set(['title', 'description', 'og', 'heading', 'body', 'subject', 'preheader', 'post', 'offer', 'cta']);
const PLATFORMS = ['x', 'twitter', 'instagram', 'linkedin', 'facebook', 'mastodon', 'bluesky', 'threads'];
/** Candidate messages drafted; verify.ts keeps those the other channels echo. */
const MAX_CANDIDATES = 12;

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'item';

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** "Spring Sale: 30% off | RunFast" -> the page's own name, without the site's. */
function campaignName(truth: Extraction): string {
  const titled = truth.parts.find((p) => p.role === 'title' || p.role === 'subject') ?? truth.parts.find((p) => p.role === 'heading');
  const name = titled?.text.split(/\s+[|–—·]\s+|\s+-\s+/)[0].replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
  return name || truth.source;
}

/** Channels: one per kind (and per platform for social), named as a marketer would. */
export function draftChannels(sources: Extraction[], languages: ReadonlyMap<string, string> = new Map()): DraftChannel[] {
  const channels: DraftChannel[] = [];
  for (const source of sources) {
    const tokens = source.source.toLowerCase().split(/[^a-z0-9]+/);
    const platform = source.kind === 'social' ? PLATFORMS.find((p) => tokens.includes(p)) : undefined;
    const name = platform ?? (source.kind === 'web' ? 'site' : source.kind === 'email' ? 'newsletter' : 'social');
    const existing = channels.find((c) => c.name === name);
    if (existing) existing.sources.push(source.source);
    else channels.push({ name, kind: source.kind, ...(platform ? { platform: platform === 'twitter' ? 'x' : platform } : {}), sources: [source.source] });
  }
  // A channel's own language only when every one of its sources is in it.
  for (const channel of channels) {
    const tags = new Set(channel.sources.map((s) => languages.get(s)));
    const [only] = tags;
    if (tags.size === 1 && only) channel.language = only;
  }
  return channels;
}

// A long sentence often joins two claims ("Free shipping over $50, and returns within 30
// days"): each clause is a candidate message of its own.
function clauses(sentence: string): string[] {
  const whole = sentence.replace(/[.!?\s]+$/u, '').trim();
  // Each clause first: "Free shipping over $50, and returns within 30 days" is two claims.
  return [...whole.split(/,\s+|;\s+|\s+[–—]\s+/), whole]
    .map((c) => c.replace(/[.!?\s]+$/u, '').trim())
    .filter((c, i, all) => {
      const n = words(c).length;
      return n >= 3 && n <= 16 && all.indexOf(c) === i;
    });
}

function draftMessages(truth: Extraction, others: Extraction[], language: string): DraftMessage[] {
  // Every message is drafted for every channel: verify.ts then keeps each where the copy says it.
  const plain = (text: string) => stripDiacritics(foldText(text).text.toLowerCase());
  const headlinePart = truth.parts.find((p) => p.role === 'heading') ?? truth.parts.find((p) => p.role === 'subject' || p.role === 'title');
  const picked: DraftMessage[] = [];
  const taken = new Set<string>();
  const add = (text: string, from: string) => {
    // Compared without diacritics: a pointed Hebrew heading and its unpointed title are one.
    if (picked.some((m) => compareTwoStrings(plain(m.text), plain(text)) > 0.6)) return;
    const content = words(text).filter((w) => !isStopword(w.toLowerCase(), language));
    picked.push({ id: uniqueId(picked.length ? slug(content.slice(0, 2).join(' ')) : 'headline', taken), text, from });
  };
  if (headlinePart) add(headlinePart.text.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim(), `the ${headlinePart.role}`);

  // Key sentences: said in the body copy, preferably again in the other sources.
  const otherText = others.flatMap((o) => o.parts.map((p) => p.text.toLowerCase()));
  const candidates = truth.parts
    .filter((p) => p.role === 'body' || p.role === 'heading' || p.role === 'preheader' || p.role === 'post')
    .flatMap((p, order) => p.sentences.flatMap(clauses).map((text) => ({ text, order, part: p })))
    .map((c) => {
      const echoed = otherText.some((t) => t.includes(c.text.toLowerCase().slice(0, 24)));
      return { ...c, score: (echoed ? 2 : 0) + (c.part.role === 'heading' ? 1 : 0) - c.order * 0.01 };
    })
    .sort((a, b) => b.score - a.score || a.order - b.order);
  for (const c of candidates) {
    if (picked.length >= MAX_CANDIDATES) break;
    add(c.text, c.score >= 2 ? 'body copy also said in other sources' : 'body copy');
  }
  return picked;
}

const FACT_TYPES = new Set(['money', 'percent', 'date', 'code']);
const DISCOUNT_WORDS = /^(?:off|discount|sale|rabat|rabatu|taniej|zniżki|zniżka|הנחה)$/iu;

function factId(type: string, near: string[], taken: Set<string>): string {
  if (type === 'code') return uniqueId('promo-code', taken);
  if (type === 'percent' && near.some((w) => DISCOUNT_WORDS.test(w))) return uniqueId('discount', taken);
  const label = { money: 'price', percent: 'percent', date: 'date' }[type] ?? type;
  return uniqueId(near.length ? `${slug(near[0])}-${label}` : label, taken);
}

function draftFacts(truth: Extraction, language: string): DraftFact[] {
  const byKey = new Map<string, { type: string; key: string; from: string; fromOffer: boolean }>();
  const occurrences: Occurrence[] = [];
  for (const part of truth.parts) {
    if (!STATEMENT_ROLES.has(part.role)) continue;
    for (const value of part.values) {
      if (value.reference || !FACT_TYPES.has(value.type)) continue;
      const id = `${value.type} ${value.key}`;
      const sentence = scopeOf({ ...part, role: 'body' }, value);
      const entry = byKey.get(id) ?? { type: value.type, key: value.key, from: sentence, fromOffer: part.role === 'offer' };
      // Quote copy a reader saw rather than text assembled from structured data.
      if (entry.fromOffer && part.role !== 'offer') Object.assign(entry, { from: sentence, fromOffer: false });
      byKey.set(id, entry);
      // An offer's text is assembled from structured data: its words say nothing about
      // nearness. It still counts as a place the value is stated, for distinctiveness.
      const o = occurrence(part, value, language);
      occurrences.push(value.type === 'code' || part.role === 'offer' ? { ...o, ranked: [] } : o);
    }
  }
  const near = chooseNear(occurrences);
  const taken = new Set<string>();
  const facts: DraftFact[] = [...byKey.entries()].map(([id, f]) => {
    const chosen = near.get(id) ?? { near: [], spare: [] };
    const value = f.type === 'percent' && /^\d+(\.\d+)?$/.test(f.key) ? Number(f.key) : f.key;
    return { id: factId(f.type, chosen.near, taken), type: f.type, value, near: chosen.near, spare: chosen.spare, from: f.from };
  });
  const landing = landingUrl(truth);
  if (landing) facts.push({ id: uniqueId('landing', taken), type: 'url', value: landing, near: [], spare: [], from: 'the main call to action' });
  return facts;
}

/** The call-to-action target stated most often, without tracking parameters. */
function landingUrl(truth: Extraction): string | undefined {
  const counts = new Map<string, number>();
  for (const part of truth.parts) {
    if (part.role !== 'cta' || !part.href || !/^https?:\/\//i.test(part.href)) continue;
    const url = new URL(part.href);
    const clean = `${url.origin}${url.pathname}`.replace(/\/$/, '');
    counts.set(clean, (counts.get(clean) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function draftSpec(sources: Extraction[], language: string, languages: ReadonlyMap<string, string> = new Map()): DraftSpec {
  const [truth, ...others] = sources;
  const channels = draftChannels(sources, languages);
  return {
    campaign: campaignName(truth),
    language,
    channels,
    messages: draftMessages(truth, others, language),
    facts: draftFacts(truth, language),
    terms: [...draftBrandTerms(truth, sources), ...draftRequiredTerms(channels, sources)],
  };
}
