// Drafts a spec from copy that exists: the first source is taken as the truth (its headline,
// key sentences and stated values become messages and facts); every source becomes a channel.
// The draft is a starting point for a person to review, so each choice is explained in it.
import { compareTwoStrings } from '../checks/similarity.js';
import type { ExtractedPart, ExtractedValue, Extraction } from '../extract/index.js';
import { isStopword } from '../normalize/stopwords.js';

export interface DraftChannel {
  name: string;
  kind: string;
  platform?: string;
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
  /** The copy it was stated in, for the reviewer. */
  from: string;
}
export type DraftTerm = { use: string; instead_of: string[] } | { require: string; channels: string[] };
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
const MAX_MESSAGES = 4;

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'item';

const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

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
export function draftChannels(sources: Extraction[]): DraftChannel[] {
  const channels: DraftChannel[] = [];
  for (const source of sources) {
    const tokens = source.source.toLowerCase().split(/[^a-z0-9]+/);
    const platform = source.kind === 'social' ? PLATFORMS.find((p) => tokens.includes(p)) : undefined;
    const name = platform ?? (source.kind === 'web' ? 'site' : source.kind === 'email' ? 'newsletter' : 'social');
    const existing = channels.find((c) => c.name === name);
    if (existing) existing.sources.push(source.source);
    else channels.push({ name, kind: source.kind, ...(platform ? { platform: platform === 'twitter' ? 'x' : platform } : {}), sources: [source.source] });
  }
  return channels;
}

// A long sentence often joins two claims ("Free shipping over $50, and returns within 30
// days"): each clause is a candidate message of its own.
function clauses(sentence: string): string[] {
  return sentence
    .split(/,\s+(?:and|but|or|plus)\s+|;\s+|\s+[–—]\s+/)
    .map((c) => c.replace(/[.!?\s]+$/u, '').trim())
    .filter((c) => {
      const n = words(c).length;
      return n >= 3 && n <= 16;
    });
}

function draftMessages(truth: Extraction, others: Extraction[], channels: DraftChannel[], language: string): DraftMessage[] {
  // The headline belongs everywhere; a short post rarely carries every other message, so
  // those are drafted for pages and mail only.
  const longForm = channels.filter((c) => c.kind !== 'social').map((c) => c.name);
  const headlinePart = truth.parts.find((p) => p.role === 'heading') ?? truth.parts.find((p) => p.role === 'subject' || p.role === 'title');
  const picked: DraftMessage[] = [];
  const taken = new Set<string>();
  const add = (text: string, from: string) => {
    if (picked.some((m) => compareTwoStrings(m.text.toLowerCase(), text.toLowerCase()) > 0.6)) return;
    const content = words(text).filter((w) => !isStopword(w.toLowerCase(), language));
    // A list of its own per message: shared arrays would come out as YAML anchors and aliases.
    const scope = picked.length && longForm.length < channels.length ? { channels: [...longForm] } : {};
    picked.push({ id: uniqueId(picked.length ? slug(content.slice(0, 2).join(' ')) : 'headline', taken), text, from, ...scope });
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
    if (picked.length >= MAX_MESSAGES) break;
    add(c.text, c.score >= 2 ? 'body copy also said in other sources' : 'body copy');
  }
  return picked;
}

const FILLERS = new Set(['just', 'only', 'now', 'get', 'use', 'code', 'is', 'are', 'was', 'at', 'for', 'a', 'an', 'the', 'of', 'per', 'month', 'each']);
const isContext = (w: string, language: string) => w.length > 1 && !/^\d/.test(w) && !FILLERS.has(w.toLowerCase()) && !isStopword(w.toLowerCase(), language);

/** The words next to a value that say what it is: the closest content word each side. */
function nearWords(sentence: string, value: ExtractedValue, language: string): string[] {
  const at = sentence.indexOf(value.raw);
  if (at < 0) return [];
  const written = words(sentence.slice(0, at));
  const cue = written[written.length - 1]?.toLowerCase();
  if (value.type === 'date' && cue && DATE_CUES.has(cue)) return [cue];
  const before = written.filter((w) => isContext(w, language));
  const after = words(sentence.slice(at + value.raw.length)).filter((w) => isContext(w, language));
  // "30% off", "$49.99 a month for Pro" vs "Pro is $49.99", "until April 30": a percent is
  // named by the word after it, other values by the word before.
  // A price is best named by the product: the closest capitalized word shortly before it.
  const named = value.type === 'money' ? before.slice(-4).reverse().find((w) => /^\p{Lu}/u.test(w) && before.indexOf(w) > 0) : undefined;
  const near = value.type === 'percent' ? [after[0] ?? before[before.length - 1]] : [named ?? before[before.length - 1] ?? after[0]];
  return near.filter((w): w is string => Boolean(w));
}

const FACT_TYPES = new Set(['money', 'percent', 'date', 'code']);
const DISCOUNT_WORDS = /^(?:off|discount|sale|rabat|rabatu|taniej|zniżki|zniżka|הנחה)$/iu;
// Words that introduce a deadline; short and common, so the stop-word filter would drop them.
const DATE_CUES = new Set(['until', 'till', 'through', 'thru', 'by', 'ends', 'do', 'od', 'עד']);

function factId(type: string, near: string[], taken: Set<string>): string {
  if (type === 'code') return uniqueId('promo-code', taken);
  if (type === 'percent' && near.some((w) => DISCOUNT_WORDS.test(w))) return uniqueId('discount', taken);
  const label = { money: 'price', percent: 'percent', date: 'date' }[type] ?? type;
  return uniqueId(near.length ? `${slug(near[0])}-${label}` : label, taken);
}

function sentenceOf(part: ExtractedPart, value: ExtractedValue): string {
  return part.sentences.find((s) => s.includes(value.raw)) ?? part.text;
}

function draftFacts(truth: Extraction, language: string): DraftFact[] {
  const byKey = new Map<string, { type: string; key: string; near: Set<string>; from: string; fromOffer: boolean }>();
  for (const part of truth.parts) {
    if (!STATEMENT_ROLES.has(part.role)) continue;
    for (const value of part.values) {
      if (value.reference || !FACT_TYPES.has(value.type)) continue;
      const id = `${value.type} ${value.key}`;
      const sentence = sentenceOf(part, value);
      const entry = byKey.get(id) ?? { type: value.type, key: value.key, near: new Set<string>(), from: sentence, fromOffer: part.role === 'offer' };
      // Quote copy a reader saw rather than text assembled from structured data.
      if (entry.fromOffer && part.role !== 'offer') Object.assign(entry, { from: sentence, fromOffer: false });
      // An offer's text is assembled from structured data: its words say nothing about nearness.
      if (value.type !== 'code' && part.role !== 'offer') for (const w of nearWords(sentence, value, language)) entry.near.add(w);
      byKey.set(id, entry);
    }
  }
  const taken = new Set<string>();
  const facts: DraftFact[] = [...byKey.values()].map((f) => {
    const near = [...f.near].slice(0, 4);
    const value = f.type === 'percent' && /^\d+(\.\d+)?$/.test(f.key) ? Number(f.key) : f.key;
    return { id: factId(f.type, near, taken), type: f.type, value, near, from: f.from };
  });
  const landing = landingUrl(truth);
  if (landing) facts.push({ id: uniqueId('landing', taken), type: 'url', value: landing, near: [], from: 'the main call to action' });
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

/** A CamelCase brand written several times, with the spellings it tends to drift into. */
function draftTerms(truth: Extraction, channels: DraftChannel[], sources: Extraction[]): DraftTerm[] {
  const counts = new Map<string, number>();
  for (const part of truth.parts) for (const w of part.text.match(/\b\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+\b/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const terms: DraftTerm[] = [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([brand]) => {
      const pieces = brand.split(/(?=\p{Lu})/u);
      const joined = pieces[0] + pieces.slice(1).join('').toLowerCase();
      return { use: brand, instead_of: [pieces.join(' '), joined, pieces.join('-')] };
    });
  const mailChannels = channels.filter((c) => c.kind === 'email' && sources.some((s) => c.sources.includes(s.source) && s.parts.some((p) => /\bunsubscribe\b/i.test(p.text))));
  if (mailChannels.length) terms.push({ require: 'Unsubscribe', channels: mailChannels.map((c) => c.name) });
  return terms;
}

export function draftSpec(sources: Extraction[], language: string): DraftSpec {
  const [truth, ...others] = sources;
  const channels = draftChannels(sources);
  return {
    campaign: campaignName(truth),
    language,
    channels,
    messages: draftMessages(truth, others, channels, language),
    facts: draftFacts(truth, language),
    terms: draftTerms(truth, channels, sources),
  };
}
