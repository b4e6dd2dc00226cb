// Bounded network work: huge sitemaps, indexes that fan out, file: entries in a local sitemap,
// feeds that never end, tarpits, and a deadline for the whole run. Counts and sizes are
// asserted, never wall time. Servers are on 127.0.0.1; files are made at test time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/check.js';
import { readFeed } from '../../src/sources/feeds/index.js';
import { MAX_FEED_PAGES } from '../../src/sources/feeds/paging.js';
import { createFetcher } from '../../src/sources/http/fetch.js';
import { DEFAULT_MAX_PAGES, MAX_CHILD_SITEMAPS, readSitemap } from '../../src/sources/web/sitemap.js';
import { SourceError } from '../../src/sources/types.js';
import { parseSpec } from '../../src/spec/load.js';
import { makeSpec } from '../helpers.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

let server: FaultServer;
let dir = '';
beforeAll(async () => {
  server = await startFaultServer();
  dir = mkdtempSync(path.join(tmpdir(), 'storefront-bounded-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const urlset = (locs: Iterable<string>) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const loc of locs) lines.push(`<url><loc>${loc}</loc></url>`);
  lines.push('</urlset>');
  return lines.join('\n');
};
function* numbered(count: number, at = 'https://shop.example/p/') {
  for (let i = 0; i < count; i++) yield `${at}${i}`;
}

// Large inputs take seconds on a loaded machine: generous timeouts, no timing assertions.
describe('sitemaps', { timeout: 60_000 }, () => {
  it('stops at the run page cap of 50,000 on a gzipped sitemap of 200,000 URLs, and says so', async () => {
    const file = path.join(dir, 'huge.xml.gz');
    writeFileSync(file, gzipSync(urlset(numbered(200_000))));
    const { pages, failures } = await readSitemap(pathToFileURL(file));
    expect(pages).toHaveLength(DEFAULT_MAX_PAGES);
    expect(pages.at(-1)?.href).toBe(`https://shop.example/p/${DEFAULT_MAX_PAGES - 1}`);
    expect(failures.map((f) => f.reason)).toEqual(['the run has read its page cap of sitemap pages (--max-pages); the rest are not read']);
  });

  it('filters while reading: include and limit keep only what is asked for', async () => {
    const file = path.join(dir, 'filtered.xml');
    writeFileSync(file, urlset(numbered(100_000)));
    const { pages, failures } = await readSitemap(pathToFileURL(file), { include: ['shop.example/p/*7'], limit: 5 });
    expect(pages.map((p) => p.pathname)).toEqual(['/p/7', '/p/17', '/p/27', '/p/37', '/p/47']);
    expect(failures).toEqual([]);
  });

  it('shares one page budget between the sitemaps of a run', async () => {
    const budget = { remaining: 30 };
    const a = path.join(dir, 'a.xml');
    const b = path.join(dir, 'b.xml');
    writeFileSync(a, urlset(numbered(20, 'https://a.example/')));
    writeFileSync(b, urlset(numbered(20, 'https://b.example/')));
    expect((await readSitemap(pathToFileURL(a), { budget })).pages).toHaveLength(20);
    const second = await readSitemap(pathToFileURL(b), { budget });
    expect(second.pages).toHaveLength(10);
    expect(second.failures).toHaveLength(1);
  });

  it(`reads at most ${MAX_CHILD_SITEMAPS} child sitemaps of an index that fans out`, async () => {
    const fan = path.join(dir, 'fan');
    mkdirSync(fan);
    const children = MAX_CHILD_SITEMAPS + 500;
    for (let i = 0; i < children; i++) writeFileSync(path.join(fan, `s${i}.xml`), urlset([`https://shop.example/c/${i}`]));
    const index = `<?xml version="1.0"?><sitemapindex>${Array.from({ length: children }, (_, i) => `<sitemap><loc>s${i}.xml</loc></sitemap>`).join('')}</sitemapindex>`;
    writeFileSync(path.join(fan, 'index.xml'), index);
    const { pages, failures } = await readSitemap(pathToFileURL(path.join(fan, 'index.xml')));
    expect(pages).toHaveLength(MAX_CHILD_SITEMAPS);
    expect(failures.map((f) => f.reason)).toEqual([`more than ${MAX_CHILD_SITEMAPS} child sitemaps: the rest are not read`]);
  });

  it('refuses file: and other non-http(s) entries of a local sitemap, quoting none of them', async () => {
    const site = path.join(dir, 'site');
    mkdirSync(site);
    writeFileSync(path.join(site, 'page.html'), '<p>A saved page</p>');
    writeFileSync(path.join(site, 'sitemap.xml'), urlset(['file:///etc/passwd', 'FILE:///root/.ssh/id_rsa', 'ftp://files.example/x', 'data:text/html,hi', 'page.html', 'https://shop.example/ok']));
    const { pages, failures } = await readSitemap(pathToFileURL(path.join(site, 'sitemap.xml')), { baseDir: site });
    expect(pages.map((p) => (p.protocol === 'file:' ? path.basename(p.pathname) : p.href))).toEqual(['page.html', 'https://shop.example/ok']);
    expect(failures.map((f) => f.reason)).toEqual(['4 entries refused: only http(s) URLs (and, in a local sitemap, paths relative to it) are read']);
  });

  it('refuses a sitemap nested absurdly deep before parsing it all', async () => {
    const file = path.join(dir, 'nested.xml');
    writeFileSync(file, `<urlset>${'<b>'.repeat(600_000)}`);
    const { failures } = await readSitemap(pathToFileURL(file));
    expect(failures.map((f) => f.reason)).toEqual(['not a sitemap: elements nested deeper than 32 levels']);
  });
});

describe('feeds', { timeout: 60_000 }, () => {
  it('refuse a limit of 100,000,000 in the spec, at its line', () => {
    const spec = `version: 1\ncampaign: C\nchannels:\n  fedi:\n    kind: social\n    platform: mastodon\n    sources:\n      - { mastodon: "@shop@social.example", limit: 100000000 }\n`;
    expect(() => parseSpec(spec, 'storefront.yaml')).toThrow('storefront.yaml:8:52: channels.fedi.sources[0].limit: expected an integer from 1 to 50000, got 100000000');
  });

  it(`stop after ${MAX_FEED_PAGES} pages when a server hands out one post per page for ever`, async () => {
    let pages = 0;
    const endless: Server = createServer((req, res) => {
      pages++;
      const cursor = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') ?? 0);
      const post = { post: { uri: `at://did:plc:a/app.bsky.feed.post/${cursor}`, record: { text: `post ${cursor}`, createdAt: '2026-03-01T00:00:00Z' } } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ feed: [post], cursor: String(cursor + 1) }));
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(endless.address() as AddressInfo).port}`;
      const entry = { type: 'feed' as const, platform: 'bluesky' as const, account: 'shop.bsky.social', limit: 3200, baseUrl };
      const error = await readFeed(entry, createFetcher({ allowPrivateNetwork: true, retries: 0 })).catch((e: unknown) => e);
      expect(error).toEqual(new SourceError(`stopped after ${MAX_FEED_PAGES} pages with ${MAX_FEED_PAGES} of 3200 posts read: the server pages too finely`));
      expect(pages).toBe(MAX_FEED_PAGES);
    } finally {
      await new Promise<void>((resolve) => endless.close(() => resolve()));
    }
  });
});

describe('tarpits and the run deadline', () => {
  it('cuts a page that trickles a byte at a time at the per-request time limit', async () => {
    const fetcher = createFetcher({ allowPrivateNetwork: true, retries: 0, timeoutMs: 300, deadlineMs: 1000 });
    const error = await fetcher.fetch(`${server.url}/tarpit/one?every=50`).catch((e: unknown) => e);
    expect(error).toEqual(new SourceError('timed out after 300 ms'));
  });

  it('turns what is left at the run deadline into source-errors', { timeout: 60_000 }, async () => {
    // 12 tarpits, 2 at a time: without a deadline this run would last 12 x 15 s.
    const urls = Array.from({ length: 12 }, (_, i) => `${server.url}/tarpit/run-${i}?every=500`);
    const spec = makeSpec({
      channels: [{ name: 'site', kind: 'web', sources: urls.map((url) => ({ type: 'url' as const, url })) }],
      messages: [{ id: 'm', text: 'Spring Sale' }],
    });
    const report = await checkSpec(spec, { allowPrivateNetwork: true, timeout: 1, concurrency: 2 });
    expect(report.sources.map((s) => s.error)).toEqual(urls.map(() => 'not read: run deadline of 1 s reached'));
    // Most never started: at most one round of two requests, and no retries.
    const requested = urls.reduce((n, url) => n + server.hits(new URL(url).pathname), 0);
    expect(requested).toBeLessThanOrEqual(4);
  });
});
