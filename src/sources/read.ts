// Picks the reader for a source by its channel kind and file extension (for a fetched source
// without one, by its content type), and turns every failure into a SourceError so that one bad
// source never stops the run.
import path from 'node:path';
import type { Document, InlineDisable } from '../documents/types.js';
import { commentDisables, postMarkerDisables } from './inline-disables.js';
import type { TokenPolicy } from './feeds/secret-policy.js';
import { lazyFetcher } from './http/lazy-fetcher.js';
import { readLocalFile, type LocalReadOptions } from './local.js';
import type { SourceRef } from './resolve.js';
import { SourceError, type Fetcher, type Reader, type SourceInput } from './types.js';

// Each reader's module (and its parser: cheerio, postal-mime, csv-parse...) is loaded when a
// source of its kind is first read, never at start-up.
const readHtml: Reader = async (input) => (await import('./web/web.js')).readHtml(input);
const readEml: Reader = async (input) => (await import('./email/email.js')).readEml(input);
const readMjml: Reader = async (input) => (await import('./email/mjml.js')).readMjml(input);
const readEmailHtml: Reader = async (input) => (await import('./email/email.js')).readEmailHtml(input);
const readEmailText: Reader = async (input) => (await import('./email/email.js')).readEmailText(input);
const readMbox: Reader = async (input) => (await import('./email/mbox.js')).readMbox(input);
const readSocial: Reader = async (input) => (await import('./social/social.js')).readSocial(input);
const looksLikeMarkup = async (bytes: Uint8Array) => (await import('./web/web.js')).looksLikeMarkup(bytes);

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

export interface ReadOptions extends LocalReadOptions {
  /** Never touch the network. Only for the default fetcher, which has no cache: every URL is then "not in the cache (--offline)". */
  offline?: boolean;
  /** Shared by every source of a run, so its concurrency limit and cache are too. */
  fetcher?: Fetcher;
  /** Which token variables feeds may read and where tokens may go (default: STOREFRONT_* to the platforms' own hosts). */
  tokens?: TokenPolicy;
}

const WEB_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** One default fetcher per mode, so callers that pass none still share one concurrency limit. */
const defaultFetchers = new Map<boolean, Fetcher>();
function defaultFetcher(offline: boolean): Fetcher {
  let fetcher = defaultFetchers.get(offline);
  if (!fetcher) defaultFetchers.set(offline, (fetcher = lazyFetcher({ offline })));
  return fetcher;
}

/** A file's or URL's bytes, before any reader sees them (feeds have none of their own). */
export interface LoadedSource {
  input: SourceInput;
  fetched: boolean;
}

/** Reads a file or fetches a URL source; throws a SourceError with the one-line reason. */
export async function loadSource(ref: SourceRef, options: ReadOptions = {}): Promise<LoadedSource> {
  const base = { id: ref.id, kind: ref.kind, selector: ref.selector, exclude: ref.exclude, column: ref.column };
  if (ref.bytes) return { input: { ...base, name: ref.name ?? ref.id, bytes: ref.bytes }, fetched: false };
  if (ref.url) {
    const fetched = await (options.fetcher ?? defaultFetcher(options.offline ?? false)).fetch(ref.url);
    const mime = mimeOf(fetched.contentType);
    // A web source is a page: an image or a PDF at the URL is a broken link, not copy.
    if (ref.kind === 'web' && mime && !WEB_TYPES.has(mime)) throw new SourceError(`not HTML (content-type ${mime})`);
    if (ref.kind === 'web' && !mime && !(await looksLikeMarkup(fetched.bytes))) throw new SourceError('not HTML (no content-type, and the body does not start with markup)');
    return { input: { ...base, name: new URL(fetched.url).pathname, bytes: fetched.bytes, contentType: fetched.contentType }, fetched: true };
  }
  const bytes = await readLocalFile(ref.file!, { confine: options.confine, maxFileSize: options.maxFileSize });
  return { input: { ...base, name: path.basename(ref.file!), bytes }, fetched: false };
}

/** Inline storefront-disable comments of files whose lines findings point at. */
async function inlineDisables(input: SourceInput): Promise<InlineDisable[]> {
  const ext = path.extname(input.name).toLowerCase();
  const posts = ext === '.txt' && input.kind === 'social';
  if (!posts && !['.html', '.htm', '.xhtml', '.mjml'].includes(ext)) return [];
  // The same charset sniffing as the post readers (loaded with them, for the files that can carry comments).
  const { decodeBytes } = await import('./social/social-text.js');
  const text = decodeBytes(input.bytes);
  if (!text.includes('storefront-disable')) return [];
  return posts ? postMarkerDisables(text) : commentDisables(text);
}

const documentOf = (ref: SourceRef) => ({ source: ref.id, channel: ref.channel, kind: ref.kind, language: ref.language });

/**
 * The document for a source, or the one-line reason it cannot be read. `loaded`: its bytes,
 * when the caller has loaded them already (to key a cache on them).
 */
export async function readSource(ref: SourceRef, options: ReadOptions = {}, loaded?: LoadedSource): Promise<Document | SourceError> {
  try {
    const fetcher = options.fetcher ?? defaultFetcher(options.offline ?? false);
    if (ref.feed) return { ...documentOf(ref), parts: await (await import('./feeds/index.js')).readFeed(ref.feed, fetcher, undefined, options.tokens) };
    const { input, fetched } = loaded ?? (await loadSource(ref, { ...options, fetcher }));
    const read = await readerFor(ref.kind, input, fetched)(input);
    const disables = await inlineDisables(input);
    const inline = disables.length ? { disables } : {};
    if (Array.isArray(read)) return { ...documentOf(ref), parts: read, ...inline };
    const problems = read.problems.map((p) => ({ reason: p.message, ...(p.line ? { line: p.line } : {}), ...(p.column ? { column: p.column } : {}) }));
    return { ...documentOf(ref), parts: read.parts, ...(problems.length ? { problems } : {}), ...inline };
  } catch (error) {
    if (error instanceof SourceError) return error;
    // A reader bug or a parser's own exception: still one line, and the run goes on.
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new SourceError(`unreadable: ${message}`);
  }
}
