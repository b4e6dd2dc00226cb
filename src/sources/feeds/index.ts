// Social posts read from public platform APIs instead of files: one `post` part per post, its
// unit the platform's post id and its href the post's own page. Anchors stay empty: there is
// no file to point into, and the href says where the post lives.
import type { Part } from '../../documents/types.js';
import type { FeedEntry } from '../../spec/types.js';
import type { TokenPolicy } from './secret-policy.js';
import type { Fetcher } from '../types.js';
import { readBluesky } from './bluesky.js';
import { readMastodon } from './mastodon.js';
import { parseSince } from './paging.js';
import { readX } from './x.js';

/** The `limit` most recent posts of the entry's account, none older than `since`. */
export async function readFeed(entry: FeedEntry, fetcher: Fetcher, env: NodeJS.ProcessEnv = process.env, tokens: TokenPolicy = {}): Promise<Part[]> {
  const since = parseSince(entry.since);
  switch (entry.platform) {
    case 'mastodon':
      return readMastodon(entry, fetcher, since);
    case 'bluesky':
      return readBluesky(entry, fetcher, since);
    case 'x':
      return readX(entry, fetcher, since, env, tokens);
  }
}
