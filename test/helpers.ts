// Builders for hand-made specs and documents, so check tests read like tables.
import { checkDocuments } from '../src/check.js';
import type { Document, Part, Role } from '../src/documents/types.js';
import type { Finding, RuleId } from '../src/findings/types.js';
import type { Channel, Fact, Message, Spec, Term } from '../src/spec/types.js';
import { SourceError } from '../src/sources/types.js';
import { expect } from 'vitest';

type ChannelInput = Partial<Channel> & Pick<Channel, 'name' | 'kind'>;

export interface SpecInput {
  language?: string;
  channels?: ChannelInput[];
  messages?: Array<Partial<Message> & Pick<Message, 'id' | 'text'>>;
  facts?: Array<Partial<Fact> & Pick<Fact, 'id' | 'type' | 'value'>>;
  terms?: Array<Term | (Omit<Term, 'channels'> & { channels?: string[] })>;
  crossChannel?: boolean;
}

export const DEFAULT_CHANNELS: ChannelInput[] = [
  { name: 'site', kind: 'web' },
  { name: 'newsletter', kind: 'email' },
];

export function makeSpec(input: SpecInput = {}): Spec {
  const language = input.language ?? 'en';
  const channels: Channel[] = (input.channels ?? DEFAULT_CHANNELS).map((c) => ({ language, sources: [], ...c }));
  const names = channels.map((c) => c.name);
  return {
    version: 1,
    campaign: 'Test campaign',
    language,
    exceptions: [],
    file: '/virtual/storefront.yaml',
    channels,
    messages: (input.messages ?? []).map((m) => ({ aliases: [], channels: names, minSimilarity: 0.75, translations: {}, ...m })),
    facts: (input.facts ?? []).map((f) => ({ near: [], required: [], ...f })),
    terms: (input.terms ?? []).map((t) => ({ channels: names, ...t }) as Term),
    rules: { minSimilarity: 0.75, failOn: 'error', crossChannel: input.crossChannel ?? true },
  };
}

export function part(role: Role, text: string, extra: Partial<Part> = {}): Part {
  return { role, text, anchors: [{ at: 0, line: 1, column: 1 }], ...extra };
}

export function doc(channel: string, source: string, parts: Array<Part | string>, extra: Partial<Document> = {}): Document {
  return {
    source,
    channel,
    kind: 'web',
    language: 'en',
    parts: parts.map((p) => (typeof p === 'string' ? part('body', p) : p)),
    ...extra,
  };
}

export function run(spec: Spec, docs: Document[]) {
  const result = checkDocuments(spec, docs);
  Object.freeze(docs);
  return result;
}

export function findings(spec: Spec, docs: Document[], rule?: RuleId): Finding[] {
  const all = run(spec, docs).findings;
  return rule ? all.filter((f) => f.rule === rule) : all;
}

/** The one-line SourceError a reader throws, failing the test if it throws anything else. */
export async function sourceError(read: () => unknown): Promise<SourceError> {
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).not.toContain('\n');
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
}
