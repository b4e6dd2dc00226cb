// Expands a channel's source entries into concrete sources: a glob into the files it
// matches (sorted, so runs are reproducible), a URL into itself.
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { ChannelKind } from '../documents/types.js';
import type { Channel, FeedEntry, SourceEntry } from '../spec/types.js';

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
}

/** A source entry that resolved to nothing: reported as a source-error under the entry's own text. */
export interface Unresolved {
  id: string;
  channel: string;
  kind: ChannelKind;
  language: string;
  reason: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function resolveSources(channel: Channel, specDir: string): Promise<Array<SourceRef | Unresolved>> {
  const out: Array<SourceRef | Unresolved> = [];
  const seen = new Set<string>();
  const base = { channel: channel.name, kind: channel.kind, language: channel.language };
  for (const entry of channel.sources) {
    for (const resolved of await resolveEntry(entry, specDir, base)) {
      if (seen.has(resolved.id)) continue;
      seen.add(resolved.id);
      out.push(resolved);
    }
  }
  return out;
}

async function resolveEntry(
  entry: SourceEntry,
  specDir: string,
  base: Pick<SourceRef, 'channel' | 'kind' | 'language'>,
): Promise<Array<SourceRef | Unresolved>> {
  if (entry.type === 'url') return [{ ...base, id: entry.url, url: entry.url, selector: entry.selector }];
  if (entry.type !== 'glob') return [{ ...base, id: entry.type === 'feed' ? `${entry.platform}:${entry.account}` : entry.sitemap, reason: 'not supported yet' }];
  const pattern = toPosix(entry.pattern);
  let files: string[];
  try {
    files = await glob(pattern, { cwd: specDir, absolute: true, onlyFiles: true, dot: false, expandDirectories: false });
  } catch (error) {
    return [{ ...base, id: pattern, reason: `invalid file pattern: ${(error as Error).message}` }];
  }
  if (!files.length) {
    const literal = !/[*?[\]{}]/.test(pattern);
    return [{ ...base, id: pattern, reason: literal ? 'file not found' : 'the pattern matches no file' }];
  }
  return files
    .map((file) => ({
      ...base,
      id: toPosix(path.relative(specDir, file)),
      file,
      selector: entry.selector,
      column: entry.column,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function isUnresolved(ref: SourceRef | Unresolved): ref is Unresolved {
  return 'reason' in ref;
}
