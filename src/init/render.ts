// The draft as YAML a person edits: the spec's own key names, and comments that say where
// each item came from and what to review.
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DraftSpec } from './draft.js';

const header = (schema: string) => `yaml-language-server: $schema=${schema}
Drafted by \`storefront init\` from the first source given (the truth) and the others
(channels). Review it before relying on it: keep the messages that must be said
everywhere, reword them as the campaign means them, and check each fact's near words.`;

/** `schema`: where the spec's $schema points (see ./schema-ref.ts). */
export function renderDraft(draft: DraftSpec, schema: string): string {
  const data = {
    version: 1,
    campaign: draft.campaign,
    language: draft.language,
    channels: Object.fromEntries(
      draft.channels.map((c) => [c.name, { kind: c.kind, ...(c.platform ? { platform: c.platform } : {}), ...(c.language ? { language: c.language } : {}), sources: c.sources }]),
    ),
    messages: draft.messages.map((m) => ({ id: m.id, text: m.text, ...(m.channels ? { channels: m.channels } : {}) })),
    facts: draft.facts.map((f) => ({ id: f.id, type: f.type, value: f.value, ...(f.near.length ? { near: f.near } : {}) })),
    terms: draft.terms,
    rules: { min_similarity: 0.75, fail_on: 'error', cross_channel: true },
  };
  const doc = new Document(data);
  doc.commentBefore = header(schema).split('\n').map((l) => ` ${l}`).join('\n');
  const item = (key: string, i: number) => (doc.get(key, true) as YAMLSeq).items[i] as YAMLMap;
  const channels = doc.get('channels', true) as YAMLMap;
  if (isMap(channels)) channels.commentBefore = ' One channel per audience-facing place; a web source may take { file, selector: main } to scope its copy.';
  draft.messages.forEach((m, i) => {
    item('messages', i).commentBefore = ` From ${m.from}. Add aliases for other accepted wordings, channels: to limit where it is required.`;
  });
  draft.facts.forEach((f, i) => {
    const note = f.near.length ? 'near: the words that make a mention belong to this fact.' : f.type === 'url' ? 'Add required: [channels] that must link to it.' : 'Add required: [channels] that must state it.';
    item('facts', i).commentBefore = ` Stated as: "${f.from.replace(/\s+/g, ' ').slice(0, 100)}". ${note}`;
  });
  const terms = doc.get('terms', true);
  if (isSeq(terms)) {
    const brand = draft.terms.findIndex((t) => 'use' in t);
    const required = draft.terms.findIndex((t) => 'require' in t);
    if (brand >= 0) (terms.items[brand] as YAMLMap).commentBefore = ' Brand spellings as the copy writes them, and the variants to flag.';
    if (required >= 0) (terms.items[required] as YAMLMap).commentBefore = ' Said in every mail: required there.';
  }
  return doc.toString({ lineWidth: 0 });
}
