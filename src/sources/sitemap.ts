// Expands a sitemap (https://www.sitemaps.org/protocol.html) into the pages it lists: a
// <urlset>, a <sitemapindex> whose sitemaps are read in turn, or a plain list of URLs; from a
// URL (through the run's Fetcher, so its cache, limits and --offline apply) or a local file;
// gzipped or not. Pages are kept in document order, filtered by URL globs, then cut to a limit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import picomatch from 'picomatch';
import { SourceError, type Fetcher } from './types.js';

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
}

export interface SitemapPages {
  /** Page URLs (http(s), or file: for a local sitemap's relative entries), deduplicated, in document order. */
  pages: URL[];
  /** Sitemaps that could not be read, with the one-line reason; the first is the sitemap itself when it failed. */
  failures: Array<{ sitemap: URL; reason: string }>;
}

const DEFAULT_DEPTH = 4;
// The protocol caps a sitemap at 50 MB uncompressed; a bomb stops here.
const MAX_XML_BYTES = 64 * 1024 * 1024;
const ACCEPT = 'application/xml,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

/** Where the sitemap is: an http(s) URL as written, else a path relative to the spec's folder. */
export function sitemapLocation(sitemap: string, specDir: string): URL {
  return /^https?:\/\//i.test(sitemap) ? new URL(sitemap) : pathToFileURL(path.resolve(specDir, sitemap));
}

export async function readSitemap(location: URL, options: SitemapOptions = {}): Promise<SitemapPages> {
  const failures: SitemapPages['failures'] = [];
  const seenSitemaps = new Set<string>();
  const maxDepth = options.maxDepth ?? DEFAULT_DEPTH;

  async function visit(at: URL, depth: number): Promise<URL[]> {
    const key = withoutFragment(at);
    if (seenSitemaps.has(key)) return []; // an index naming itself or an ancestor: read once
    seenSitemaps.add(key);
    let parsed: ParsedSitemap;
    try {
      parsed = parseSitemap(await load(at, options));
    } catch (error) {
      failures.push({ sitemap: at, reason: error instanceof SourceError ? error.message : `unreadable: ${String(error)}` });
      return [];
    }
    const locs = parsed.locs.flatMap((loc) => resolveLoc(loc, at) ?? []);
    if (parsed.kind !== 'index') return locs;
    if (depth >= maxDepth) {
      failures.push({ sitemap: at, reason: `sitemap index nested deeper than ${maxDepth} levels` });
      return [];
    }
    // Children are read together (the fetcher limits concurrency) and joined in index order.
    const children = await Promise.all(locs.map((child) => visit(child, depth + 1)));
    return children.flat();
  }

  const all = await visit(location, 0);
  const keep = filter(options.include ?? [], options.exclude ?? [], options.baseDir ?? process.cwd());
  const pages: URL[] = [];
  const seenPages = new Set<string>();
  for (const page of all) {
    const key = page.href;
    if (seenPages.has(key) || !keep(page)) continue;
    seenPages.add(key);
    pages.push(page);
    if (options.limit !== undefined && pages.length >= options.limit) break;
  }
  return { pages, failures };
}

async function load(at: URL, options: SitemapOptions): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (at.protocol === 'file:') {
    try {
      bytes = await readFile(fileURLToPath(at));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SourceError(code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a sitemap' : `cannot read file (${code ?? 'error'})`);
    }
  } else {
    if (!options.fetcher) throw new SourceError(options.offline ? 'not fetched: --offline' : 'not fetched: no fetcher for http(s) sitemaps');
    bytes = (await options.fetcher.fetch(at.href, { accept: ACCEPT })).bytes;
  }
  // .xml.gz files, and servers that send them as application/gzip without Content-Encoding.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_XML_BYTES });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SourceError(code === 'ERR_BUFFER_TOO_LARGE' ? `too large: over ${MAX_XML_BYTES} bytes unzipped` : 'invalid gzip data');
    }
  }
  return bytes;
}

interface ParsedSitemap {
  kind: 'urlset' | 'index' | 'text';
  locs: string[];
}

/** <loc>s of <url> or <sitemap> entries, by a forgiving XML parser (real sitemaps are not all well-formed). */
export function parseSitemap(bytes: Uint8Array): ParsedSitemap {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) {
    // The protocol's text form: one URL per line.
    const locs = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => /^https?:\/\//i.test(line));
    if (locs.length === 0) throw new SourceError('not a sitemap: neither XML nor a list of URLs');
    return { kind: 'text', locs };
  }
  let root: string | undefined;
  const open: string[] = [];
  const locs: string[] = [];
  let loc: string | undefined;
  const local = (name: string) => name.replace(/^.*:/, '').toLowerCase();
  const parser = new Parser(
    {
      onopentagname(name) {
        const tag = local(name);
        root ??= tag;
        if (tag === 'loc' && (open.at(-1) === 'url' || open.at(-1) === 'sitemap')) loc = '';
        open.push(tag);
      },
      ontext(data) {
        if (loc !== undefined) loc += data;
      },
      onclosetag(name) {
        if (local(name) === 'loc' && loc !== undefined) {
          if (loc.trim()) locs.push(loc.trim());
          loc = undefined;
        }
        open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  if (root === 'urlset') return { kind: 'urlset', locs };
  if (root === 'sitemapindex') return { kind: 'index', locs };
  throw new SourceError(`not a sitemap: root element <${root ?? '?'}>, expected <urlset> or <sitemapindex>`);
}

/** A <loc>, relative ones against the sitemap; a remote sitemap may not point at local files. */
function resolveLoc(loc: string, base: URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(loc, base);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  return url.protocol === 'file:' && base.protocol === 'file:' ? url : undefined;
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
