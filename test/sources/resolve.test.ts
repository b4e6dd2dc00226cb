import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/sources/http/fetch.js';
import { readSource } from '../../src/sources/read.js';
import { isUnresolved, resolveSources, type SourceRef } from '../../src/sources/resolve.js';
import type { Channel, SourceEntry } from '../../src/spec/types.js';

// The fixture folder stands in for the spec's folder.
const specDir = fileURLToPath(new URL('../fixtures/web/site/', import.meta.url));
const channel = (sources: SourceEntry[], extra: Partial<Channel> = {}): Channel => ({ name: 'site', kind: 'web', language: 'en', sources, ...extra });
const glob = (pattern: string, extra: Partial<SourceEntry> = {}): SourceEntry => ({ type: 'glob', pattern, ...extra }) as SourceEntry;
const sitemap = (location: string, extra: Partial<SourceEntry> = {}): SourceEntry => ({ type: 'sitemap', sitemap: location, include: [], excludeUrls: [], ...extra }) as SourceEntry;

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<urlset><url><loc>/spring/</loc></url><url><loc>/spring/pro</loc></url><url><loc>/about</loc></url></urlset>`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('resolveSources: folders of saved pages', () => {
  it('takes every file below a folder that the channel kind reads, sorted, and no saved-page assets', async () => {
    const refs = await resolveSources(channel([glob('.')]), specDir);
    expect(refs.map((r) => r.id)).toEqual(['about.html', 'saved/Spring Sale.HTML', 'spring/index.html', 'spring/pro.html']);
    expect((refs[0] as SourceRef).file).toBe(path.join(specDir, 'about.html'));
    // A trailing slash names the same folder.
    expect((await resolveSources(channel([glob('spring/')]), specDir)).map((r) => r.id)).toEqual(['spring/index.html', 'spring/pro.html']);
  });

  it('picks files by the channel kind: a social folder takes no .html', async () => {
    const refs = await resolveSources(channel([glob('saved')], { kind: 'social' }), specDir);
    expect(refs).toEqual([{ id: 'saved', channel: 'site', kind: 'social', language: 'en', reason: 'the folder holds no .json, .yaml, .yml, .csv, .txt, .js file' }]);
  });

  it('reports a folder with nothing readable, a missing file and an empty glob as one unresolved entry each', async () => {
    const refs = await resolveSources(channel([glob('empty'), glob('gone.html'), glob('nothing/*.html')]), specDir);
    expect(refs.map((r) => [r.id, isUnresolved(r) ? r.reason : 'ok'])).toEqual([
      ['empty', 'the folder holds no .html, .htm, .xhtml file'],
      ['gone.html', 'file not found'],
      ['nothing/*.html', 'the pattern matches no file'],
    ]);
  });

  it('reads what a folder expanded to', async () => {
    const [ref] = await resolveSources(channel([glob('saved')]), specDir);
    const doc = await readSource(ref as SourceRef);
    expect('parts' in doc && doc.parts.map((p) => p.text)).toEqual(['Spring Sale (saved)', 'Saved copy of the sale page.']);
  });
});

describe('resolveSources: per-source options', () => {
  it("gives each ref its source's language over the channel's, its selector and its exclude list", async () => {
    const refs = await resolveSources(
      channel(
        [
          glob('spring/*.html', { language: 'en-US', selector: 'main', exclude: ['nav', '.cookie-banner'] }),
          glob('about.html'),
          { type: 'url', url: 'https://runfast.example/pl/', language: 'pl', exclude: ['footer'] },
          glob('saved', { language: 'auto' }),
        ],
        { language: 'de' },
      ),
      specDir,
    );
    expect(refs.map((r) => [r.id, r.language, (r as SourceRef).selector, (r as SourceRef).exclude])).toEqual([
      ['spring/index.html', 'en-US', 'main', ['nav', '.cookie-banner']],
      ['spring/pro.html', 'en-US', 'main', ['nav', '.cookie-banner']],
      ['about.html', 'de', undefined, undefined],
      ['https://runfast.example/pl/', 'pl', undefined, ['footer']],
      ['saved/Spring Sale.HTML', 'auto', undefined, undefined],
    ]);
  });

  it('turns a social feed into one ref carrying the entry', async () => {
    const feed = { type: 'feed', platform: 'mastodon', account: '@runfast@mastodon.example', limit: 20 } as const;
    const refs = await resolveSources(channel([feed], { kind: 'social', platform: 'mastodon' }), specDir);
    expect(refs).toEqual([{ id: 'mastodon:@runfast@mastodon.example', channel: 'site', kind: 'social', language: 'en', feed }]);
  });

  it('lists a source named twice once', async () => {
    const refs = await resolveSources(channel([glob('spring/pro.html'), glob('spring/*.html')]), specDir);
    expect(refs.map((r) => r.id)).toEqual(['spring/pro.html', 'spring/index.html']);
  });
});

describe('resolveSources: sitemaps', () => {
  it('expands a URL sitemap into url refs with the entry options, filtered and limited', async () => {
    const host = origin.replace('http://', '');
    const entry = sitemap(`${origin}/sitemap.xml`, { include: [`${host}/spring/**`], limit: 5, selector: 'main', exclude: ['nav'], language: 'en-GB' });
    const refs = await resolveSources(channel([entry]), specDir, { fetcher: createFetcher({ retries: 0, allowPrivateNetwork: true }) });
    expect(refs).toEqual(
      ['/spring/', '/spring/pro'].map((p) => ({ id: `${origin}${p}`, url: `${origin}${p}`, channel: 'site', kind: 'web', language: 'en-GB', selector: 'main', exclude: ['nav'] })),
    );
  });

  it('expands a local sitemap (gzipped too) into file refs of the saved pages it lists', async () => {
    const refs = await resolveSources(channel([sitemap('sitemap.xml.gz', { excludeUrls: ['about.html'] })]), specDir);
    expect(refs.map((r) => [r.id, (r as SourceRef).file])).toEqual([
      ['spring/index.html', path.join(specDir, 'spring/index.html')],
      ['spring/pro.html', path.join(specDir, 'spring/pro.html')],
    ]);
  });

  it('turns an unreadable sitemap into one unresolved entry named as written, with the reason', async () => {
    const offline = await resolveSources(channel([sitemap(`${origin}/sitemap.xml`)]), specDir, { offline: true });
    expect(offline).toEqual([{ id: `${origin}/sitemap.xml`, channel: 'site', kind: 'web', language: 'en', reason: 'not fetched: --offline' }]);
    const missing = await resolveSources(channel([sitemap(`${origin}/none.xml`)]), specDir, { fetcher: createFetcher({ retries: 0, allowPrivateNetwork: true }) });
    expect(missing.map((r) => [r.id, isUnresolved(r) && r.reason.startsWith('HTTP 404')])).toEqual([[`${origin}/none.xml`, true]]);
    const local = await resolveSources(channel([sitemap('nope.xml')]), specDir);
    expect(local.map((r) => [r.id, isUnresolved(r) && r.reason])).toEqual([['nope.xml', 'file not found']]);
  });

  it('says so when include/exclude leave no page', async () => {
    const refs = await resolveSources(channel([sitemap('sitemap.xml', { include: ['blog/**'] })]), specDir);
    expect(refs.map((r) => [r.id, isUnresolved(r) && r.reason])).toEqual([['sitemap.xml', 'the sitemap lists no page that include/exclude keep']]);
  });
});
