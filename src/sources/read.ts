// Picks the reader for a source by its channel kind and file extension (for a fetched source
// without one, by its content type), and turns every failure into a SourceError so that one bad
// source never stops the run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../documents/types.js';
import { readEml, readEmailHtml, readEmailText, readMjml } from './email.js';
import { readFeed } from './feeds/index.js';
import { readMbox } from './mbox.js';
import { createFetcher } from './fetch.js';
import type { SourceRef } from './resolve.js';
import { readSocial } from './social.js';
import { SourceError, type Fetcher, type Reader, type SourceInput } from './types.js';
import { readHtml } from './web.js';

const READERS: Record<Document['kind'], Record<string, Reader>> = {
  web: { '.html': readHtml, '.htm': readHtml, '.xhtml': readHtml },
  email: { '.eml': readEml, '.mbox': readMbox, '.mjml': readMjml, '.html': readEmailHtml, '.htm': readEmailHtml, '.txt': readEmailText },
  social: { '.json': readSocial, '.yaml': readSocial, '.yml': readSocial, '.csv': readSocial, '.txt': readSocial, '.js': readSocial },
};

/** What a fetched file would be called, for URLs whose path says nothing (/spring, /page.php). */
const EXTENSION_OF_TYPE: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.xhtml',
  'message/rfc822': '.eml',
  'application/mbox': '.mbox',
  'text/plain': '.txt',
  'application/json': '.json',
  'text/csv': '.csv',
  'application/yaml': '.yaml',
  'text/yaml': '.yaml',
};

const mimeOf = (contentType: string | undefined) => contentType?.split(';')[0].trim().toLowerCase() || undefined;

function readerFor(kind: Document['kind'], input: SourceInput, fetched: boolean): Reader {
  const name = input.name;
  const ext = path.extname(name).toLowerCase();
  const byType = fetched ? EXTENSION_OF_TYPE[mimeOf(input.contentType) ?? ''] : undefined;
  const reader = READERS[kind][ext] ?? (byType && READERS[kind][byType]) ?? (fetched && kind === 'web' ? readHtml : undefined);
  if (!reader) {
    const known = Object.keys(READERS[kind]).join(', ');
    throw new SourceError(`cannot read "${ext || name}" files in a ${kind} channel (expected ${known})`);
  }
  return reader;
}

export interface ReadOptions {
  /** Never touch the network. Only for the default fetcher, which has no cache: every URL is then "not in the cache (--offline)". */
  offline?: boolean;
  /** Shared by every source of a run, so its concurrency limit and cache are too. */
  fetcher?: Fetcher;
}

const WEB_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** One default fetcher per mode, so callers that pass none still share one concurrency limit. */
const defaultFetchers = new Map<boolean, Fetcher>();
function defaultFetcher(offline: boolean): Fetcher {
  let fetcher = defaultFetchers.get(offline);
  if (!fetcher) defaultFetchers.set(offline, (fetcher = createFetcher({ offline })));
  return fetcher;
}

async function load(ref: SourceRef, options: ReadOptions): Promise<{ input: SourceInput; fetched: boolean }> {
  const base = { id: ref.id, kind: ref.kind, selector: ref.selector, exclude: ref.exclude, column: ref.column };
  if (ref.bytes) return { input: { ...base, name: ref.name ?? ref.id, bytes: ref.bytes }, fetched: false };
  if (ref.url) {
    const fetched = await (options.fetcher ?? defaultFetcher(options.offline ?? false)).fetch(ref.url);
    const mime = mimeOf(fetched.contentType);
    // A web source is a page: an image or a PDF at the URL is a broken link, not copy.
    if (ref.kind === 'web' && mime && !WEB_TYPES.has(mime)) throw new SourceError(`not HTML (content-type ${mime})`);
    return { input: { ...base, name: new URL(fetched.url).pathname, bytes: fetched.bytes, contentType: fetched.contentType }, fetched: true };
  }
  try {
    return { input: { ...base, name: path.basename(ref.file!), bytes: await readFile(ref.file!) }, fetched: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? 'error'})`);
  }
}

const documentOf = (ref: SourceRef) => ({ source: ref.id, channel: ref.channel, kind: ref.kind, language: ref.language });

/** The document for a source, or the one-line reason it cannot be read. */
export async function readSource(ref: SourceRef, options: ReadOptions = {}): Promise<Document | SourceError> {
  try {
    const fetcher = options.fetcher ?? defaultFetcher(options.offline ?? false);
    if (ref.feed) return { ...documentOf(ref), parts: await readFeed(ref.feed, fetcher) };
    const { input, fetched } = await load(ref, { ...options, fetcher });
    const read = await readerFor(ref.kind, input, fetched)(input);
    if (Array.isArray(read)) return { ...documentOf(ref), parts: read };
    const problems = read.problems.map((p) => ({ reason: p.message, ...(p.line ? { line: p.line } : {}), ...(p.column ? { column: p.column } : {}) }));
    return { ...documentOf(ref), parts: read.parts, ...(problems.length ? { problems } : {}) };
  } catch (error) {
    if (error instanceof SourceError) return error;
    // A reader bug or a parser's own exception: still one line, and the run goes on.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new SourceError(`unreadable: ${message}`);
  }
}
