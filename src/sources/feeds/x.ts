// An X account through the X API v2 (bearer token from an environment variable): the user by
// username, then their posts newest first, paged with meta.next_token. The token goes into the
// Authorization header and nowhere else: not URLs, errors or parts.
import type { Part } from '../../documents/types.js';
import type { FeedEntry } from '../../spec/types.js';
import { decodeEntities, tidyPostText } from '../social/social-text.js';
import { checkTokenDestination, readToken, type TokenPolicy } from './secret-policy.js';
import { SourceError, type Fetcher } from '../types.js';
import { getJson, isObject, isText, unexpected, type Json } from './api.js';
import { collectPosts, timeOf, type FeedItem } from './paging.js';

const DEFAULT_BASE = 'https://api.x.com';
// The only hosts the bearer token goes to unless the person running the check allows others.
export const X_API_HOSTS = ['api.x.com', 'api.twitter.com'];
// GET /2/users/:id/tweets takes max_results between 5 and 100.
const PAGE_MIN = 5;
const PAGE_MAX = 100;
// in_reply_to_user_id tells a thread from a reply; the referenced_tweets.id expansion brings
// a repost's original in full (its own text is "RT @name: …", cut short).
const FIELDS = 'tweet.fields=created_at,referenced_tweets,entities,note_tweet,in_reply_to_user_id&expansions=referenced_tweets.id';

export async function readX(entry: FeedEntry, fetcher: Fetcher, since: number | undefined, env: NodeJS.ProcessEnv, policy: TokenPolicy = {}): Promise<Part[]> {
  const variable = entry.tokenEnv;
  if (!variable) throw new SourceError('x: token_env is missing: name the environment variable that holds the API bearer token');
  const base = (entry.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
  // Where it would go is checked before the variable is read: a refused token is never touched.
  checkTokenDestination('x', variable, `${base}/`, X_API_HOSTS, policy);
  const token = readToken('x', variable, env, policy);
  const headers = { authorization: `Bearer ${token}` };
  const rejected = (status: number | undefined) =>
    status === 401
      ? `the bearer token in ${variable} was rejected (HTTP 401)`
      : status === 403
        ? `the bearer token in ${variable} was rejected or may not read posts (HTTP 403)`
        : undefined;
  const username = entry.account.trim().replace(/^@/, '');

  const user = await getJson(fetcher, 'x', `${base}/2/users/by/username/${encodeURIComponent(username)}`, {
    headers,
    explain: (status) => rejected(status) ?? (status === 404 ? `user @${username} not found (HTTP 404)` : undefined),
  });
  // An unknown user is a 200 answer with `errors` and no `data`.
  if (isObject(user) && !isObject(user.data) && Array.isArray(user.errors)) throw new SourceError(`x: user @${username} not found`);
  if (!isObject(user) || !isObject(user.data) || !isText(user.data.id)) throw unexpected('x', 'a user object with id in data');
  const ownId = user.data.id;
  const startTime = since === undefined ? '' : `&start_time=${new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
  const tweets = `${base}/2/users/${encodeURIComponent(ownId)}/tweets?${FIELDS}${startTime}`;

  return collectPosts(entry.limit, since, async (cursor, wanted) => {
    const size = Math.min(PAGE_MAX, Math.max(PAGE_MIN, wanted));
    const url = `${tweets}&max_results=${size}${cursor ? `&pagination_token=${encodeURIComponent(cursor)}` : ''}`;
    const page = await getJson(fetcher, 'x', url, { headers, explain: rejected });
    if (!isObject(page) || (page.data !== undefined && !Array.isArray(page.data)) || (page.data === undefined && !isObject(page.meta))) {
      throw unexpected('x', 'an object with the posts in data and paging in meta');
    }
    const data = (page.data ?? []) as unknown[];
    if (!data.every((tweet) => isObject(tweet) && isText(tweet.id))) throw unexpected('x', 'posts with ids in data');
    const included = isObject(page.includes) && Array.isArray(page.includes.tweets) ? page.includes.tweets.filter(isObject) : [];
    const byId = new Map(included.filter((t) => isText(t.id)).map((t) => [t.id as string, t]));
    const items = (data as Json[]).map((tweet) => tweetItem(tweet, ownId, username, byId));
    const next = isObject(page.meta) && isText(page.meta.next_token) ? page.meta.next_token : undefined;
    return { items, ...(next ? { next } : {}) };
  });
}

function tweetItem(tweet: Json, ownId: string, username: string, included: Map<string, Json>): FeedItem {
  const refs = Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets.filter(isObject) : [];
  const retweeted = refs.find((ref) => ref.type === 'retweeted' && isText(ref.id));
  const repliedTo = refs.some((ref) => ref.type === 'replied_to');
  const original = retweeted ? included.get(retweeted.id as string) : undefined;
  const text = textOf(original ?? tweet);
  const label = retweeted ? 'repost' : repliedTo ? (tweet.in_reply_to_user_id === ownId ? 'thread' : 'reply') : undefined;
  // The post's link, as the file readers give it: the first URL posted (not a photo's).
  const href = linksOf(original ?? tweet)[0];
  const part: Part | undefined = text
    ? { role: 'post', text, anchors: [], unit: tweet.id as string, ...(href ? { href } : {}), ...(label ? { label } : {}) }
    : undefined;
  return { part, at: timeOf(tweet.created_at) };
}

/**
 * The post as its author wrote it: a long post's note_tweet over the truncated `text`, t.co
 * wrappers replaced by the URLs they stand for, and attached media's t.co link dropped (X shows
 * the media, not the link, and does not count it). X escapes &, < and > in text.
 */
/** A long post's note wins over its cut-short text, with the note's own entities. */
function noteOf(tweet: Json): { text: string; urls: Json[] } {
  const note = isObject(tweet.note_tweet) && isText(tweet.note_tweet.text) ? tweet.note_tweet : undefined;
  const text = (note?.text ?? (typeof tweet.text === 'string' ? tweet.text : '')) as string;
  const entities = isObject(note?.entities) ? note.entities : isObject(tweet.entities) ? tweet.entities : undefined;
  const urls = entities && Array.isArray(entities.urls) ? entities.urls.filter((u): u is Json => isObject(u) && isText(u.url)) : [];
  return { text, urls };
}

function linksOf(tweet: Json): string[] {
  return noteOf(tweet)
    .urls.filter((u) => !isText(u.media_key) && isText(u.expanded_url))
    .sort((a, b) => Number(a.start ?? 0) - Number(b.start ?? 0))
    .map((u) => u.expanded_url as string);
}

function textOf(tweet: Json): string {
  const note = noteOf(tweet);
  let text = note.text;
  const urls = [...note.urls];
  // Longest first, so no wrapper is replaced inside a longer one.
  for (const url of urls.sort((a, b) => (b.url as string).length - (a.url as string).length)) {
    const replacement = isText(url.media_key) ? '' : isText(url.expanded_url) ? url.expanded_url : (url.url as string);
    text = text.split(url.url as string).join(replacement);
  }
  return tidyPostText(decodeEntities(text));
}
