// A public Mastodon account through the instance's REST API (no key): the account by its
// address (GET /api/v1/accounts/lookup), then its statuses newest first, paged with max_id.
import type { Part } from '../../documents/types.js';
import type { FeedEntry } from '../../spec/types.js';
import { htmlToPostText } from '../social/social-html.js';
import { tidyPostText } from '../social/social-text.js';
import { SourceError, type Fetcher } from '../types.js';
import { getJson, isObject, isText, unexpected, type Json } from './api.js';
import { collectPosts, timeOf, type FeedItem } from './paging.js';

// The most statuses Mastodon returns per page.
const PAGE_SIZE = 40;
const ACCOUNT = /^@?([^@\s/?#]+)(?:@([^@\s/?#]+))?$/;

export async function readMastodon(entry: FeedEntry, fetcher: Fetcher, since: number | undefined): Promise<Part[]> {
  const match = ACCOUNT.exec(entry.account.trim());
  const [, name, instance] = match ?? [];
  if (!name || (!instance && !entry.baseUrl)) throw new SourceError(`mastodon: "${entry.account}" is not an account address (expected @name@instance)`);
  const base = (entry.baseUrl ?? `https://${instance}`).replace(/\/+$/, '');
  // The full address works on any server: an instance reads its own domain as local.
  const acct = instance ? `${name}@${instance}` : name;
  const account = await getJson(fetcher, 'mastodon', `${base}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`, {
    explain: (status) => (status === 404 || status === 410 ? `account ${entry.account} not found (HTTP ${status})` : closedApi(status)),
  });
  if (!isObject(account) || !isText(account.id)) throw unexpected('mastodon', 'an account object with id');
  const ownId = account.id;
  const statuses = `${base}/api/v1/accounts/${encodeURIComponent(ownId)}/statuses`;
  return collectPosts(entry.limit, since, async (maxId, wanted) => {
    const url = `${statuses}?limit=${Math.min(PAGE_SIZE, wanted)}${maxId ? `&max_id=${encodeURIComponent(maxId)}` : ''}`;
    const page = await getJson(fetcher, 'mastodon', url, { explain: closedApi });
    if (!Array.isArray(page) || !page.every((status) => isObject(status) && isText(status.id))) {
      throw unexpected('mastodon', 'a list of status objects with ids');
    }
    const items = (page as Json[]).map((status) => statusItem(status, ownId));
    // The Link header's next page is max_id = the oldest id on this page, which is the last.
    const oldest = (page as Json[]).at(-1);
    return { items, ...(oldest ? { next: oldest.id as string } : {}) };
  });
}

// Instances may refuse their public API to visitors who are not logged in.
const closedApi = (status: number | undefined) =>
  status === 401 || status === 403 ? `this instance does not serve its API without a login (HTTP ${status})` : undefined;

/**
 * A boost shows someone else's status: its text is the original's, labelled 'repost'. A reply to
 * the account itself continues its own thread. The content warning is copy readers see first,
 * so it leads the text (Mastodon counts it toward the 500 too; the newline between them adds
 * one character that Mastodon, which joins them bare, does not count).
 */
function statusItem(status: Json, ownId: string): FeedItem {
  const reblog = isObject(status.reblog) ? status.reblog : undefined;
  const shown = reblog ?? status;
  const warning = typeof shown.spoiler_text === 'string' ? tidyPostText(shown.spoiler_text) : '';
  const html = typeof shown.content === 'string' ? htmlToPostText(shown.content) : undefined;
  const body = html?.text ?? '';
  const text = [warning, body].filter((piece) => piece !== '').join('\n');
  const label = reblog ? 'repost' : status.in_reply_to_id != null || status.in_reply_to_account_id != null ? (status.in_reply_to_account_id === ownId ? 'thread' : 'reply') : undefined;
  // The post's link, as the file readers give it: the first link posted (not a mention or tag).
  const href = html?.link;
  const part: Part | undefined = text
    ? { role: 'post', text, anchors: [], unit: status.id as string, ...(href ? { href } : {}), ...(label ? { label } : {}) }
    : undefined;
  return { part, at: timeOf(status.created_at) };
}
