// Expands a sitemap (https://www.sitemaps.org/protocol.html) into the pages it lists: a
// <urlset>, a <sitemapindex> whose sitemaps are read in turn, or a plain list of URLs; from a
// URL (through the run's Fetcher, so its cache, limits and --offline apply) or a local file;
// gzipped or not. Pages are kept in document order, filtered by URL globs, then cut to a limit.
//
// A sitemap may be hostile or just huge (10^6 URLs, gzipped, an index fanning out to thousands):
// it is parsed as it streams in, each <loc> filtered on the spot, and reading stops at the
// limit, at the run's page budget (50,000 by default, the protocol's most per file) or after
// MAX_CHILD_SITEMAPS child sitemaps. Entries with a scheme other than http(s), such as
// file:///etc/passwd, are refused, never read; only a local sitemap's relative entries name
// (saved) local pages.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import picomatch from 'picomatch';
import { SitemapParser, type SitemapKind } from './sitemap-parse.js';
import { SourceError, type Fetcher } from '../types.js';
import { DEFAULT_MAX_PAGES } from '../limits.js';

export { parseSitemap } from './sitemap-parse.js';

/** Pages left for the run's sitemaps, shared by all of them. */
export interface PageBudget {
  remaining: number;
}

export interface SitemapOptions {
  /** Required for sitemaps at http(s) URLs and for the http(s) sitemaps an index names. */
  fetcher?: Fetcher;
  /** With no fetcher, URL sitemaps fail with "not fetched: --offline". */
  offline?: boolean;
  /** URL globs (picomatch) matched against the page URL without its scheme; none: keep all. */
  include?: string[];
  exclude?: string[];
  limit?: number;
  /** How many sitemap indexes deep to follow; default 4. */
  maxDepth?: number;
  /** Folder that local (file:) pages are matched relative to, as "site/spring/a.html"; default the working directory. */
  baseDir?: string;
  /** The run's page budget, shared between its sitemaps; default a budget of DEFAULT_MAX_PAGES for this one. */
  budget?: PageBudget;
}

export interface SitemapPages {
  /** Page URLs (http(s), or file: for a local sitemap's relative entries), deduplicated, in document order. */
  pages: URL[];
  /** Sitemaps that could not be read, with the one-line reason; the first is the sitemap itself when it failed. */
  failures: Array<{ sitemap: URL; reason: string }>;
}

export { DEFAULT_MAX_PAGES } from '../limits.js';
/** Child sitemaps one sitemap entry may lead to, indexes of indexes included. */
export const MAX_CHILD_SITEMAPS = 1_000;
const DEFAULT_DEPTH = 4;
// The protocol caps a sitemap at 50 MB uncompressed; a bomb stops here.
const MAX_XML_BYTES = 64 * 1024 * 1024;
const ACCEPT = 'application/xml,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';
// Fetched bytes are handed to the parser in slices, so reading can stop early.
const SLICE = 256 * 1024;

/** Where the sitemap is: an http(s) URL as written, else a path relative to the spec's folder. */
export function sitemapLocation(sitemap: string, specDir: string): URL {
  return /^https?:\/\//i.test(sitemap) ? new URL(sitemap) : pathToFileURL(path.resolve(specDir, sitemap));
}

export async function readSitemap(location: URL, options: SitemapOptions = {}): Promise<SitemapPages> {
  const failures: SitemapPages['failures'] = [];
  const seenSitemaps = new Set<string>();
  const maxDepth = options.maxDepth ?? DEFAULT_DEPTH;
  const budget = options.budget ?? { remaining: DEFAULT_MAX_PAGES };
  const limit = options.limit ?? Infinity;
  const keep = filter(options.include ?? [], options.exclude ?? [], options.baseDir ?? process.cwd());
  const pages: URL[] = [];
  const seenPages = new Set<string>();
  let children = 0;
  let full = false;

  /** Keeps a page if the filters do; false once no more pages are wanted. */
  const take = (page: URL): boolean => {
    if (full) return false;
    if (seenPages.has(page.href) || !keep(page)) return true;
    if (budget.remaining <= 0) {
      full = true;
      failures.push({ sitemap: location, reason: 'the run has read its page cap of sitemap pages (--max-pages); the rest are not read' });
      return false;
    }
    seenPages.add(page.href);
    pages.push(page);
    budget.remaining--;
    if (pages.length >= limit) full = true;
    return !full;
  };

  async function visit(at: URL, depth: number): Promise<void> {
    const key = withoutFragment(at);
    if (full || seenSitemaps.has(key)) return; // an index naming itself or an ancestor: read once
    seenSitemaps.add(key);
    const childSitemaps: URL[] = [];
    let refused = 0;
    let kind: SitemapKind;
    try {
      kind = await stream(at, options, (loc, kind) => {
        const url = resolveLoc(loc, at);
        if (url === 'refused') refused++;
        if (!(url instanceof URL)) return true;
        if (kind !== 'index') return take(url);
        childSitemaps.push(url);
        // One over the cap is enough to know the cap was passed.
        return children + childSitemaps.length <= MAX_CHILD_SITEMAPS;
      });
    } catch (error) {
      failures.push({ sitemap: at, reason: error instanceof SourceError ? error.message : `unreadable: ${String(error)}` });
      return;
    }
    // What was refused is counted, never quoted: an entry may name a secret file.
    if (refused > 0) failures.push({ sitemap: at, reason: `${refused} ${refused === 1 ? 'entry' : 'entries'} refused: only http(s) URLs (and, in a local sitemap, paths relative to it) are read` });
    if (kind !== 'index') return;
    if (depth >= maxDepth) {
      failures.push({ sitemap: at, reason: `sitemap index nested deeper than ${maxDepth} levels` });
      return;
    }
    // In order, one at a time: pages keep the index's order and reading stops when enough are kept.
    for (const child of childSitemaps) {
      if (full) return;
      if (++children > MAX_CHILD_SITEMAPS) {
        failures.push({ sitemap: at, reason: `more than ${MAX_CHILD_SITEMAPS} child sitemaps: the rest are not read` });
        return;
      }
      await visit(child, depth + 1);
    }
  }

  await visit(location, 0);
  return { pages, failures };
}

/** Parses the sitemap at `at` as it arrives; the sink may stop it early. */
async function stream(at: URL, options: SitemapOptions, sink: (loc: string, kind: SitemapKind) => boolean): Promise<SitemapKind> {
  const parser = new SitemapParser(sink);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of decompressed(await open(at, options))) {
    if (!parser.write(decoder.decode(chunk, { stream: true }))) break;
  }
  if (!parser.stopped) parser.write(decoder.decode());
  return parser.end();
}

async function open(at: URL, options: SitemapOptions): Promise<AsyncIterable<Uint8Array>> {
  if (at.protocol === 'file:') {
    const file = fileURLToPath(at);
    try {
      const info = await stat(file);
      if (info.isDirectory()) throw new SourceError('is a folder, not a sitemap');
      if (!info.isFile()) throw new SourceError('not a regular file');
    } catch (error) {
      if (error instanceof SourceError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new SourceError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`);
    }
    return createReadStream(file);
  }
  if (!options.fetcher) throw new SourceError(options.offline ? 'not fetched: --offline' : 'not fetched: no fetcher for http(s) sitemaps');
  const { bytes } = await options.fetcher.fetch(at.href, { accept: ACCEPT });
  return (async function* () {
    for (let i = 0; i < bytes.length; i += SLICE) yield bytes.subarray(i, i + SLICE);
  })();
}

/** The bytes, gunzipped when they are gzip (.xml.gz, or served as application/gzip), at most MAX_XML_BYTES. */
async function* decompressed(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let size = 0;
  const counted = (chunk: Uint8Array, what: string) => {
    size += chunk.length;
    if (size > MAX_XML_BYTES) throw new SourceError(`too large: over ${MAX_XML_BYTES} bytes${what}`);
    return chunk;
  };
  try {
    const first = await iterator.next();
    if (first.done) return;
    const head = first.value;
    async function* all() {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    if (!(head[0] === 0x1f && head[1] === 0x8b)) {
      for await (const chunk of all()) yield counted(chunk, '');
      return;
    }
    const input = Readable.from(all());
    const gunzip = createGunzip();
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) yield counted(chunk, ' unzipped');
    } catch (error) {
      throw error instanceof SourceError ? error : new SourceError('invalid gzip data');
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(code === 'EISDIR' ? 'is a folder, not a sitemap' : code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`);
  } finally {
    await iterator.return?.();
  }
}

/**
 * A <loc>: an http(s) URL, or one relative to the sitemap (a local sitemap's saved pages).
 * Anything written with another scheme (file:, ftp:, data:…) is refused; an unparsable loc is skipped.
 */
function resolveLoc(loc: string, base: URL): URL | 'refused' | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(loc) && !/^https?:/i.test(loc)) return 'refused';
  let url: URL;
  try {
    url = new URL(loc, base);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  return url.protocol === 'file:' && base.protocol === 'file:' ? url : 'refused';
}

function filter(include: string[], exclude: string[], baseDir: string): (page: URL) => boolean {
  const options = { dot: true };
  const included = include.length > 0 ? picomatch(include, options) : () => true;
  const excluded = exclude.length > 0 ? picomatch(exclude, options) : () => false;
  return (page) => {
    const subject = globSubject(page, baseDir);
    return included(subject) && !excluded(subject);
  };
}

/** What URL globs are written against: "shop.example/spring/shoes?x=1", or a local page's path relative to baseDir. */
export function globSubject(page: URL, baseDir: string): string {
  if (page.protocol === 'file:') return path.relative(baseDir, fileURLToPath(page)).split(path.sep).join('/');
  return withoutFragment(page).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

function withoutFragment(url: URL): string {
  return url.href.replace(/#.*$/, '');
}
