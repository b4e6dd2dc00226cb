// `storefront init`: read the sources given, draft a spec from them, and write it without
// ever overwriting a spec someone already wrote (unless asked).
import { access } from 'node:fs/promises';
import path from 'node:path';
import { extractSource, type Extraction } from '../extract/index.js';
import type { ReadOptions } from '../sources/read.js';
import { SourceError } from '../sources/types.js';
import type { ChannelKind } from '../documents/types.js';
import { draftSpec } from './draft.js';
import { renderDraft } from './render.js';
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
  const read: Extraction[] = [];
  for (const source of sources) {
    const remote = /^https?:\/\//i.test(source);
    // Ids relative to the spec's folder: that is how the spec will name them.
    const relative = remote ? source : path.relative(options.specDir, path.resolve(options.cwd, source)).split(path.sep).join('/');
    try {
      read.push(await extractSource(relative, { ...options, cwd: options.specDir, language: options.language ?? 'en' }));
    } catch (error) {
      if (error instanceof SourceError) throw new SourceError(`${source}: ${error.message}`);
      throw error;
    }
  }
  return renderDraft(draftSpec(read, options.language ?? read[0]?.language ?? 'en'), schemaReference(options.specDir));
}

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
