// The on-disk HTTP cache against the loopback fault server: revalidation with ETag and
// Last-Modified, --offline, what is (and is never) written, and corrupt entries.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, type FetcherOptions } from '../../../src/sources/http/fetch.js';
import { HttpCache } from '../../../src/sources/http/http-cache.js';
import { readSource } from '../../../src/sources/read.js';
import { SourceError } from '../../../src/sources/types.js';
import { startFaultServer, type FaultServer } from '../../support/fault-server.js';

let server: FaultServer;
let cacheDir = '';

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'storefront-cache-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

// The key that signs entries: this user's, as STOREFRONT_CACHE_KEY would give it (never the real key file).
const cacheKey = 'test-cache-key';
/** A new fetcher each time, as a new run of the CLI would make. */
const run = (options: FetcherOptions = {}) => createFetcher({ cacheDir, backoffMs: 5, allowPrivateNetwork: true, cacheKey, ...options });
const files = () => readdirSync(cacheDir).sort();
const entryFile = () => path.join(cacheDir, files().find((f) => f.endsWith('.entry'))!);
/** An entry is a line of JSON metadata, then the body. */
const metaOf = (file: string) => JSON.parse(readFileSync(file, 'utf8').split('\n')[0]) as Record<string, unknown>;

describe('HTTP cache', () => {
  it('revalidates with If-None-Match and serves the cached body on 304', async () => {
    const url = `${server.url}/page/etag?title=Cached&etag=1`;
    const first = await run().fetch(url);
    expect(first.fromCache).toBe(false);
    const etag = metaOf(entryFile()).etag;
    expect(etag).toMatch(/^".+"$/);

    const second = await run().fetch(url);
    expect(server.hits('/page/etag')).toBe(2);
    expect(server.lastHeaders('/page/etag')?.['if-none-match']).toBe(etag);
    expect(second).toEqual({ ...first, fromCache: true });
  });

  it('revalidates with If-Modified-Since', async () => {
    const url = `${server.url}/page/modified?title=Dated&modified=1`;
    const first = await run().fetch(url);
    const second = await run().fetch(url);
    expect(server.lastHeaders('/page/modified')?.['if-modified-since']).toBe('Wed, 01 Apr 2026 08:00:00 GMT');
    expect(second.fromCache).toBe(true);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('downloads again when the page has no validators, but still keeps it for --offline', async () => {
    const url = `${server.url}/page/plain?title=Plain`;
    await run().fetch(url);
    const again = await run().fetch(url);
    expect(again.fromCache).toBe(false);
    expect(server.lastHeaders('/page/plain')?.['if-none-match']).toBeUndefined();
    expect((await run({ offline: true }).fetch(url)).fromCache).toBe(true);
  });

  it('serves --offline from the cache alone, and names what it lacks', async () => {
    const url = `${server.url}/page/offline?title=Offline&etag=1`;
    const online = await run().fetch(url);
    const hits = server.hits('/page/offline');
    const offline = await run({ offline: true }).fetch(url);
    expect(offline).toEqual({ ...online, fromCache: true });
    expect(server.hits('/page/offline')).toBe(hits);
    await expect(run({ offline: true }).fetch(`${server.url}/page/never-fetched`)).rejects.toThrow(new SourceError('not in the cache (--offline)'));
    expect(server.hits('/page/never-fetched')).toBe(0);
  });

  it('reads a cached page through readSource offline', async () => {
    const url = `${server.url}/page/read?title=Spring%20Sale&text=Free%20shipping%20over%20%2450.&etag=1`;
    await run().fetch(url);
    const doc = await readSource({ id: url, url, channel: 'site', kind: 'web', language: 'en' }, { fetcher: run({ offline: true }) });
    expect('parts' in doc && doc.parts.map((p) => p.text)).toEqual(['Spring Sale', 'Spring Sale', 'Free shipping over $50.']);
  });

  it('keeps one entry per URL: small metadata and the body, never request headers', async () => {
    const url = `${server.url}/page/entry?title=Entry&etag=1`;
    const fetched = await run().fetch(url, { headers: { 'x-request-note': 's3cret-note' } });
    await run().fetch(url);
    expect(files()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.entry$/)]);
    const data = readFileSync(entryFile());
    const meta = metaOf(entryFile());
    expect(Object.keys(meta).sort()).toEqual(['contentType', 'etag', 'finalUrl', 'mac', 'size', 'status', 'storedAt', 'url']);
    expect(meta).toMatchObject({ url, finalUrl: url, status: 200, contentType: 'text/html; charset=utf-8', size: fetched.bytes.length });
    expect(Date.parse(meta.storedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.subarray(data.indexOf(0x0a) + 1).equals(Buffer.from(fetched.bytes))).toBe(true);
    expect(data.toString('latin1')).not.toMatch(/s3cret|x-request-note/i);
  });

  it('never stores an answer to a request that carried credentials', async () => {
    const url = `${server.url}/page/private?title=Private&etag=1`;
    await run().fetch(url, { headers: { authorization: 'Bearer s3cret-token' } });
    await run().fetch(url, { headers: { cookie: 'session=s3cret' } });
    expect(files()).toEqual([]);
  });

  it('keys by the requested URL and revalidates where the redirects ended', async () => {
    const final = `${server.url}/page/target?title=Target&etag=1`;
    const url = `${server.url}/redirect/a?to=${encodeURIComponent(final)}`;
    const first = await run().fetch(url);
    expect(first.url).toBe(final);
    const second = await run().fetch(url);
    expect(second).toEqual({ ...first, fromCache: true });
    expect(server.lastHeaders('/redirect/a')?.['if-none-match']).toBeUndefined();
    expect(server.lastHeaders('/page/target')?.['if-none-match']).toMatch(/^".+"$/);
  });

  it('does not store a no-store response', async () => {
    // The fault server sends no Cache-Control, so a wrapped fetch adds it.
    const noStore: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      return new Response(await response.arrayBuffer(), { status: 200, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' } });
    };
    await run({ fetchImpl: noStore }).fetch(`${server.url}/page/no-store`);
    expect(files()).toEqual([]);
    await run().fetch(`${server.url}/page/store`);
    expect(files()).toHaveLength(1);
  });

  it.each([
    ['metadata that is not JSON', (file: string) => writeFileSync(file, '{"url": "trunc\n<html>')],
    ['metadata of another shape', (file: string) => writeFileSync(file, '[1, 2, 3]\n<html>')],
    ['no metadata line at all', (file: string) => writeFileSync(file, '')],
    ['a torn body', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, -10))],
    ['metadata of another URL', (file: string) => writeFileSync(file, readFileSync(file, 'latin1').replace('/page/corrupt', '/page/other'), 'latin1')],
  ])('ignores an entry with %s and downloads again', async (_, corrupt) => {
    const url = `${server.url}/page/corrupt?title=Fresh&etag=1&case=${encodeURIComponent(_)}`;
    await run().fetch(url);
    corrupt(entryFile());
    const hits = server.hits('/page/corrupt');
    const again = await run().fetch(url);
    expect(again.fromCache).toBe(false);
    expect(server.hits('/page/corrupt')).toBe(hits + 1);
    expect(server.lastHeaders('/page/corrupt')?.['if-none-match']).toBeUndefined();
    expect(Buffer.from(again.bytes).toString()).toContain('<title>Fresh</title>');
    // ...and the download repaired the entry.
    expect((await run({ offline: true }).fetch(url)).fromCache).toBe(true);
  });

  it('leaves no temporary files, and survives many writers of one URL', async () => {
    const url = `${server.url}/page/race?title=Race`;
    await Promise.all(Array.from({ length: 8 }, () => run().fetch(url)));
    expect(files()).toEqual([expect.stringMatching(/\.entry$/)]);
    expect(await new HttpCache(cacheDir, { key: cacheKey }).get(url)).toBeDefined();
  });

  it('still fetches when the cache cannot be written', async () => {
    const blocked = path.join(cacheDir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const fetched = await createFetcher({ cacheDir: blocked, allowPrivateNetwork: true, cacheKey }).fetch(`${server.url}/page/unwritable`);
    expect(fetched).toMatchObject({ status: 200, fromCache: false });
  });
});
