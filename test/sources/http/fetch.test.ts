// Fetching against the loopback fault server: every behaviour of the fetcher, and a campaign
// that keeps reporting when one of its URLs is dead.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpec } from '../../../src/check.js';
import { createFetcher, retryAfterMs, type FetcherOptions } from '../../../src/sources/http/fetch.js';
import { readSource } from '../../../src/sources/read.js';
import { SourceError } from '../../../src/sources/types.js';
import { makeSpec } from '../../helpers.js';
import { POLISH_TEXT, startFaultServer, type FaultServer } from '../../support/fault-server.js';

let server: FaultServer;
let base = '';

beforeAll(async () => {
  server = await startFaultServer();
  base = server.url;
});
afterAll(() => server.close());

// Small backoff so retries take milliseconds; everything else at its default.
// The fault server is on 127.0.0.1: these tests allow the private network, as --allow-private-network does.
const fast = (options: FetcherOptions = {}) => createFetcher({ backoffMs: 5, allowPrivateNetwork: true, ...options });

async function failure(route: string, options: FetcherOptions = {}): Promise<string> {
  try {
    await fast(options).fetch(base + route);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error(`expected ${route} to fail`);
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('createFetcher: requests', () => {
  it('says who it is and accepts compressed bodies', async () => {
    const fetched = await fast().fetch(`${base}/echo`);
    const headers = JSON.parse(text(fetched.bytes)) as Record<string, string>;
    const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(headers['user-agent']).toBe(`storefront/${version} (campaign copy checker)`);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers.accept).toMatch(/^text\/html/);
    expect(fetched).toMatchObject({ status: 200, fromCache: false, contentType: 'application/json', url: `${base}/echo` });
  });

  it('sends the caller headers and accept', async () => {
    await fast({ userAgent: 'custom/1' }).fetch(`${base}/echo?x=1`, { accept: 'application/json', headers: { authorization: 'Bearer t0ken' } });
    expect(server.lastHeaders('/echo')).toMatchObject({ 'user-agent': 'custom/1', accept: 'application/json', authorization: 'Bearer t0ken' });
  });

  it.each(['gzip', 'deflate', 'br'])('decodes a %s body', async (encoding) => {
    const fetched = await fast().fetch(`${base}/${encoding}`);
    expect(text(fetched.bytes)).toMatch(/<title>(Gzipped|Deflated|Brotli)<\/title>/);
    expect(text(fetched.bytes)).toContain(`Compressed with ${encoding === 'br' ? 'brotli' : encoding}.`);
  });

  it('turns an invalid gzip body into a reason, without retrying', async () => {
    expect(await failure('/gzip-invalid')).toBe('invalid gzip body: incorrect header check');
    expect(server.hits('/gzip-invalid')).toBe(1);
  });

  it.each([
    ['not-a-url', 'invalid URL: not-a-url'],
    ['ftp://127.0.0.1/file', 'not an http(s) URL: ftp://127.0.0.1/file'],
  ])('refuses %s', async (url, reason) => {
    await expect(fast().fetch(url)).rejects.toThrow(new SourceError(reason));
  });
});

describe('createFetcher: status codes and retries', () => {
  it.each([
    ['/status/404', 'HTTP 404 Not Found'],
    ['/status/410', 'HTTP 410 Gone'],
    ['/status/403', 'HTTP 403 Forbidden'],
  ])('never retries %s', async (route, reason) => {
    expect(await failure(route)).toBe(reason);
    expect(server.hits(route)).toBe(1);
  });

  it('retries a 500 until it turns into a 200', async () => {
    const fetched = await fast().fetch(`${base}/flaky/a?fail=2`);
    expect(text(fetched.bytes)).toContain('after 2 failures');
    expect(server.hits('/flaky/a')).toBe(3);
  });

  it('retries a 408 too', async () => {
    await fast().fetch(`${base}/flaky/b?fail=1&code=408`);
    expect(server.hits('/flaky/b')).toBe(2);
  });

  it('gives up after 1 + retries attempts, naming the last status', async () => {
    expect(await failure('/flaky/c?fail=99&code=503')).toBe('gave up after 4 attempts: HTTP 503 Service Unavailable');
    expect(server.hits('/flaky/c')).toBe(4);
    expect(await failure('/flaky/d?fail=99&code=502', { retries: 1 })).toBe('gave up after 2 attempts: HTTP 502 Bad Gateway');
    expect(server.hits('/flaky/d')).toBe(2);
  });

  it('backs off exponentially between attempts', async () => {
    const started = Date.now();
    await createFetcher({ backoffMs: 100, allowPrivateNetwork: true }).fetch(`${base}/flaky/e?fail=2`);
    // Waits of 100·2^0 and 100·2^1, each jittered down to no less than half.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('honours Retry-After in seconds', async () => {
    const started = Date.now();
    const fetched = await fast().fetch(`${base}/rate-limited/a?after=1`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(text(fetched.bytes)).toContain('Thank you for waiting.');
    expect(server.hits('/rate-limited/a')).toBe(2);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    expect(retryAfterMs('Wed, 01 Apr 2026 08:00:30 GMT', Date.parse('2026-04-01T08:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    const fetched = await fast().fetch(`${base}/rate-limited/b?after=1&date=1`);
    expect(fetched.status).toBe(200);
    expect(server.hits('/rate-limited/b')).toBe(2);
  });

  it('fails at once when Retry-After is longer than it will wait', async () => {
    expect(await failure('/rate-limited/c?after=3600')).toBe('HTTP 429 Too Many Requests: Retry-After 3600 s is over the 30 s limit');
    expect(server.hits('/rate-limited/c')).toBe(1);
  });

  it('retries a reset connection', async () => {
    const fetched = await fast().fetch(`${base}/reset/a?times=1`);
    expect(text(fetched.bytes)).toContain('after 1 resets');
    expect(await failure('/reset/b?times=99')).toBe('gave up after 4 attempts: connection reset');
    expect(server.hits('/reset/b')).toBe(4);
  });

  it('retries a refused connection once', async () => {
    const port = await closedPort();
    await expect(fast().fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow(new SourceError('gave up after 2 attempts: connection refused'));
  });

  it('retries a body cut short', async () => {
    expect(await failure('/truncated')).toBe('gave up after 4 attempts: connection closed before the whole body arrived');
    expect(server.hits('/truncated')).toBe(4);
  });
});

describe('createFetcher: time limits', () => {
  it('times out waiting for headers', async () => {
    expect(await failure('/slow-headers?ms=3000', { timeoutMs: 200 })).toBe('timed out after 200 ms');
  });

  it('times out waiting for the rest of the body', async () => {
    expect(await failure('/slow-body?ms=3000', { timeoutMs: 200 })).toBe('timed out after 200 ms');
  });

  it('stops at the overall deadline, retries included', async () => {
    expect(await failure('/slow-headers?ms=3000', { timeoutMs: 1000, deadlineMs: 250 })).toBe('deadline of 250 ms passed');
    const reason = await failure('/flaky/f?fail=99&code=500', { backoffMs: 200, deadlineMs: 500 });
    // Whether the third attempt's backoff or the deadline ends it first depends on the machine's
    // speed: either way it stops after two or three attempts, saying the last one's status.
    expect(reason).toMatch(/^(?:gave up after [23] attempts: HTTP 500 Internal Server Error|deadline of 500 ms passed after [23] attempts \(last: HTTP 500 Internal Server Error\))$/);
  });

  it('starts the deadline when a URL is first requested, not while it waits for a slot', async () => {
    const fetcher = fast({ concurrency: 1, timeoutMs: 1000, deadlineMs: 300 });
    const [slow, queued] = await Promise.allSettled([fetcher.fetch(`${base}/slow-headers?ms=3000`), fetcher.fetch(`${base}/page/queued`)]);
    expect(slow).toMatchObject({ status: 'rejected', reason: new SourceError('deadline of 300 ms passed') });
    expect(queued).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
  });
});

describe('createFetcher: redirects', () => {
  it('follows a chain of relative redirects up to the limit', async () => {
    const fetched = await fast().fetch(`${base}/chain/10`);
    expect(fetched.url).toBe(`${base}/chain/0`);
    expect(text(fetched.bytes)).toContain('End of the chain');
  });

  it('stops past the limit', async () => {
    expect(await failure('/chain/11')).toBe('too many redirects (10)');
    expect(await failure('/chain/3', { maxRedirects: 2 })).toBe('too many redirects (2)');
  });

  it('names a loop', async () => {
    expect(await failure('/loop/a')).toBe(`redirect loop: ${base}/loop/a -> ${base}/loop/b -> ${base}/loop/a`);
    expect(server.hits('/loop/a')).toBe(1);
  });

  it('follows only http(s) targets', async () => {
    expect(await failure('/redirect?to=file:///etc/passwd')).toBe('redirect to a non-http(s) URL: file:///etc/passwd');
  });
});

describe('createFetcher: credentials', () => {
  it('sends an API token along a redirect on its own origin, never to another origin, and never caches the answer', async () => {
    const other = await startFaultServer();
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-cache-'));
    try {
      const fetcher = fast({ cacheDir: dir });
      const auth = { headers: { authorization: 'Bearer s3cret-token' } };
      await fetcher.fetch(`${base}/redirect?to=${encodeURIComponent(`${base}/echo`)}`, auth);
      expect(server.lastHeaders('/echo')?.authorization).toBe('Bearer s3cret-token');
      await fetcher.fetch(`${base}/redirect?to=${encodeURIComponent(`${other.url}/echo`)}`, auth);
      expect(other.lastHeaders('/echo')).toBeDefined();
      expect(other.lastHeaders('/echo')?.authorization).toBeUndefined();
      expect(readdirSync(dir).filter((f) => f.endsWith('.entry'))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('createFetcher: size and concurrency', () => {
  it('caps a streamed body', async () => {
    expect(await failure('/huge?bytes=5000000', { maxBytes: 1_000_000 })).toBe('too large: over 1000000 bytes');
  });

  it('refuses a declared length over the cap before reading', async () => {
    expect(await failure('/huge?bytes=5000000&declare=1', { maxBytes: 1_000_000 })).toBe('too large: over 1000000 bytes (Content-Length 5000000)');
  });

  it('keeps the default 10 MiB cap', async () => {
    expect(await failure('/huge?bytes=12000000')).toBe('too large: over 10485760 bytes');
  });

  it('shares one concurrency limit across every URL it fetches', async () => {
    const own = await startFaultServer();
    try {
      const fetcher = fast({ concurrency: 3 });
      const urls = Array.from({ length: 12 }, (_, i) => `${own.url}/slow-headers?ms=60&i=${i}`);
      const started = Date.now();
      await Promise.all(urls.map((url) => fetcher.fetch(url)));
      expect(own.peakInFlight()).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 60 - 20);
    } finally {
      await own.close();
    }
  });
});

describe('readSource over http', () => {
  const ref = (route: string, kind: 'web' | 'email' = 'web') => ({ id: base + route, url: base + route, channel: 'site', kind, language: 'pl' });
  const texts = async (route: string) => {
    const result = await readSource(ref(route), { fetcher: fast() });
    if (result instanceof SourceError) throw result;
    return result.parts.map((p) => [p.role, p.text]);
  };

  it('decodes a windows-1250 page from the header charset', async () => {
    expect(await texts('/windows-1250/header')).toEqual([
      ['title', 'Wyprzedaż'],
      ['heading', 'Wyprzedaż'],
      ['body', POLISH_TEXT],
    ]);
  });

  it('decodes an iso-8859-2 page from its <meta charset>', async () => {
    expect(await texts('/iso-8859-2/meta')).toEqual([
      ['title', 'Wyprzedaż'],
      ['heading', 'Wyprzedaż'],
      ['body', POLISH_TEXT],
    ]);
  });

  it('refuses what is not HTML in a web channel', async () => {
    const result = await readSource(ref('/png'), { fetcher: fast() });
    expect(result).toEqual(new SourceError('not HTML (content-type image/png)'));
  });

  it('reads a fetched email channel page by its content type', async () => {
    const result = await readSource(ref('/page?title=Newsletter', 'email'), { fetcher: fast() });
    expect('parts' in result && result.parts.some((p) => p.text.includes('Free shipping on orders over $50.'))).toBe(true);
  });

  it('reports fetch failures as source errors', async () => {
    expect(await readSource(ref('/status/404'), { fetcher: fast() })).toEqual(new SourceError('HTTP 404 Not Found'));
  });

  it('never touches the network offline', async () => {
    const before = server.hits('/page');
    expect(await readSource(ref('/page'), { offline: true })).toEqual(new SourceError('not in the cache (--offline)'));
    expect(server.hits('/page')).toBe(before);
  });
});

describe('a campaign with one dead URL', () => {
  const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

  it('reports on everything else and fails with a source-error naming the URL and the reason', async () => {
    const dead = `${base}/status/404?campaign=1`;
    const live = `${base}/page?title=RunFast%20Spring%20Sale&text=Run%20Fast%20with%20free%20shipping%20on%20orders%20over%20%2450.`;
    const spec = makeSpec({
      channels: [
        { name: 'site', kind: 'web', sources: [{ type: 'url', url: dead }, { type: 'url', url: live }] },
        { name: 'newsletter', kind: 'email', sources: [{ type: 'glob', pattern: path.join(fixtures, 'email/launch.txt').split(path.sep).join('/') }] },
      ],
      messages: [{ id: 'headline', text: 'Spring Sale: 30% off all running shoes', channels: ['newsletter'] }],
      terms: [{ kind: 'use', use: 'RunFast', insteadOf: ['Run Fast'], severity: 'warning' }],
    });
    // The hand-made spec lives nowhere: root lets it read the fixture by its absolute path.
    const report = await checkSpec(spec, { allowPrivateNetwork: true, root: fixtures });
    expect(report.sources.map((s) => [s.id, s.status])).toEqual([
      [dead, 'error'],
      [live, 'ok'],
      [expect.stringMatching(/email\/launch\.txt$/), 'ok'],
    ]);
    const errors = report.findings.filter((f) => f.rule === 'source-error');
    expect(errors).toEqual([expect.objectContaining({ source: dead, found: 'HTTP 404 Not Found', message: `Cannot read ${dead}: HTTP 404 Not Found` })]);
    // The live page and the local file were still checked.
    expect(report.findings.some((f) => f.rule === 'term-variant' && f.source === live)).toBe(true);
    expect(report.coverage.headline?.newsletter?.status).toBe('present');
    expect(report.summary).toMatchObject({ sources: 3, failedSources: 1, passed: false });
  });
});
