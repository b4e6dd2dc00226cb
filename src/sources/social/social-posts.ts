// Finds the posts in parsed JSON or YAML: plain lists, `{ posts }`, Twitter API v1.1/premium
// `results`/`statuses`, X archives, Mastodon REST statuses and ActivityPub outboxes.
import type { LocatedValue } from './social-json.js';
import { looksLikeHtml } from './social-html.js';
import { SourceError } from '../types.js';

/** One post as stored, before its text is decoded. */
export interface RawPost {
  text: string;
  /** The text is HTML (Mastodon and ActivityPub `content`). */
  html: boolean;
  /** File offset where the stored text starts. */
  offset?: number;
  unit?: string;
  href?: string;
}

/** The post-text field, in order of preference (SPEC §7), matched case-insensitively. */
export const TEXT_KEYS = ['text', 'message', 'content', 'post', 'body', 'caption', 'copy', 'full_text'] as const;
/** The link field (and CSV link column), matched case-insensitively. */
export const LINK_KEYS = ['link', 'url', 'href'] as const;

const LIST_KEYS = ['posts', 'results', 'statuses', 'data', 'items', 'orderedItems', 'tweets'];
const TEXT_KEY_SET = new Set<string>(TEXT_KEYS);
/** For the JSON parser: remember where these strings start. */
export const isTextKey = (key: string): boolean => TEXT_KEY_SET.has(key.toLowerCase());

// ActivityPub objects that carry an author's own copy in `content`.
const AP_POSTS = new Set(['Note', 'Article', 'Question', 'Page']);
// Other activities in an outbox (likes, follows, edits, deletions) are not posts.
const AP_ACTIVITIES = new Set([
  'Accept', 'Add', 'Announce', 'Block', 'Create', 'Delete', 'Dislike', 'Flag', 'Follow', 'Ignore',
  'Invite', 'Join', 'Leave', 'Like', 'Listen', 'Move', 'Offer', 'Read', 'Reject', 'Remove',
  'TentativeAccept', 'TentativeReject', 'Undo', 'Update', 'View', 'EmojiReact',
]);
// An X archive stores retweets as the retweeter's own tweets, recognisable only by this prefix.
const ARCHIVE_RETWEET = /^RT @\w{1,15}:/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys of an object by lower-cased name, for case-insensitive lookups. */
function keyFinder(object: Json): (names: readonly string[], accept: (value: unknown) => boolean) => string | undefined {
  const byLower = new Map<string, string>();
  for (const key of Object.keys(object)) {
    const lower = key.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, key);
  }
  return (names, accept) => {
    for (const name of names) {
      const key = byLower.get(name.toLowerCase());
      if (key !== undefined && accept(object[key])) return key;
    }
    return undefined;
  };
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const idLike = (value: unknown) => nonEmptyString(value) || (typeof value === 'number' && Number.isFinite(value));

/** The stored posts, one entry per item of the file's list (undefined where an item is no post). */
export function findPosts(tree: LocatedValue): Array<RawPost | undefined> {
  const list = postList(tree.value);
  return list.map((item, index) => postFrom(item, list, index, tree));
}

function postList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    const find = keyFinder(value);
    const listKey = find(LIST_KEYS, Array.isArray);
    if (listKey) return value[listKey] as unknown[];
    // An ActivityPub collection may keep its items on its first page.
    const first = value.first;
    if (isObject(first) && Array.isArray(first.orderedItems)) return first.orderedItems;
    if (find(TEXT_KEYS, nonEmptyString)) return [value];
    if (value.type === 'OrderedCollection' || value.type === 'Collection') {
      // A live outbox lists only its size and the address of its first page.
      if (typeof first === 'string') throw new SourceError(`this outbox keeps its posts on separate pages (${first}); use the outbox.json of an account export`);
      return [];
    }
  }
  throw new SourceError(`no posts found: expected a list of posts or an object with one of ${LIST_KEYS.join(', ')}`);
}

function postFrom(item: unknown, list: unknown[], index: number, tree: LocatedValue): RawPost | undefined {
  if (typeof item === 'string') return { text: item, html: false, offset: tree.offsetOf(list, index) };
  if (!isObject(item)) return undefined;
  let post = item;
  // X archives wrap each tweet: { "tweet": { … } }.
  if (isObject(post.tweet)) post = post.tweet;
  const type = typeof post.type === 'string' ? post.type : undefined;
  if (type !== undefined && AP_ACTIVITIES.has(type)) {
    // Only Create carries this account's own new copy; an Announce (boost) repeats someone
    // else's post, and Update/Delete/Like/… are not posts.
    if (type !== 'Create' || !isObject(post.object)) return undefined;
    post = post.object;
  }
  // A Mastodon reblog or an X retweet is someone else's post shown in this timeline: not this
  // account's copy, so its wording and length are not held against the campaign.
  if (isObject(post.reblog) || isObject(post.retweeted_status)) return undefined;
  if (typeof post.type === 'string' && AP_POSTS.has(post.type)) return activityPubPost(post, tree);
  if (typeof post.content === 'string' && (isObject(post.account) || typeof post.uri === 'string')) return mastodonStatus(post, tree);
  return tweetOrPlainPost(post, tree);
}

function activityPubPost(object: Json, tree: LocatedValue): RawPost | undefined {
  if (!nonEmptyString(object.content)) return undefined;
  const unit = nonEmptyString(object.url) ? object.url : nonEmptyString(object.id) ? object.id : undefined;
  return { text: object.content, html: true, offset: tree.offsetOf(object, 'content'), unit };
}

function mastodonStatus(status: Json, tree: LocatedValue): RawPost | undefined {
  if (!nonEmptyString(status.content)) return undefined;
  // `url` is the status's own address, not a link in the post: the link comes from the content.
  return { text: status.content as string, html: true, offset: tree.offsetOf(status, 'content'), unit: idOf(status) };
}

function tweetOrPlainPost(post: Json, tree: LocatedValue): RawPost | undefined {
  const extended = isObject(post.extended_tweet) && nonEmptyString(post.extended_tweet.full_text) ? post.extended_tweet : undefined;
  let container: Json = post;
  let key: string | undefined;
  if (extended) {
    container = extended;
    key = 'full_text';
  } else if (nonEmptyString(post.full_text)) key = 'full_text';
  else key = keyFinder(post)(TEXT_KEYS, nonEmptyString);
  if (key === undefined) return undefined;
  const text = container[key] as string;
  const tweet = typeof post.id_str === 'string' || isObject(post.entities);
  if (tweet && ARCHIVE_RETWEET.test(text)) return undefined;
  const href = (tweet ? expandedUrl(extended ?? post) ?? expandedUrl(post) : undefined) ?? linkOf(post);
  return {
    text,
    html: !tweet && looksLikeHtml(text),
    offset: tree.offsetOf(container, key),
    unit: idOf(post),
    ...(href ? { href } : {}),
  };
}

/** The id naming a post: X's exact `id_str` before the numeric `id` that JSON rounds. */
function idOf(post: Json): string | undefined {
  const key = keyFinder(post)(['id_str', 'id'], idLike);
  return key === undefined ? undefined : String(post[key]);
}

function linkOf(post: Json): string | undefined {
  const key = keyFinder(post)(LINK_KEYS, nonEmptyString);
  return key === undefined ? undefined : (post[key] as string).trim();
}

/** The first link of a tweet as its author wrote it, not the t.co wrapper in the text. */
function expandedUrl(tweet: Json): string | undefined {
  const entities = tweet.entities;
  if (!isObject(entities) || !Array.isArray(entities.urls)) return undefined;
  for (const url of entities.urls) {
    if (isObject(url) && nonEmptyString(url.expanded_url)) return url.expanded_url;
  }
  return undefined;
}
