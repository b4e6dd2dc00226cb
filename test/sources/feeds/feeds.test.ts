// Social feeds read from public APIs, against one server this test starts on 127.0.0.1 that
// answers like Mastodon (/api/v1), the Bluesky AppView (/xrpc) and the X API v2 (/2), with the
// documented JSON: the real statuses of a corpus account and hand-made fixtures.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSpec } from '../../../src/check.js';
import { postLength } from '../../../src/checks/post-length.js';
import type { Part } from '../../../src/documents/types.js';
import { readFeed } from '../../../src/sources/feeds/index.js';
import { createFetcher } from '../../../src/sources/http/fetch.js';
import { SourceError, type Fetcher } from '../../../src/sources/types.js';
import type { FeedEntry } from '../../../src/spec/types.js';
import { makeSpec } from '../../helpers.js';
import { hasShared, itShared, sharedPath } from '../../support/shared.js';

type Json = Record<string, any>;
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8'));
const corpus = (name: string): any => JSON.parse(readFileSync(sharedPath('corpus', 'social', name), 'utf8'));

// Real statuses of @schochastics@fosstodon.org (corpus rtoot-mastodon), newest first.
const realStatuses: Json[] = hasShared ? corpus('rtoot-mastodon/account_statuses_schochastics_fosstodon.json') : [];
const realAccount: Json = realStatuses[0]?.account ?? { id: 'no-corpus' };
const shopAccount: Json = fixture('mastodon-account.json');
const shopStatuses: Json[] = fixture('mastodon-statuses.json');
const bluesky: { pinned: Json; feed: Json[] } = fixture('bluesky-author-feed.json');
const xUser: Json = fixture('x-user.json');
const xTweets: { data: Json[]; includes: Json } = fixture('x-tweets.json');

const TOKEN = `AAAAAAAAAAAAAAAAAAAAA${randomUUID().replace(/-/g, '')}`;
// The servers hand out small pages, so every reader has to follow its platform's paging.
const MASTODON_PAGE = 7;
const BLUESKY_PAGE = 2;
const X_PAGE = 2;

interface Seen {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}
let seen: Seen[] = [];
let server: Server;
let base = '';

function answer(res: import('node:http').ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type }).end(typeof body === 'string' ? body : JSON.stringify(body));
}

const byNewest = (statuses: Json[], maxId: string | null, limit: number) =>
  statuses.filter((s) => maxId === null || BigInt(s.id) < BigInt(maxId)).slice(0, Math.min(limit, MASTODON_PAGE));

function mastodon(path: string, query: URLSearchParams, res: import('node:http').ServerResponse) {
  if (path === '/api/v1/accounts/lookup') {
    const acct = query.get('acct');
    if (acct === 'schochastics@fosstodon.org') return answer(res, 200, realAccount);
    if (acct === 'shop@social.runfast.example') return answer(res, 200, shopAccount);
    if (acct === 'odd@social.runfast.example') return answer(res, 200, { username: 'odd', acct: 'odd' });
    if (acct === 'page@social.runfast.example') return answer(res, 200, '<!doctype html><title>Welcome</title>', 'text/html');
    return answer(res, 404, { error: 'Record not found' });
  }
  const statuses = /^\/api\/v1\/accounts\/(\d+)\/statuses$/.exec(path);
  const list = statuses?.[1] === realAccount.id ? realStatuses : statuses?.[1] === shopAccount.id ? shopStatuses : undefined;
  if (!list) return answer(res, 404, { error: 'Record not found' });
  return answer(res, 200, byNewest(list, query.get('max_id'), Number(query.get('limit') ?? 20)));
}

function blueskyFeed(query: URLSearchParams, res: import('node:http').ServerResponse) {
  const actor = query.get('actor');
  if (actor === 'odd.bsky.social') return answer(res, 200, { posts: [] });
  if (actor === 'loop.bsky.social') return answer(res, 200, { feed: [bluesky.feed[3]], cursor: 'again' });
  if (actor !== 'runfast.bsky.social') return answer(res, 400, { error: 'InvalidRequest', message: 'Profile not found' });
  const from = Number(query.get('cursor') ?? 0);
  const to = from + Math.min(Number(query.get('limit') ?? 50), BLUESKY_PAGE);
  // The pinned post comes first on the first page, as the AppView sends it with includePins.
  const feed = [...(from === 0 ? [bluesky.pinned] : []), ...bluesky.feed.slice(from, to)];
  return answer(res, 200, { feed, ...(to < bluesky.feed.length ? { cursor: String(to) } : {}) });
}

function x(path: string, query: URLSearchParams, headers: IncomingHttpHeaders, res: import('node:http').ServerResponse) {
  if (headers.authorization !== `Bearer ${TOKEN}`) {
    return answer(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
  }
  if (path === '/2/users/by/username/runfast') return answer(res, 200, xUser);
  if (path === '/2/users/by/username/oddshop') return answer(res, 200, { data: { id: '42', name: 'Odd', username: 'oddshop' } });
  if (path.startsWith('/2/users/by/username/')) return answer(res, 200, fixture('x-user-not-found.json'));
  if (path === '/2/users/42/tweets') return answer(res, 200, { data: { id: '1', text: 'not a list' } });
  if (path !== `/2/users/${xUser.data.id}/tweets`) return answer(res, 404, { title: 'Not Found Error' });
  const startTime = query.get('start_time');
  const tweets = xTweets.data.filter((t) => startTime === null || Date.parse(t.created_at) >= Date.parse(startTime));
  const from = Number(Buffer.from(query.get('pagination_token') ?? 'MA==', 'base64').toString());
  const to = from + Math.min(Number(query.get('max_results') ?? 10), X_PAGE);
  const page = tweets.slice(from, to);
  const meta = { result_count: page.length, ...(page.length ? { newest_id: page[0].id, oldest_id: page.at(-1)!.id } : {}), ...(to < tweets.length ? { next_token: Buffer.from(String(to)).toString('base64') } : {}) };
  return answer(res, 200, page.length ? { data: page, includes: xTweets.includes, meta } : { meta });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    if (url.pathname.startsWith('/api/v1/')) return mastodon(url.pathname, url.searchParams, res);
    if (url.pathname === '/xrpc/app.bsky.feed.getAuthorFeed') return blueskyFeed(url.searchParams, res);
    if (url.pathname.startsWith('/2/')) return x(url.pathname, url.searchParams, req.headers, res);
    return answer(res, 404, 'not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

// Stands in for the run's fetcher: global fetch, non-2xx turned into a one-line SourceError.
const fetcher: Fetcher = {
  async fetch(url, init = {}) {
    const response = await fetch(url, { headers: { 'user-agent': 'storefront-test', ...(init.accept ? { accept: init.accept } : {}), ...init.headers } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new SourceError(`HTTP ${response.status}`);
    }
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? undefined, url: response.url, status: response.status, fromCache: false };
  },
};

// The test server is plain http on 127.0.0.1: the person running the check allows that origin
// and these variable names, as a CI owner would with --allow-token-host / --allow-token-env.
const tokens = () => ({ allowTokenHosts: [base], allowTokenEnv: ['X_TOKEN', 'OLD_TOKEN'] });
const entry = (platform: FeedEntry['platform'], account: string, extra: Partial<FeedEntry> = {}): FeedEntry => ({ type: 'feed', platform, account, limit: 40, baseUrl: base, ...extra });
const failure = async (promise: Promise<unknown>): Promise<SourceError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
};
const textOf = (parts: Part[], unit: string) => parts.find((p) => p.unit === unit)?.text ?? '';

describe('Mastodon: account lookup, then statuses paged with max_id', () => {
  itShared('reads every status of a real account across pages, newest first, each request asking for JSON', async () => {
    const parts = await readFeed(entry('mastodon', '@schochastics@fosstodon.org'), fetcher);
    expect(parts.map((p) => p.unit)).toEqual(realStatuses.map((s) => s.id));
    expect(parts.every((p) => p.role === 'post' && p.text.length > 0 && p.anchors.length === 0)).toBe(true);
    // A post's link is the first link it posts (not a mention or a hashtag), in full.
    const linked = parts.filter((p) => p.href !== undefined);
    expect(linked.length).toBeGreaterThan(3);
    expect(linked.every((p) => p.text.includes(p.href!) && !/\/tags\/|\/@/.test(p.href!))).toBe(true);
    expect(parts.map((p) => p.sent)).toEqual(realStatuses.map((s) => new Date(s.created_at).toISOString()));
    const pages = seen.filter((s) => s.path.endsWith('/statuses'));
    // 20 statuses in pages of 7: max_id is always the oldest id of the page before, until a
    // page comes back empty.
    expect(pages.map((s) => s.query.get('max_id'))).toEqual([null, realStatuses[6].id, realStatuses[13].id, realStatuses[19].id]);
    expect(seen[0].query.get('acct')).toBe('schochastics@fosstodon.org');
    expect(seen.every((s) => s.headers.accept === 'application/json')).toBe(true);
  });

  itShared('stops at limit, asking for no more than it still needs', async () => {
    const parts = await readFeed(entry('mastodon', '@schochastics@fosstodon.org', { limit: 10 }), fetcher);
    expect(parts.map((p) => p.unit)).toEqual(realStatuses.slice(0, 10).map((s) => s.id));
    expect(seen.filter((s) => s.path.endsWith('/statuses')).map((s) => s.query.get('limit'))).toEqual(['10', '3']);
  });

  itShared('stops at the first status older than since, without fetching further pages', async () => {
    const since = '2025-01-01';
    const parts = await readFeed(entry('mastodon', '@schochastics@fosstodon.org', { since }), fetcher);
    const expected = realStatuses.filter((s) => s.created_at >= since).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(MASTODON_PAGE);
    expect(expected.length).toBeLessThan(realStatuses.length);
    expect(parts.map((p) => p.unit)).toEqual(expected);
    expect(seen.filter((s) => s.path.endsWith('/statuses'))).toHaveLength(2);
  });

  itShared("labels replies to the account's own posts 'thread' and other replies 'reply'", async () => {
    const parts = await readFeed(entry('mastodon', '@schochastics@fosstodon.org'), fetcher);
    const expected = realStatuses.map((s) => (s.in_reply_to_account_id === null ? undefined : s.in_reply_to_account_id === realAccount.id ? 'thread' : 'reply'));
    expect(parts.map((p) => p.label)).toEqual(expected);
    expect(expected).toContain('thread');
    expect(expected).toContain('reply');
  });

  itShared('turns status HTML into the text as typed: entities decoded, <br> a newline, <p> a blank line, links in full', async () => {
    const parts = await readFeed(entry('mastodon', '@schochastics@fosstodon.org'), fetcher);
    expect(parts.every((p) => !/<[a-z/]|&(?:quot|amp|#39);/.test(p.text))).toBe(true);
    expect(textOf(parts, '114739545367952761')).toContain('"domain law"');
    expect(textOf(parts, '114739438456077967')).toContain('is taken.\nSo I don');
    // Mastodon shows "blog.schochastics.net/posts/20…": the hidden spans hold the rest.
    expect(textOf(parts, '114140213268598035')).toContain('fast 🚀.\n\nblog post: https://blog.schochastics.net/posts/2025-03-10_practical-benchmark-duckplyr/index.html');
  });

  itShared('counts a long URL as 23 characters, as Mastodon does', async () => {
    const parts = await readFeed(entry('mastodon', '@schochastics@fosstodon.org'), fetcher);
    const url = 'https://r-consortium.org/posts/r-consortium-awards-first-round-of-2025-isc-grants/#bridging-worlds-enhancing-r-igraph-with-c-core-innovations';
    const text = textOf(parts, '114620457512351116');
    expect(text).toContain(url);
    expect(text.length - postLength(text, 'mastodon')).toBe(url.length - 23);
  });

  it('reads boosts as the original labelled repost, puts the content warning first, and skips media-only posts', async () => {
    const parts = await readFeed(entry('mastodon', '@shop@social.runfast.example', { since: '2026-02-01' }), fetcher);
    const [boost, thread, launch, reply] = shopStatuses;
    expect(parts.map((p) => [p.unit, p.label])).toEqual([
      [boost.id, 'repost'],
      [thread.id, 'thread'],
      [launch.id, undefined],
      [reply.id, 'reply'],
    ]);
    expect(parts[0].text).toBe('Tested: the RunFast Pro is the lightest trail shoe we reviewed this year. #TrailRunning');
    expect(parts[0].href).toBeUndefined(); // a hashtag is not the post's link
    expect(parts[1].text).toBe('Free shipping on orders over $50 too.\nEnds April 30.');
    const longUrl = 'https://runfast.shop/spring/sale?utm_source=mastodon&utm_medium=social&utm_campaign=spring-2026-launch';
    expect(parts[2].text).toBe(`Sale announcement\nSpring Sale: 30% off all running shoes with code SPRING30 & free returns.\n\nShop now: ${longUrl} #RunFast`);
    expect(parts[2].href).toBe(longUrl);
    expect(parts[2].text.length - postLength(parts[2].text, 'mastodon')).toBe(longUrl.length - 23);
  });

  it('counts posts without text toward limit: the limit is the most recent posts made', async () => {
    const parts = await readFeed(entry('mastodon', '@shop@social.runfast.example', { limit: 5 }), fetcher);
    expect(parts).toHaveLength(4);
    expect(parts.map((p) => p.unit)).not.toContain(shopStatuses[5].id);
  });

  it('names the account that does not exist, and the shape it expected', async () => {
    expect((await failure(readFeed(entry('mastodon', '@nobody@social.runfast.example'), fetcher))).message).toBe(
      'mastodon: account @nobody@social.runfast.example not found (HTTP 404)',
    );
    expect((await failure(readFeed(entry('mastodon', '@odd@social.runfast.example'), fetcher))).message).toBe('mastodon: expected an account object with id');
    expect((await failure(readFeed(entry('mastodon', '@page@social.runfast.example'), fetcher))).message).toMatch(/^mastodon: .*not JSON/);
    expect((await failure(readFeed(entry('mastodon', '@shop', { baseUrl: undefined }), fetcher))).message).toMatch(/expected @name@instance/);
  });
});

describe('Bluesky: app.bsky.feed.getAuthorFeed paged with its cursor', () => {
  const feedPosts = bluesky.feed.map((item) => item.post);

  it('reads posts and reposts across pages, skipping the pinned copy and posts without text', async () => {
    const parts = await readFeed(entry('bluesky', 'runfast.bsky.social', { since: '2026-02-01' }), fetcher);
    expect(parts.map((p) => [p.unit, p.label])).toEqual([
      ['3lkxr2r6ja22c', 'reply'],
      ['3lkxr0c5oka2c', 'repost'],
      ['3lkxq5cbhkk2c', 'thread'],
      ['3lkxq4ow2ds2c', undefined],
    ]);
    // A repost shows the original author's post.
    expect(parts[1].text).toBe(feedPosts[1].record.text);
    const cursors = seen.map((s) => s.query.get('cursor'));
    expect(cursors).toEqual([null, '2', '4']);
    expect(seen.every((s) => s.headers.accept === 'application/json' && s.query.get('actor') === 'runfast.bsky.social')).toBe(true);
  });

  it('stops at limit', async () => {
    const parts = await readFeed(entry('bluesky', 'runfast.bsky.social', { limit: 3 }), fetcher);
    expect(parts.map((p) => p.unit)).toEqual(['3lkxr2r6ja22c', '3lkxr0c5oka2c', '3lkxq5cbhkk2c']);
    expect(seen.map((s) => s.query.get('limit'))).toEqual(['3', '1']);
  });

  it('keeps the text as shown (what Bluesky counts) and gives the post the full address of its first link, counting bytes past an emoji', async () => {
    const parts = await readFeed(entry('bluesky', 'runfast.bsky.social'), fetcher);
    const post = parts.find((p) => p.unit === '3lkxq4ow2ds2c')!;
    expect(post.text).toBe(feedPosts.find((p) => p.uri.endsWith('3lkxq4ow2ds2c'))!.record.text);
    expect(post.href).toBe('https://runfast.example/spring/sale?utm_source=bluesky&utm_campaign=spring-2026');
    expect(textOf(parts, '3lkxq5cbhkk2c')).toBe('Free shipping on orders over $50 too. Ends April 30 — see the full terms.');
  });

  it('ends when the server repeats a cursor', async () => {
    const parts = await readFeed(entry('bluesky', 'loop.bsky.social'), fetcher);
    expect(parts).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });

  it('names an unknown account and an unexpected answer', async () => {
    expect((await failure(readFeed(entry('bluesky', 'ghost.bsky.social'), fetcher))).message).toBe('bluesky: account ghost.bsky.social not found or not public (HTTP 400)');
    expect((await failure(readFeed(entry('bluesky', 'odd.bsky.social'), fetcher))).message).toBe('bluesky: expected an object with a feed list');
  });
});

describe('X API v2: user by username, then tweets paged with next_token', () => {
  const env = { X_TOKEN: TOKEN };
  const xEntry = (extra: Partial<FeedEntry> = {}) => entry('x', 'runfast', { tokenEnv: 'X_TOKEN', ...extra });

  it('reads the posts across pages with the token as a bearer header, since as start_time', async () => {
    const parts = await readFeed(xEntry({ since: '2026-02-01' }), fetcher, env, tokens());
    const recent = xTweets.data.filter((t) => t.created_at >= '2026-02-01');
    expect(parts.map((p) => p.unit)).toEqual(recent.map((t) => t.id));
    expect(parts.map((p) => p.label)).toEqual(['repost', 'reply', 'thread', undefined, undefined]);
    const pages = seen.filter((s) => s.path.endsWith('/tweets'));
    expect(pages).toHaveLength(3);
    expect(pages.every((s) => s.query.get('start_time') === '2026-02-01T00:00:00Z')).toBe(true);
    expect(pages.map((s) => s.query.get('pagination_token'))).toEqual([null, 'Mg==', 'NA==']);
    expect(pages[0].query.get('tweet.fields')).toContain('note_tweet');
    expect(seen.every((s) => s.headers.authorization === `Bearer ${TOKEN}` && s.headers.accept === 'application/json')).toBe(true);
    // The long post's link comes from its note's entities, not the "show more" link of its short text.
    expect(parts[3].href).toBe('https://runfast.example/spring/sale?utm_source=x&utm_campaign=spring-2026');
    expect(parts[2].href).toBe('https://runfast.example/spring/terms');
  });

  it('stops at limit', async () => {
    const parts = await readFeed(xEntry({ limit: 3 }), fetcher, env, tokens());
    expect(parts.map((p) => p.unit)).toEqual(xTweets.data.slice(0, 3).map((t) => t.id));
    // X takes max_results of at least 5.
    expect(seen.filter((s) => s.path.endsWith('/tweets')).map((s) => s.query.get('max_results'))).toEqual(['5', '5']);
  });

  it('reads the long text of a note tweet, the original of a repost, and expands t.co links', async () => {
    const parts = await readFeed(xEntry(), fetcher, env, tokens());
    expect(parts.every((p) => !p.text.includes('t.co/'))).toBe(true);
    const [repost, reply, thread, long, media] = parts;
    expect(repost.text).toBe('Tested: the RunFast Pro is the lightest trail shoe we reviewed this year & it grips on wet rock. https://trailmag.example/reviews/runfast-pro-2026');
    expect(reply.text).toBe('@trailmag thank you! The Pro is in the sale too.');
    expect(thread.text).toBe('Free shipping on orders over $50 too. Ends April 30. https://runfast.example/spring/terms');
    const note = xTweets.data[3].note_tweet.text as string;
    expect(long.text).toBe(note.replace('https://t.co/Zq8WkR2fHs', 'https://runfast.example/spring/sale?utm_source=x&utm_campaign=spring-2026'));
    expect(postLength(long.text, 'x')).toBeGreaterThan(280);
    // The photo's link is the attachment, not copy.
    expect(media.text).toBe('New colours for spring <3');
  });

  it('refuses to run without the token, naming the variable', async () => {
    expect((await failure(readFeed(xEntry(), fetcher, {}, tokens()))).message).toBe('x: environment variable X_TOKEN is not set');
    expect((await failure(readFeed(xEntry(), fetcher, { X_TOKEN: '  ' }, tokens()))).message).toBe('x: environment variable X_TOKEN is not set');
    expect(seen).toHaveLength(0);
  });

  it('never lets the token appear in parts, errors or logs', async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture)];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (logged.push(String(chunk)), true));
    const produced: string[] = [];
    try {
      produced.push(JSON.stringify(await readFeed(xEntry(), fetcher, env, tokens())));
      const wrong = await failure(readFeed(xEntry({ tokenEnv: 'OLD_TOKEN' }), fetcher, { OLD_TOKEN: `${TOKEN}x` }, tokens()));
      expect(wrong.message).toBe('x: the bearer token in OLD_TOKEN was rejected (HTTP 401)');
      const missing = await failure(readFeed(xEntry({ account: 'nosuchshop' }), fetcher, env, tokens()));
      expect(missing.message).toBe('x: user @nosuchshop not found');
      const odd = await failure(readFeed(xEntry({ account: 'oddshop' }), fetcher, env, tokens()));
      expect(odd.message).toBe('x: expected an object with the posts in data and paging in meta');
      for (const error of [wrong, missing, odd]) produced.push(error.message, String(error.stack), JSON.stringify(error));
    } finally {
      spies.forEach((spy) => spy.mockRestore());
      stderr.mockRestore();
    }
    // The token was used: the server saw it on the requests that succeeded.
    expect(seen.some((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const everything = [...produced, ...logged].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(10, 40));
  });
});

describe('readFeed', () => {
  it('refuses a since that is not a date before any request', async () => {
    expect((await failure(readFeed(entry('bluesky', 'runfast.bsky.social', { since: 'last week' }), fetcher))).message).toMatch(/^since: "last week" is not a date/);
    expect(seen).toHaveLength(0);
  });

  it('reads a timestamp without an offset as UTC', async () => {
    // The launch post is at 09:00:00Z and its thread reply at 09:01:30Z.
    const parts = await readFeed(entry('bluesky', 'runfast.bsky.social', { since: '2026-03-20 09:01' }), fetcher);
    expect(parts.map((p) => p.unit)).toEqual(['3lkxr2r6ja22c', '3lkxr0c5oka2c', '3lkxq5cbhkk2c']);
  });
});

describe("through the run's fetcher (createFetcher)", () => {
  const runFetcher = createFetcher({ retries: 0, allowPrivateNetwork: true });

  it('pages a feed, identifying itself, and turns its HTTP errors into platform reasons', async () => {
    const parts = await readFeed(entry('bluesky', 'runfast.bsky.social', { since: '2026-02-01' }), runFetcher);
    expect(parts).toHaveLength(4);
    expect(seen.every((s) => s.headers['user-agent']?.startsWith('storefront/') && s.headers.accept === 'application/json')).toBe(true);
    expect((await failure(readFeed(entry('mastodon', '@nobody@social.runfast.example'), runFetcher))).message).toBe(
      'mastodon: account @nobody@social.runfast.example not found (HTTP 404)',
    );
    const rejected = await failure(readFeed(entry('x', 'runfast', { tokenEnv: 'OLD_TOKEN' }), runFetcher, { OLD_TOKEN: `${TOKEN}x` }, tokens()));
    expect(rejected.message).toBe('x: the bearer token in OLD_TOKEN was rejected (HTTP 401)');
    expect(`${rejected.message}${String(rejected.stack)}`).not.toContain(TOKEN);
  });
});

describe('social accounts in a campaign', () => {
  it('checks posts read from Mastodon, Bluesky and X like any other posts, leaving reposts out', async () => {
    const spec = makeSpec({
      channels: [
        { name: 'mastodon', kind: 'social', platform: 'mastodon', maxLength: 500, sources: [entry('mastodon', '@shop@social.runfast.example', { since: '2026-02-01' })] },
        { name: 'bluesky', kind: 'social', platform: 'bluesky', maxLength: 300, sources: [entry('bluesky', 'runfast.bsky.social')] },
        { name: 'x', kind: 'social', platform: 'x', maxLength: 280, sources: [entry('x', 'runfast', { tokenEnv: 'STOREFRONT_TEST_X_TOKEN' })] },
      ],
      messages: [{ id: 'headline', text: 'Spring Sale: 30% off all running shoes' }],
      terms: [{ kind: 'avoid', avoid: ['lightest trail shoe'] }],
    });
    process.env.STOREFRONT_TEST_X_TOKEN = TOKEN;
    try {
      const report = await checkSpec(spec, { fetcher, allowTokenHosts: [base] });
      expect(report.sources.map((s) => [s.id, s.status])).toEqual([
        ['mastodon:@shop@social.runfast.example', 'ok'],
        ['bluesky:runfast.bsky.social', 'ok'],
        ['x:runfast', 'ok'],
      ]);
      expect(report.coverage.headline).toMatchObject({ mastodon: { status: 'present' }, bluesky: { status: 'present' }, x: { status: 'present' } });
      // "the lightest trail shoe" is only in the reposted review: someone else's words.
      const read = await readFeed(entry('mastodon', '@shop@social.runfast.example', { since: '2026-02-01' }), fetcher);
      expect(read.filter((p) => p.text.includes('lightest trail shoe')).map((p) => p.label)).toEqual(['repost']);
      expect(report.findings.filter((f) => f.rule === 'term-avoid')).toEqual([]);
      expect(JSON.stringify(report)).not.toContain(TOKEN);
    } finally {
      delete process.env.STOREFRONT_TEST_X_TOKEN;
    }
  });
});
