// Expands a channel's source entries into concrete sources: a glob into the files it matches,
// a folder into every file below it the channel can read, a sitemap into the pages it lists
// (sorted or in the sitemap's order, so runs are reproducible), a URL or social feed into itself.
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelKind } from '../documents/types.js';
import type { Channel, FeedEntry, SitemapEntry, SourceEntry } from '../spec/types.js';
import { lazyFetcher } from './http/lazy-fetcher.js';
import { confinedFs, placeOf, REFUSED, realPathOf, type Confinement } from './local.js';
import type { PageBudget } from './web/sitemap.js';
import type { Fetcher } from './types.js';

export interface SourceRef {
  /** Path relative to the spec's folder (forward slashes), or the URL. */
  id: string;
  channel: string;
  kind: ChannelKind;
  language: string;
  /** Absolute file path, for files. */
  file?: string;
  url?: string;
  selector?: string;
  /** CSS selectors whose elements are not copy. */
  exclude?: string[];
  column?: string;
  /** A social account read through its API. */
  feed?: FeedEntry;
  /** Copy already in memory (standard input): read as a file named `name`. */
  bytes?: Uint8Array;
  name?: string;
}

/** A source entry that resolved to nothing: reported as a source-error under the entry's own text. */
export interface Unresolved {
  id: string;
  channel: string;
  kind: ChannelKind;
  language: string;
  reason: string;
}

export interface ResolveOptions {
  /** Reads sitemaps at URLs; the run's fetcher, so its cache and concurrency limit are shared. */
  fetcher?: Fetcher;
  /** Without a fetcher, URL sitemaps are not read: "not fetched: --offline". */
  offline?: boolean;
  /** Globs list only files whose real path is inside these folders (and not under .git). */
  confine?: Confinement;
  /** Pages the run's sitemaps may still add, shared by all of them (default 50,000 per call). */
  pageBudget?: PageBudget;
}

/** What a folder entry picks up for each channel kind: the files that kind's readers read. */
export const FOLDER_EXTENSIONS: Record<ChannelKind, string[]> = {
  web: ['html', 'htm', 'xhtml'],
  email: ['eml', 'mbox', 'mjml', 'html', 'htm', 'txt'],
  social: ['json', 'yaml', 'yml', 'csv', 'txt', 'js'],
};

// "Save page as… complete" keeps a page's assets (scripts, ad iframes saved as .html) in a
// sibling "<page>_files" folder: those are not pages of the campaign.
const SAVED_PAGE_ASSETS = ['**/*_files/**', '**/*_archivos/**', '**/*-Dateien/**', '**/*_fichiers/**'];

type Base = Pick<SourceRef, 'channel' | 'kind' | 'language'>;

const toPosix = (p: string) => p.split(path.sep).join('/');
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function resolveSources(channel: Channel, specDir: string, options: ResolveOptions = {}): Promise<Array<SourceRef | Unresolved>> {
  const out: Array<SourceRef | Unresolved> = [];
  const seen = new Set<string>();
  // Real paths already taken: a file reached through a link under another name is read once.
  const real = new Set<string>();
  for (const entry of channel.sources) {
    const base: Base = { channel: channel.name, kind: channel.kind, language: entry.language ?? channel.language };
    for (const resolved of await resolveEntry(entry, specDir, base, options, real)) {
      if (seen.has(resolved.id)) continue;
      seen.add(resolved.id);
      out.push(resolved);
    }
  }
  return out;
}

async function resolveEntry(entry: SourceEntry, specDir: string, base: Base, options: ResolveOptions, real: Set<string>): Promise<Array<SourceRef | Unresolved>> {
  const shared = withOptions(base, entry);
  switch (entry.type) {
    case 'url':
      return [{ ...shared, id: entry.url, url: entry.url }];
    case 'feed':
      return [{ ...shared, id: `${entry.platform}:${entry.account}`, feed: entry }];
    case 'sitemap':
      return resolveSitemap(entry, specDir, shared, options);
    case 'glob':
      return resolveGlob(entry.pattern, entry.column, specDir, shared, options.confine, real);
  }
}

/** Per-source options every ref of an entry carries. */
function withOptions(base: Base, entry: SourceEntry): Base & Pick<SourceRef, 'selector' | 'exclude'> {
  const out: Base & Pick<SourceRef, 'selector' | 'exclude'> = { ...base };
  if (entry.selector !== undefined) out.selector = entry.selector;
  if (entry.exclude !== undefined && entry.exclude.length > 0) out.exclude = entry.exclude;
  return out;
}

async function resolveGlob(
  written: string,
  column: string | undefined,
  specDir: string,
  shared: Base,
  confine?: Confinement,
  seen = new Set<string>(),
): Promise<Array<SourceRef | Unresolved>> {
  const pattern = toPosix(written);
  const literal = !/[*?[\]{}]/.test(pattern);
  const unresolved = (reason: string): Unresolved[] => [{ ...shared, id: pattern, reason }];
  // The matcher and the walker load for a pattern that needs them: a file named outright
  // (a check of one file) is found without them.
  const picomatch = async () => (await import('picomatch')).default;
  // The pattern's fixed start (a folder, or the whole path) must not leave the root, even
  // through a link: a glob is never walked outside, so no outside name is ever listed.
  if (confine) {
    const start = path.resolve(specDir, literal ? pattern : (await picomatch()).scan(pattern).base || '.');
    const place = placeOf(await realPathOf(start), confine);
    if (place !== 'inside') return unresolved(REFUSED[place]);
  }
  const folder = literal && (await isFolder(path.resolve(specDir, pattern)));
  // A file named as written is read as written: a FIFO or a link to a device is then refused
  // with its own reason when read, instead of "not found".
  if (confine && literal && !folder && (await exists(path.resolve(specDir, pattern)))) return [fileRef(path.resolve(specDir, pattern), specDir, shared, column)];
  const extensions = FOLDER_EXTENSIONS[shared.kind];
  const effective = folder ? `${pattern.replace(/\/+$/, '')}/**/*.{${extensions.join(',')}}` : pattern;
  const caseSensitiveMatch = !folder; // a folder takes Page.HTML as well as page.html
  const walk = confine ? confinedFs(confine) : undefined;
  let files: string[];
  const { glob } = await import('tinyglobby');
  try {
    files = await glob(effective, {
      cwd: specDir,
      absolute: true,
      onlyFiles: true,
      dot: false,
      expandDirectories: false,
      caseSensitiveMatch,
      ignore: folder ? SAVED_PAGE_ASSETS : [],
      ...(walk ? { fs: walk.fs } : {}),
    });
  } catch (error) {
    return unresolved(`invalid file pattern: ${(error as Error).message}`);
  }
  const refs: Array<SourceRef | Unresolved> = [];
  let matched = files.length;
  // A link loop (up -> ..) lists one file under many names: read it once, under its shortest.
  files.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const file of files) {
    const real = confine ? await realPathOf(file) : file;
    if (seen.has(real)) continue;
    seen.add(real);
    refs.push(fileRef(file, specDir, shared, column));
  }
  // A committed link that points out of the root or into .git is named (by its own path in the
  // repository, never its target) when the pattern would have taken it.
  if (walk) {
    const matches = (await picomatch())(effective, { dot: false, nocase: !caseSensitiveMatch, posix: true, ignore: folder ? SAVED_PAGE_ASSETS : [] });
    const links = [...walk.refused].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1));
    for (const [link, place] of links) {
      const id = toPosix(path.relative(specDir, link));
      const itself = path.join(await realPathOf(path.dirname(link)), path.basename(link));
      if (!matches(id)) continue;
      matched++;
      if (seen.has(itself)) continue;
      seen.add(itself);
      refs.push({ ...shared, id, reason: REFUSED[place] });
    }
  }
  if (!matched) {
    const reason = folder
      ? `the folder holds no ${extensions.map((e) => `.${e}`).join(', ')} file`
      : literal
        ? 'file not found'
        : 'the pattern matches no file';
    return unresolved(reason);
  }
  return refs.sort(byId);
}

const exists = (file: string) => lstat(file).then(() => true, () => false);

function fileRef(file: string, specDir: string, shared: Base, column?: string): SourceRef {
  const ref: SourceRef = { ...shared, id: toPosix(path.relative(specDir, file)), file };
  if (column !== undefined) ref.column = column;
  return ref;
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

async function resolveSitemap(entry: SitemapEntry, specDir: string, shared: Base, options: ResolveOptions): Promise<Array<SourceRef | Unresolved>> {
  // Loaded for sitemap entries only: its XML parser is not needed to check files.
  const { readSitemap, sitemapLocation } = await import('./web/sitemap.js');
  let location: URL;
  try {
    location = sitemapLocation(entry.sitemap, specDir);
  } catch {
    return [{ ...shared, id: entry.sitemap, reason: 'invalid sitemap URL' }];
  }
  const fetcher = options.fetcher ?? (options.offline || location.protocol === 'file:' ? undefined : lazyFetcher());
  const { pages, failures } = await readSitemap(location, {
    fetcher,
    offline: options.offline,
    include: entry.include,
    exclude: entry.excludeUrls,
    limit: entry.limit,
    baseDir: specDir,
    budget: options.pageBudget,
  });
  const out: Array<SourceRef | Unresolved> = failures.map(({ sitemap, reason }) => ({
    ...shared,
    // The sitemap as the spec wrote it, or a nested one by its URL (or path, for local ones).
    id: sitemap.href === location.href ? entry.sitemap : sitemap.protocol === 'file:' ? toPosix(path.relative(specDir, fileURLToPath(sitemap))) : sitemap.href,
    reason,
  }));
  if (pages.length === 0 && failures.length === 0) {
    const filtered = entry.include.length > 0 || entry.excludeUrls.length > 0;
    out.push({ ...shared, id: entry.sitemap, reason: filtered ? 'the sitemap lists no page that include/exclude keep' : 'the sitemap lists no page' });
  }
  // A local sitemap's relative entries are saved pages next to it: read as files.
  for (const page of pages) out.push(page.protocol === 'file:' ? fileRef(fileURLToPath(page), specDir, shared) : { ...shared, id: page.href, url: page.href });
  return out;
}

export function isUnresolved(ref: SourceRef | Unresolved): ref is Unresolved {
  return 'reason' in ref;
}
