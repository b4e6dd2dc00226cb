// One paging loop for every platform: APIs answer newest first, a page at a time, so reading
// stops at `limit` posts, at the first post older than `since`, or when the API has no more.
import { partWith, type Part } from '../../documents/types.js';
import { SourceError } from '../types.js';

/** One post as a page lists it; `part` is undefined for a post without text (media only). */
export interface FeedItem {
  part: Part | undefined;
  /** When it appeared in the feed (ms since the epoch): a repost counts from when it was reposted. */
  at: number | undefined;
}

export interface FeedPage {
  items: FeedItem[];
  /** Cursor of the next (older) page; absent on the last page. */
  next?: string;
}

/** Fetches the page after `cursor` (the first page for undefined), asking for about `wanted` posts. */
export type PageReader = (cursor: string | undefined, wanted: number) => Promise<FeedPage>;

/**
 * Pages one feed may take. Platforms serve 40-100 posts a page, so 100 pages hold any real timeline;
 * a server that hands out a post or two per page with a fresh cursor each time (and a limit of
 * up to 50,000, the schema's maximum) would otherwise be read until the limit.
 */
export const MAX_FEED_PAGES = 100;

/**
 * The `limit` most recent posts (posts without text count: "the last 40 posts" means those the
 * account made, not 40 with text). A cursor seen twice ends the loop, so a server that keeps
 * answering the same page cannot hold the run.
 */
export async function collectPosts(limit: number, since: number | undefined, readPage: PageReader): Promise<Part[]> {
  const parts: Part[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  let read = 0;
  for (let pages = 0; read < limit; pages++) {
    if (pages >= MAX_FEED_PAGES) throw new SourceError(`stopped after ${MAX_FEED_PAGES} pages with ${read} of ${limit} posts read: the server pages too finely`);
    const page = await readPage(cursor, limit - read);
    for (const item of page.items) {
      if (since !== undefined && item.at !== undefined && item.at < since) return parts;
      read++;
      if (item.part) parts.push(item.at !== undefined ? partWith(item.part, { sent: new Date(item.at).toISOString() }) : item.part);
      if (read >= limit) return parts;
    }
    if (page.items.length === 0 || page.next === undefined || cursors.has(page.next)) return parts;
    cursors.add(page.next);
    cursor = page.next;
  }
  return parts;
}

const SINCE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `since` as ms since the epoch. A date is midnight UTC and a time without an offset is UTC
 * too: JavaScript would read the latter in the machine's zone, and a CI runner's zone must not
 * change which posts are checked.
 */
export function parseSince(since: string | undefined): number | undefined {
  if (since === undefined) return undefined;
  const match = SINCE.exec(since.trim());
  const iso = match ? `${match[1]}T${match[2] ?? '00:00'}${normalZone(match[3])}` : '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new SourceError(`since: "${since}" is not a date (expected YYYY-MM-DD or an ISO timestamp)`);
  return time;
}

function normalZone(zone: string | undefined): string {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** A feed timestamp as ms, or undefined when the API gave none (such a post is kept). */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
