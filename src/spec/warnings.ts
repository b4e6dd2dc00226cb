// Spec warnings: a spec that loads but cannot work as written. Each names the line it is
// about; `check` reports them on stderr and as `spec-warning` findings (info), and
// `--strict` refuses the spec instead.
import { eachNear, indexNear, prepareNear, type NearIndex, type NearWord } from '../checks/near.js';
import { partTokens, type NormalizedDocument } from '../normalize/index.js';
import { isAuto, sameLanguage } from '../normalize/language.js';
import type { SpecLocator } from './errors.js';
import type { Spec, SpecPosition } from './types.js';

export interface SpecWarning {
  message: string;
  /** The item concerned, e.g. facts[2].near[0]. */
  path: string;
  at?: SpecPosition;
  /** The channel the warning is about, when it is about one. */
  channel?: string;
}

/** Values recognisable without context: a code or URL needs no near word to be found. */
const SELF_EVIDENT = new Set(['code', 'url']);

/** What can be told from the spec alone. */
export function staticWarnings(spec: Spec, at: SpecLocator): SpecWarning[] {
  const out: SpecWarning[] = [];
  const warn = (path: Array<string | number>, message: string, channel?: string) => {
    const position = at.position(path);
    out.push({ message, path: path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join(''), ...(position ? { at: position } : {}), ...(channel ? { channel } : {}) });
  };
  spec.facts.forEach((fact, i) => {
    if (SELF_EVIDENT.has(fact.type) || fact.near.length || fact.required.length) return;
    warn(['facts', i, 'id'], `fact "${fact.id}" has no near words and no required channels, so it can never match anything: add near: [words next to its value] or required: [channels]`);
  });
  if (!isAuto(spec.language)) {
    spec.messages.forEach((message, i) => {
      for (const name of message.channels) {
        const channel = spec.channels.find((c) => c.name === name);
        if (!channel || isAuto(channel.language) || sameLanguage(channel.language, spec.language)) continue;
        if (Object.keys(message.translations).some((tag) => sameLanguage(tag, channel.language))) continue;
        const where = message.channels.length === spec.channels.length && at.position(['messages', i, 'channels']) === undefined ? ['messages', i, 'id'] : ['messages', i, 'channels'];
        warn(where, `message "${message.id}" is required in channel "${name}", whose language is ${channel.language}, but has no ${channel.language} wording: add translations: { ${channel.language}: "…" } or leave the channel out`, name);
      }
    });
  }
  spec.terms.forEach((term, i) => {
    if (term.kind !== 'use') return;
    term.insteadOf.forEach((variant, j) => {
      if (variant === term.use) warn(['terms', i, 'instead_of', j], `variant "${variant}" is the canonical spelling itself: every correct use would be flagged; remove it`);
    });
  });
  return out;
}

// Every near word of a spec, prepared once and indexed together, with the keys it stands for
// (the same phrase may be a near word of several facts).
const nearIndexes = new WeakMap<Spec, { index: NearIndex; keys: Map<NearWord, string[]>; order: string[] }>();
function allNearWords(spec: Spec) {
  let prepared = nearIndexes.get(spec);
  if (prepared) return prepared;
  const language = isAuto(spec.language) ? 'en' : spec.language;
  const byPhrase = new Map<string, NearWord>();
  const keys = new Map<NearWord, string[]>();
  const order: string[] = [];
  spec.facts.forEach((fact, i) => {
    fact.near.forEach((word, j) => {
      order.push(`${i}:${j}`);
      let near = byPhrase.get(word);
      if (!near) byPhrase.set(word, (near = prepareNear(word, language)));
      keys.set(near, [...(keys.get(near) ?? []), `${i}:${j}`]);
    });
  });
  nearIndexes.set(spec, (prepared = { index: indexNear([...byPhrase.values()]), keys, order }));
  return prepared;
}

/**
 * Keys ("fact index:near index") of the spec's near words that occur in this document's copy:
 * one pass over each part's words for all of them.
 */
export function nearWordsIn(spec: Spec, doc: NormalizedDocument): string[] {
  const { index, keys, order } = allNearWords(spec);
  const seen = new Set<string>();
  for (const np of doc.parts) {
    eachNear(partTokens(np), index, (_first, _last, near) => {
      for (const key of keys.get(near) ?? []) seen.add(key);
    });
    if (seen.size === order.length) break;
  }
  return order.filter((key) => seen.has(key));
}

/**
 * Near words no source contains (`seen`: the keys nearWordsIn gave for every source): the fact
 * cannot claim any value anywhere. Only said when every channel was read (`channelsRead`): a
 * word may be in a channel this run left out (--channel).
 */
export function unusedNearWords(spec: Spec, seen: ReadonlySet<string>, channelsRead: ReadonlySet<string>): SpecWarning[] {
  if (!spec.channels.every((c) => channelsRead.has(c.name))) return [];
  const out: SpecWarning[] = [];
  spec.facts.forEach((fact, i) => {
    fact.near.forEach((word, j) => {
      if (seen.has(`${i}:${j}`)) return;
      const position = fact.nearAt?.[j];
      out.push({ message: `near word "${word}" of fact "${fact.id}" occurs in no source: it can never tell this fact's value; use a word the copy writes next to it`, path: `facts[${i}].near[${j}]`, ...(position ? { at: position } : {}) });
    });
  });
  return out;
}
