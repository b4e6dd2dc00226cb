// Picks the reader for a source by its channel kind and file extension, and turns every
// failure into a SourceError so that one bad source never stops the run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, Part } from '../documents/types.js';
import { readEml, readEmailHtml, readEmailText, readMjml } from './email.js';
import { fetchSource } from './fetch.js';
import type { SourceRef } from './resolve.js';
import { readSocial } from './social.js';
import { SourceError, type Reader, type SourceInput } from './types.js';
import { readHtml } from './web.js';

const READERS: Record<Document['kind'], Record<string, Reader>> = {
  web: { '.html': readHtml, '.htm': readHtml, '.xhtml': readHtml },
  email: { '.eml': readEml, '.mjml': readMjml, '.html': readEmailHtml, '.htm': readEmailHtml, '.txt': readEmailText },
  social: { '.json': readSocial, '.yaml': readSocial, '.yml': readSocial, '.csv': readSocial, '.txt': readSocial, '.js': readSocial },
};

function readerFor(kind: Document['kind'], name: string, fetched: boolean): Reader {
  const ext = path.extname(name).toLowerCase();
  const reader = READERS[kind][ext] ?? (fetched && kind === 'web' ? readHtml : undefined);
  if (!reader) {
    const known = Object.keys(READERS[kind]).join(', ');
    throw new SourceError(`cannot read "${ext || name}" files in a ${kind} channel (expected ${known})`);
  }
  return reader;
}

export interface ReadOptions {
  offline?: boolean;
}

async function load(ref: SourceRef, options: ReadOptions): Promise<{ input: SourceInput; fetched: boolean }> {
  const base = { id: ref.id, kind: ref.kind, selector: ref.selector, column: ref.column };
  if (ref.url) {
    if (options.offline) throw new SourceError('not fetched: --offline');
    const fetched = await fetchSource(ref.url);
    return { input: { ...base, name: new URL(fetched.url).pathname, bytes: fetched.bytes, contentType: fetched.contentType }, fetched: true };
  }
  try {
    return { input: { ...base, name: path.basename(ref.file!), bytes: await readFile(ref.file!) }, fetched: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? 'error'})`);
  }
}

/** The document for a source, or the one-line reason it cannot be read. */
export async function readSource(ref: SourceRef, options: ReadOptions = {}): Promise<Document | SourceError> {
  try {
    const { input, fetched } = await load(ref, options);
    const parts: Part[] = await readerFor(ref.kind, input.name, fetched)(input);
    return { source: ref.id, channel: ref.channel, kind: ref.kind, language: ref.language, parts };
  } catch (error) {
    if (error instanceof SourceError) return error;
    // A reader bug or a parser's own exception: still one line, and the run goes on.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new SourceError(`unreadable: ${message}`);
  }
}
