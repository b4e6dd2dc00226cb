// Loads storefront.yaml: YAML with positions, JSON Schema validation, semantic checks,
// then defaults. Every problem is one SpecError naming file, line and column.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { PLATFORM_LIMITS } from '../checks/post-length.js';
import { SpecError } from './errors.js';
import type { Channel, Fact, Message, SourceEntry, Spec, Term } from './types.js';
import { pathToString, positionOf, validateAgainstSchema } from './validate.js';

type Raw = Record<string, unknown>;
type Segment = string | number;

export async function loadSpec(file: string, displayName: string = file): Promise<Spec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpecError(displayName, undefined, undefined, '', code === 'ENOENT' ? 'spec file not found' : code === 'EISDIR' ? 'is a folder, expected a spec file' : `cannot read spec (${code})`);
  }
  return parseSpec(text, path.resolve(file), displayName);
}

export function parseSpec(text: string, file: string, displayName: string = file): Spec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const fail = (at: readonly Segment[], reason: string, key?: string): never => {
    const pos = positionOf(doc, lines, at, key);
    throw new SpecError(displayName, pos.line, pos.column, pathToString(key ? [...at, key] : at), reason);
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new SpecError(displayName, pos?.line, pos?.col, '', `invalid YAML: ${reason}`);
  }
  const data = doc.toJS() as unknown;
  if (data === null || data === undefined) throw new SpecError(displayName, undefined, undefined, '', 'empty spec (expected version, campaign and channels)');
  validateAgainstSchema(data, doc, lines, displayName);
  return resolve(data as Raw, doc, file, fail);
}

function resolve(raw: Raw, doc: Document, file: string, fail: (at: readonly Segment[], reason: string, key?: string) => never): Spec {
  const language = (raw.language as string | undefined) ?? 'en';
  const rawChannels = raw.channels as Record<string, Raw>;
  const names = Object.keys(rawChannels);
  const rules = (raw.rules ?? {}) as Raw;
  const minSimilarity = (rules.min_similarity as number | undefined) ?? 0.75;

  const channelList = (value: unknown, at: Segment[], fallback: string[]): string[] => {
    if (value === undefined || value === 'all') return value === 'all' ? [...names] : fallback;
    const list = value as string[];
    list.forEach((name, i) => {
      if (!names.includes(name)) {
        const near = closest(name, names);
        fail([...at, i], `unknown channel "${name}" (the spec defines: ${names.join(', ')})${near ? `; did you mean "${near}"?` : ''}`);
      }
    });
    return names.filter((n) => list.includes(n));
  };

  const channels: Channel[] = names.map((name) => {
    const c = rawChannels[name];
    const at = ['channels', name];
    const kind = c.kind as Channel['kind'];
    const platform = c.platform as string | undefined;
    if (kind !== 'social' && (platform !== undefined || c.max_length !== undefined)) {
      fail(at, `platform and max_length apply to social channels only (this one is ${kind})`, platform !== undefined ? 'platform' : 'max_length');
    }
    if (platform !== undefined && PLATFORM_LIMITS[platform] === undefined && c.max_length === undefined) {
      fail([...at, 'platform'], `unknown platform "${platform}" (known: ${Object.keys(PLATFORM_LIMITS).join(', ')}); give max_length`);
    }
    const sources = (c.sources as unknown[]).map((s) => sourceEntry(s, c.selector as string | undefined));
    return {
      name,
      kind,
      language: (c.language as string | undefined) ?? language,
      ...(platform !== undefined ? { platform } : {}),
      ...(kind === 'social' ? { maxLength: (c.max_length as number | undefined) ?? (platform ? PLATFORM_LIMITS[platform] : undefined) } : {}),
      sources,
    };
  });

  const seenMessages = new Set<string>();
  const messages: Message[] = ((raw.messages ?? []) as Raw[]).map((m, i) => {
    const id = m.id as string;
    if (seenMessages.has(id)) fail(['messages', i, 'id'], `duplicate message id "${id}"`);
    seenMessages.add(id);
    return {
      id,
      text: m.text as string,
      aliases: (m.aliases as string[] | undefined) ?? [],
      channels: channelList(m.channels, ['messages', i, 'channels'], [...names]),
      ...(m.severity ? { severity: m.severity as Message['severity'] } : {}),
      minSimilarity: (m.min_similarity as number | undefined) ?? minSimilarity,
      translations: (m.translations as Record<string, string> | undefined) ?? {},
    };
  });

  const seenFacts = new Set<string>();
  const facts: Fact[] = ((raw.facts ?? []) as Raw[]).map((f, i) => {
    const id = f.id as string;
    if (seenFacts.has(id)) fail(['facts', i, 'id'], `duplicate fact id "${id}"`);
    seenFacts.add(id);
    // A number is kept as written ("49.90", not 49.9): the spec's text is the truth.
    const valueNode = doc.getIn(['facts', i, 'value'], true) as { source?: string } | undefined;
    const value = typeof f.value === 'number' ? (valueNode?.source ?? String(f.value)) : String(f.value);
    return {
      id,
      type: f.type as Fact['type'],
      value,
      near: (f.near as string[] | undefined) ?? [],
      required: channelList(f.required, ['facts', i, 'required'], []),
      ...(f.severity ? { severity: f.severity as Fact['severity'] } : {}),
    };
  });

  const terms: Term[] = ((raw.terms ?? []) as Raw[]).map((t, i) => {
    const base = {
      channels: channelList(t.channels, ['terms', i, 'channels'], [...names]),
      ...(t.severity ? { severity: t.severity as Term['severity'] } : {}),
    };
    if (t.use !== undefined) return { kind: 'use', use: t.use as string, insteadOf: t.instead_of as string[], ...base };
    if (t.avoid !== undefined) return { kind: 'avoid', avoid: [t.avoid as string | string[]].flat(), ...base };
    return { kind: 'require', require: t.require as string, ...base };
  });

  return {
    version: 1,
    campaign: raw.campaign as string,
    language,
    file,
    channels,
    messages,
    facts,
    terms,
    rules: { minSimilarity, failOn: (rules.fail_on as Spec['rules']['failOn'] | undefined) ?? 'error', crossChannel: (rules.cross_channel as boolean | undefined) ?? true },
  };
}

function sourceEntry(s: unknown, channelSelector: string | undefined): SourceEntry {
  if (typeof s === 'string') {
    return /^https?:\/\//i.test(s) ? { type: 'url', url: s, selector: channelSelector } : { type: 'glob', pattern: s, selector: channelSelector };
  }
  const o = s as Raw;
  const selector = (o.selector as string | undefined) ?? channelSelector;
  if (typeof o.url === 'string') return { type: 'url', url: o.url, selector };
  return { type: 'glob', pattern: o.file as string, selector, ...(o.column ? { column: o.column as string } : {}) };
}
