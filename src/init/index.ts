// `storefront init`: read the sources given, draft a spec from them, prove the draft against
// those same sources, and write it without ever overwriting a spec someone already wrote
// (unless asked).
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelKind, Document } from '../documents/types.js';
import { describeDocument, type Extraction } from '../extract/index.js';
import { detectLanguage, primaryLanguage } from '../normalize/language.js';
import { normalizeDocument } from '../normalize/index.js';
import { adhocRef } from '../sources/adhoc.js';
import { readSource, type ReadOptions } from '../sources/read.js';
import { SourceError } from '../sources/types.js';
import { draftSpec } from './draft.js';
import { renderDraft } from './render.js';
import { refineDraft } from './verify.js';
import { schemaReference } from './schema-ref.js';

export interface InitOptions extends ReadOptions {
  /** Where the spec will live: source paths are written relative to its folder. */
  specDir: string;
  cwd: string;
  language?: string;
  kind?: ChannelKind;
  year?: number;
}

/** The YAML text of a drafted spec; throws the first source's SourceError if one is unreadable. */
export async function initSpec(sources: string[], options: InitOptions): Promise<string> {
  const language = options.language ?? 'en';
  const docs: Document[] = [];
  for (const source of sources) {
    const remote = /^https?:\/\//i.test(source);
    // Ids relative to the spec's folder: that is how the spec will name them.
    const relative = remote ? source : path.relative(options.specDir, path.resolve(options.cwd, source)).split(path.sep).join('/');
    const ref = adhocRef(relative, { ...options, cwd: options.specDir, language, kind: options.kind ?? mailByPlace(relative) });
    if (typeof ref === 'string') throw new SourceError(`${source}: ${ref}`);
    const doc = await readSource(ref, options);
    if (doc instanceof SourceError) throw new SourceError(`${source}: ${doc.message}`);
    docs.push(doc);
  }
  const read: Extraction[] = docs.map((doc) => describeDocument(normalizeDocument(doc, { year: options.year })));
  const draft = draftSpec(read, language, copyLanguages(docs, language));
  return renderDraft(refineDraft(draft, docs), schemaReference(options.specDir));
}

/** A saved mail is often an .html file: in a folder or file named for mail, read it as one. */
function mailByPlace(source: string): ChannelKind | undefined {
  return /\.html?$/i.test(source) && /(^|[/_.-])(e-?mails?|mail|mailing|newsletters?)([/_.-])/i.test(source) ? 'email' : undefined;
}

/**
 * Sources whose copy is clearly in another language than the spec's (an English X account
 * of a Hebrew campaign): their channel is drafted with its own `language`.
 */
function copyLanguages(docs: Document[], language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of docs) {
    const detected = detectLanguage(doc.parts.map((p) => p.text).join('\n'), language);
    if (detected.confidence >= 0.5 && primaryLanguage(detected.language) !== primaryLanguage(language)) out.set(doc.source, detected.language);
  }
  return out;
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
