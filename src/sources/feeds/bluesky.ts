// A public Bluesky account through the AppView's app.bsky.feed.getAuthorFeed (no key needed):
// the account's posts and reposts, newest first, paged with an opaque cursor.
import type { Part } from '../../documents/types.js';
import type { FeedEntry } from '../../spec/types.js';
import { tidyPostText } from '../social/social-text.js';
import type { Fetcher } from '../types.js';
import { getJson, isObject, isText, unexpected, type Json } from './api.js';
import { collectPosts, timeOf, type FeedItem } from './paging.js';

const DEFAULT_BASE = 'https://public.api.bsky.app';
// The most posts getAuthorFeed returns per page.
const PAGE_SIZE = 100;
const REPOST = 'app.bsky.feed.defs#reasonRepost';
const PIN = 'app.bsky.feed.defs#reasonPin';
const LINK = 'app.bsky.richtext.facet#link';

export async function readBluesky(entry: FeedEntry, fetcher: Fetcher, since: number | undefined): Promise<Part[]> {
  const actor = entry.account.trim().replace(/^@/, '');
  const feed = `${(entry.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '')}/xrpc/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(actor)}`;
  return collectPosts(entry.limit, since, async (cursor, wanted) => {
    const url = `${feed}&limit=${Math.min(PAGE_SIZE, wanted)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await getJson(fetcher, 'bluesky', url, {
      // The AppView answers 400 (InvalidRequest "Profile not found", blocked actors) for accounts it will not show.
      explain: (status) => (status === 400 || status === 404 ? `account ${actor} not found or not public (HTTP ${status})` : undefined),
    });
    if (!isObject(page) || !Array.isArray(page.feed)) throw unexpected('bluesky', 'an object with a feed list');
    const items: FeedItem[] = [];
    for (const item of page.feed) {
      if (!isObject(item) || !isObject(item.post) || !isText(item.post.uri) || !isObject(item.post.record)) {
        throw unexpected('bluesky', 'feed items with a post (uri and record)');
      }
      // A pinned post is shown first, out of order, and again where it belongs.
      if (isObject(item.reason) && item.reason.$type === PIN) continue;
      items.push(feedItem(item, actor));
    }
    return { items, ...(isText(page.cursor) ? { next: page.cursor } : {}) };
  });
}

function feedItem(item: Json, actor: string): FeedItem {
  const post = item.post as Json;
  const record = post.record as Json;
  const author = isObject(post.author) ? post.author : {};
  const rkey = lastSegment(post.uri as string);
  const repost = isObject(item.reason) && item.reason.$type === REPOST ? item.reason : undefined;
  const parent = isObject(record.reply) && isObject(record.reply.parent) && isText(record.reply.parent.uri) ? record.reply.parent.uri : undefined;
  const label = repost ? 'repost' : parent ? (authorityOf(parent) === author.did ? 'thread' : 'reply') : undefined;
  // The text as shown is what Bluesky counts against its limit; the full address of the
  // first link is the post's link, as the file readers give it.
  const text = typeof record.text === 'string' ? tidyPostText(record.text) : '';
  const link = firstLink(record.facets);
  // A repost is a record of its own (newer AppViews give its uri): name it so, apart from the original.
  const unit = repost ? (isText(repost.uri) ? lastSegment(repost.uri) : `repost-of-${rkey}`) : rkey;
  const part: Part | undefined = text
    ? { role: 'post', text, anchors: [], unit, ...(link ? { href: link } : {}), ...(label ? { label } : {}) }
    : undefined;
  return { part, at: repost ? timeOf(repost.indexedAt) : (timeOf(record.createdAt) ?? timeOf(post.indexedAt)) };
}

const lastSegment = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
// at://did:plc:abc/app.bsky.feed.post/rkey -> did:plc:abc
const authorityOf = (uri: string) => /^at:\/\/([^/]+)/.exec(uri)?.[1];

/** The full address of the post's first link facet (apps show long links shortened). */
export function firstLink(facets: unknown): string | undefined {
  if (!Array.isArray(facets)) return undefined;
  const links = facets
    .filter((facet): facet is Json => isObject(facet) && isObject(facet.index) && Array.isArray(facet.features))
    .map((facet) => ({
      start: Number((facet.index as Json).byteStart),
      uri: (facet.features as unknown[]).find((f): f is Json => isObject(f) && f.$type === LINK && isText(f.uri))?.uri as string | undefined,
    }))
    .filter((l): l is { start: number; uri: string } => l.uri !== undefined && Number.isFinite(l.start))
    .sort((a, b) => a.start - b.start);
  return links[0]?.uri;
}
