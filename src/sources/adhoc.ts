// A source named on the command line rather than in a spec (extract, init): its kind is
// inferred from where it is, unless the user says.
import path from 'node:path';
import type { ChannelKind } from '../documents/types.js';
import type { SourceRef } from './resolve.js';

const KIND_BY_EXTENSION: Record<string, ChannelKind> = {
  '.html': 'web',
  '.htm': 'web',
  '.xhtml': 'web',
  '.eml': 'email',
  '.mbox': 'email',
  '.mjml': 'email',
  '.json': 'social',
  '.yaml': 'social',
  '.yml': 'social',
  '.csv': 'social',
  '.txt': 'social',
  '.js': 'social',
};

export interface AdhocOptions {
  /** Folder the source path is relative to, and that its id is shown from. */
  cwd: string;
  kind?: ChannelKind;
  language?: string;
  selector?: string;
  /** Channel name for the document (reports of one source need one). */
  channel?: string;
}

/** The kind a file or URL is read as: URLs are pages; files by their extension. */
export function inferKind(source: string): ChannelKind | undefined {
  if (/^https?:\/\//i.test(source)) return 'web';
  return KIND_BY_EXTENSION[path.extname(source).toLowerCase()];
}

export function adhocRef(source: string, options: AdhocOptions): SourceRef | string {
  const kind = options.kind ?? inferKind(source);
  if (!kind) return `cannot tell what "${source}" is from its name: give --kind web, email or social`;
  const base = {
    channel: options.channel ?? kind,
    kind,
    language: options.language ?? 'en',
    ...(options.selector !== undefined ? { selector: options.selector } : {}),
  };
  if (/^https?:\/\//i.test(source)) return { ...base, id: source, url: source };
  const file = path.resolve(options.cwd, source);
  return { ...base, id: path.relative(options.cwd, file).split(path.sep).join('/'), file };
}
