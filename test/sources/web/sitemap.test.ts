import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../../src/sources/http/fetch.js';
import { parseSitemap, readSitemap, sitemapLocation } from '../../../src/sources/web/sitemap.js';
import { SourceError } from '../../../src/sources/types.js';

const siteDir = fileURLToPath(new URL('../../fixtures/web/site/', import.meta.url));

const urlset = (...locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((l) => `  <url><loc>${l}</loc></url>`).join('\n')}\n</urlset>`;
const index = (...locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((l) => `  <sitemap><loc>${l}</loc></sitemap>`).join('\n')}\n</sitemapindex>`;

/** What the loopback site answers, by path; each entry [content-type, body]. */
const routes = new Map<string, [string, string | Buffer]>();
const requests: string[] = [];
let server: Server;
let origin: string;
let host: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url!);
    const route = routes.get(req.url!);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;

  routes.set('/sitemap_index.xml', ['application/xml', index('/sitemaps/pages.xml', 'sitemaps/shoes.xml.gz', `${origin}/sitemaps/loop.xml`, '/sitemaps/missing.xml')]);
  routes.set(
    '/sitemaps/pages.xml',
    // Relative, absolute, entity-escaped, CDATA-wrapped and repeated locs; lastmod is not a page.
    ['text/xml', urlset('/', '../spring/', `${origin}/spring/pro?ref=a&amp;b=1`, '<![CDATA[/spring/trail]]>', '/spring/', '/about').replace('</urlset>', '<url><lastmod>2026-01-01</lastmod></url></urlset>')],
  );
  // Served as a file download, not with Content-Encoding: the bytes themselves are gzip.
  routes.set('/sitemaps/shoes.xml.gz', ['application/gzip', gzipSync(urlset('/shoes/pro', '/shoes/trail', '/spring/kids'))]);
  // An index naming the top index and itself: read once each, no endless loop.
  routes.set('/sitemaps/loop.xml', ['application/xml', index('/sitemap_index.xml', '/sitemaps/loop.xml', '/sitemaps/last.xml')]);
  routes.set('/sitemaps/last.xml', ['application/xml', urlset('/last')]);
  routes.set('/deep/0.xml', ['application/xml', index('/deep/1.xml')]);
  routes.set('/deep/1.xml', ['application/xml', index('/deep/2.xml')]);
  routes.set('/deep/2.xml', ['application/xml', urlset('/deep-page')]);
  routes.set('/page.html', ['text/html', '<!DOCTYPE html><html><body><p>Not a sitemap</p></body></html>']);
  routes.set('/local.xml', ['application/xml', urlset('file:///etc/passwd', 'file:spring/index.html', '/ok')]);
  routes.set('/broken.xml.gz', ['application/gzip', Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5])]);
  routes.set('/list.txt', ['text/plain', `${origin}/one\n\n${origin}/two\n`]);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetcher = () => createFetcher({ retries: 0, allowPrivateNetwork: true });
const paths = (pages: URL[]) => pages.map((p) => p.href.slice(origin.length));

describe('readSitemap over HTTP', () => {
  it('follows a sitemap index into plain and gzipped sitemaps, resolving relative locs, in document order, once each', async () => {
    requests.length = 0;
    const { pages, failures } = await readSitemap(new URL(`${origin}/sitemap_index.xml`), { fetcher: fetcher() });
    expect(paths(pages)).toEqual(['/', '/spring/', '/spring/pro?ref=a&b=1', '/spring/trail', '/about', '/shoes/pro', '/shoes/trail', '/spring/kids', '/last']);
    expect(failures.map((f) => [f.sitemap.href.slice(origin.length), f.reason])).toEqual([['/sitemaps/missing.xml', expect.stringContaining('404')]]);
    // The loop: the top index and loop.xml were each asked for once.
    expect(requests.filter((r) => r === '/sitemap_index.xml')).toHaveLength(1);
    expect(requests.filter((r) => r === '/sitemaps/loop.xml')).toHaveLength(1);
  });

  it('keeps pages the include globs match and the exclude globs do not, matched without the scheme, then applies the limit', async () => {
    const read = (include: string[], exclude: string[], limit?: number) =>
      readSitemap(new URL(`${origin}/sitemap_index.xml`), { fetcher: fetcher(), include, exclude, limit }).then((r) => paths(r.pages));
    expect(await read([`${host}/spring/**`], [])).toEqual(['/spring/', '/spring/pro?ref=a&b=1', '/spring/trail', '/spring/kids']);
    expect(await read([`${host}/spring/**`], [`${host}/spring/kids`, '**/pro*'])).toEqual(['/spring/', '/spring/trail']);
    expect(await read([`${host}/**`], [`${host}/spring/**`])).toEqual(['/', '/about', '/shoes/pro', '/shoes/trail', '/last']);
    expect(await read([`${host}/spring/**`], [], 2)).toEqual(['/spring/', '/spring/pro?ref=a&b=1']);
    expect(await read([], [], 3)).toEqual(['/', '/spring/', '/spring/pro?ref=a&b=1']);
    // A glob with the scheme in it matches nothing: the scheme is not part of what is matched.
    expect(await read([`http://${host}/**`], [])).toEqual([]);
  });

  it('stops at the depth limit with a reason, and still returns what it read above it', async () => {
    const deep = await readSitemap(new URL(`${origin}/deep/0.xml`), { fetcher: fetcher(), maxDepth: 1 });
    expect(deep.pages).toEqual([]);
    expect(deep.failures.map((f) => [f.sitemap.pathname, f.reason])).toEqual([['/deep/1.xml', 'sitemap index nested deeper than 1 levels']]);
    expect(paths((await readSitemap(new URL(`${origin}/deep/0.xml`), { fetcher: fetcher() })).pages)).toEqual(['/deep-page']);
  });

  it('never follows a remote sitemap into local files', async () => {
    expect(paths((await readSitemap(new URL(`${origin}/local.xml`), { fetcher: fetcher() })).pages)).toEqual(['/ok']);
  });

  it('names invalid gzip as the reason', async () => {
    const { failures } = await readSitemap(new URL(`${origin}/broken.xml.gz`), { fetcher: fetcher() });
    expect(failures.map((f) => f.reason)).toEqual(['invalid gzip data']);
  });

  it('reads the text form (one URL a line)', async () => {
    expect(paths((await readSitemap(new URL(`${origin}/list.txt`), { fetcher: fetcher() })).pages)).toEqual(['/one', '/two']);
  });

  it('fails with one line: HTTP errors, a page that is not a sitemap, no fetcher offline', async () => {
    const missing = await readSitemap(new URL(`${origin}/nothing.xml`), { fetcher: fetcher() });
    expect(missing.pages).toEqual([]);
    expect(missing.failures).toEqual([{ sitemap: new URL(`${origin}/nothing.xml`), reason: expect.stringMatching(/^HTTP 404/) }]);
    const html = await readSitemap(new URL(`${origin}/page.html`), { fetcher: fetcher() });
    expect(html.failures.map((f) => f.reason)).toEqual(['not a sitemap: root element <html>, expected <urlset> or <sitemapindex>']);
    const offline = await readSitemap(new URL(`${origin}/sitemap_index.xml`), { offline: true });
    expect(offline.failures.map((f) => f.reason)).toEqual(['not fetched: --offline']);
    for (const failure of [...missing.failures, ...html.failures, ...offline.failures]) expect(failure.reason).not.toContain('\n');
  });
});

describe('readSitemap from a local file', () => {
  it('reads a .xml and the same sitemap gzipped as .xml.gz; relative locs are the saved pages next to it', async () => {
    for (const name of ['sitemap.xml', 'sitemap.xml.gz']) {
      const { pages, failures } = await readSitemap(sitemapLocation(name, siteDir), { baseDir: siteDir });
      expect(failures).toEqual([]);
      expect(pages.map((p) => p.protocol)).toEqual(['file:', 'file:', 'file:']);
      expect(pages.map((p) => fileURLToPath(p).slice(siteDir.length))).toEqual(['spring/index.html', 'spring/pro.html', 'about.html']);
    }
  });

  it('matches local pages by their path relative to the spec folder', async () => {
    const { pages } = await readSitemap(sitemapLocation('sitemap.xml', siteDir), { baseDir: siteDir, include: ['spring/**'], exclude: ['**/pro.html'] });
    expect(pages.map((p) => fileURLToPath(p).slice(siteDir.length))).toEqual(['spring/index.html']);
  });

  it('names a missing file and a folder as the reason', async () => {
    const reasons = async (name: string) => (await readSitemap(sitemapLocation(name, siteDir))).failures.map((f) => f.reason);
    expect(await reasons('nope.xml')).toEqual(['file not found']);
    expect(await reasons('spring')).toEqual(['is a folder, not a sitemap']);
  });

  it('throws SourceError for bytes that are neither XML nor URLs', () => {
    expect(() => parseSitemap(new TextEncoder().encode('hello world'))).toThrow(SourceError);
  });
});
