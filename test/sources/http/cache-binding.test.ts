// Cache poisoning: a pull request commits a cache entry for a live URL, carrying the page's real
// ETag and a forged body, so every revalidation answers 304 and the check judges the forgery.
// Entries are signed with a key kept outside the checkout; anything unsigned, signed with
// another key, or in a file others could write is ignored and fetched again.
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheKeyFile } from '../../../src/sources/http/cache-key.js';
import { createFetcher, type FetcherOptions } from '../../../src/sources/http/fetch.js';
import { HttpCache } from '../../../src/sources/http/http-cache.js';
import { SourceError } from '../../../src/sources/types.js';
import { startFaultServer, type FaultServer } from '../../support/fault-server.js';

let server: FaultServer;
let cacheDir = '';
let home = '';
let warnings: string[] = [];
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'storefront-poison-'));
  home = mkdtempSync(path.join(tmpdir(), 'storefront-cache-home-'));
  warnings = [];
});
afterEach(() => {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const KEY = 'this-users-key';
const run = (options: FetcherOptions = {}) =>
  createFetcher({ cacheDir, allowPrivateNetwork: true, retries: 0, cacheKey: KEY, onWarning: (line) => warnings.push(line), ...options });
const FORGED = '<html><body><p>Spring Sale: 90% off everything</p></body></html>';
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();

/** What an attacker commits: the live page's metadata (its real ETag) and a body of their own. */
async function forge(url: string, signWith?: string): Promise<string> {
  const live = await run({ cacheDir: undefined }).fetch(url);
  const cache = new HttpCache(cacheDir, { key: signWith ?? 'attacker-key' });
  const etag = (await fetch(url)).headers.get('etag');
  await cache.put(url, { finalUrl: live.url, status: 200, contentType: 'text/html', etag: etag ?? undefined, bytes: Buffer.from(FORGED) });
  const file = cache.fileOf(url);
  if (signWith === undefined) {
    // Unsigned, as a hand-written entry would be: the mac field removed.
    const data = readFileSync(file);
    const newline = data.indexOf(0x0a);
    const meta = JSON.parse(data.subarray(0, newline).toString());
    delete meta.mac;
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(meta) + '\n'), data.subarray(newline + 1)]));
  }
  return file;
}

describe('a cache entry committed to the repository', () => {
  it.each([
    ['unsigned', undefined],
    ['signed with another key', 'attacker-key'],
  ])('is ignored when %s: the live page is fetched and judged, and it is said once', async (_, key) => {
    const url = `${server.url}/page/poisoned?title=Live&etag=1&case=${encodeURIComponent(_)}`;
    const other = `${server.url}/page/poisoned-too?title=Live&etag=1&case=${encodeURIComponent(_)}`;
    await forge(url, key);
    await forge(other, key);
    const hits = server.hits('/page/poisoned');
    const fetcher = run();
    const fetched = await fetcher.fetch(url);
    await fetcher.fetch(other);
    expect(fetched.fromCache).toBe(false);
    expect(text(fetched.bytes)).toContain('<title>Live</title>');
    expect(text(fetched.bytes)).not.toContain('90% off');
    // Asked without the forged validators, so the server sent the page, not a 304.
    expect(server.hits('/page/poisoned')).toBe(hits + 1);
    expect(server.lastHeaders('/page/poisoned')?.['if-none-match']).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^cache: ignored entries in .* not signed with this user's cache key \(e\.g\. [0-9a-f]{64}\.entry\); they are fetched again$/)]);
    // The download replaced the forgery with a signed entry this user's runs trust.
    expect(text((await run({ offline: true }).fetch(url)).bytes)).toContain('<title>Live</title>');
  });

  it('is not served offline either', async () => {
    const url = `${server.url}/page/offline-poison?title=Live&etag=1`;
    await forge(url);
    const error = await run({ offline: true })
      .fetch(url)
      .catch((e: unknown) => e);
    expect(error).toEqual(new SourceError('not in the cache (--offline)'));
  });

  it('is ignored in a file others may write, even when correctly signed', async () => {
    const url = `${server.url}/page/writable?title=Live&etag=1`;
    await run().fetch(url);
    const file = new HttpCache(cacheDir).fileOf(url);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o666);
    const again = await run().fetch(url);
    expect(again.fromCache).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/: not owned by this user, or writable by others$/)]);
  });

  it('is never followed when it is a link (to /dev/zero, or to a secret)', async () => {
    const url = `${server.url}/page/linked?title=Live`;
    symlinkSync('/dev/zero', new HttpCache(cacheDir).fileOf(url));
    const fetched = await run().fetch(url);
    expect(text(fetched.bytes)).toContain('<title>Live</title>');
    expect(warnings).toEqual([expect.stringMatching(/: a symbolic link$/)]);
  });
});

describe('the cache key', () => {
  it("is made once in the user's cache home, private to them, and signs every later run's entries", async () => {
    const url = `${server.url}/page/keyed?title=Keyed&etag=1`;
    const withHome = () => run({ cacheKey: undefined, env: { XDG_CACHE_HOME: home } });
    await withHome().fetch(url);
    const keyFile = cacheKeyFile({ XDG_CACHE_HOME: home });
    expect(keyFile).toBe(path.join(home, 'storefront', 'key'));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    const second = await withHome().fetch(url);
    expect(second.fromCache).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('is not used when others could read it: the run fetches without a cache and says why', async () => {
    const url = `${server.url}/page/exposed-key?title=Exposed`;
    const withHome = () => run({ cacheKey: undefined, env: { XDG_CACHE_HOME: home } });
    await withHome().fetch(url);
    chmodSync(cacheKeyFile({ XDG_CACHE_HOME: home }), 0o644);
    const fetched = await withHome().fetch(url);
    expect(fetched.fromCache).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/^cache not used: the cache key .* is not private to this user/)]);
  });

  it('comes from STOREFRONT_CACHE_KEY when set, so runs on other machines can share a cache', async () => {
    const url = `${server.url}/page/shared-key?title=Shared&etag=1`;
    await run({ cacheKey: undefined, env: { STOREFRONT_CACHE_KEY: 'ci-secret', XDG_CACHE_HOME: home } }).fetch(url);
    const again = await run({ cacheKey: undefined, env: { STOREFRONT_CACHE_KEY: 'ci-secret', XDG_CACHE_HOME: path.join(home, 'elsewhere') } }).fetch(url);
    expect(again.fromCache).toBe(true);
  });
});
