// Fetches http(s) sources the way a polite, stubborn crawler would: one concurrency limit for
// the whole run, retries with backoff where a second try can help (5xx, 408, 429, dropped
// connections), redirects followed by hand so loops are named, a size cap, and an on-disk
// cache revalidated with ETag / Last-Modified. Every failure is a SourceError with one line.
import { STATUS_CODES } from 'node:http';
import pLimit from 'p-limit';
import { VERSION } from '../../version.js';
import { HttpCache, type CacheEntry } from './http-cache.js';
import { createHttpAgent, type HttpAgent } from './http-agent.js';
import { bodyFailure, networkFailure, Transient } from './fetch-failures.js';
import { checkUrlHost, type PrivateNetworkAllowance, type Resolver } from './net-policy.js';
import { SourceError, type Fetched, type FetchInit, type Fetcher } from '../types.js';

export interface FetcherOptions {
  /** Per request (headers and body), default 15000. */
  timeoutMs?: number;
  /** Per URL, all attempts and waits included, default 60000. */
  deadlineMs?: number;
  /** Attempts after the first, default 3. */
  retries?: number;
  /** Base of the exponential backoff (with jitter), default 500. */
  backoffMs?: number;
  /** A longer Retry-After fails at once with the reason, default 30000. */
  maxRetryAfterMs?: number;
  maxRedirects?: number;
  /** Decoded body size cap, default 10 MiB. */
  maxBytes?: number;
  /** Requests in flight at once, across every URL of this fetcher, default 8. */
  concurrency?: number;
  userAgent?: string;
  /** Where the HTTP cache lives; no cache without it. */
  cacheDir?: string;
  /** Serve only from the cache: never touch the network. */
  offline?: boolean;
  /** For tests and embedders; default undici's fetch through a proxy-aware, policy-checked agent. */
  fetchImpl?: typeof fetch;
  /**
   * Loopback, private and link-local addresses are refused unless allowed here: true for all,
   * or a list of host names. Checked on every hop, after DNS resolution (see net-policy.ts).
   */
  allowPrivateNetwork?: PrivateNetworkAllowance;
  /** For tests and embedders: how host names are resolved before the policy judges them. */
  resolver?: Resolver;
  /** Where proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) are read from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The run's deadline: once aborted, every request fails with the signal's reason as its message. */
  signal?: AbortSignal;
  /** Signs cache entries (see http-cache.ts); default STOREFRONT_CACHE_KEY, else the user's key file. */
  cacheKey?: string | Uint8Array;
  /** One-line notices about the cache (entries ignored), for stderr. */
  onWarning?: (line: string) => void;
}

export const DEFAULT_USER_AGENT = `storefront/${VERSION} (campaign copy checker)`;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

const DEFAULTS = {
  timeoutMs: 15_000,
  deadlineMs: 60_000,
  retries: 3,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  maxRedirects: 10,
  maxBytes: 10 * 1024 * 1024,
  concurrency: 8,
  userAgent: DEFAULT_USER_AGENT,
};

/** The per-request clock ran out because the whole URL's deadline did. */
class DeadlinePassed extends Error {}

/** When the URL's overall deadline falls: set by its first request. */
interface Clock {
  deadlineAt?: number;
}

type Hop =
  | { kind: 'body'; status: number; bytes: Uint8Array; contentType?: string; etag?: string; lastModified?: string; noStore: boolean }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-modified'; etag?: string; lastModified?: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const o = { ...DEFAULTS, ...withoutUndefined(options) };
  let agent: Promise<HttpAgent> | undefined;
  const fetchImpl: typeof fetch =
    options.fetchImpl ??
    (async (input, init) => {
      agent ??= createHttpAgent({ allowPrivateNetwork: options.allowPrivateNetwork, resolver: options.resolver, env: options.env });
      return (await agent).fetch(input, init);
    });
  const cache = options.cacheDir ? new HttpCache(options.cacheDir, { key: options.cacheKey, env: options.env, onWarning: options.onWarning, maxBytes: o.maxBytes }) : undefined;
  const runSignal = options.signal;
  const runOver = () => new SourceError(runSignal?.reason instanceof Error ? runSignal.reason.message : 'not read: the run was stopped');
  const limit = pLimit(Math.max(1, o.concurrency));
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        runSignal?.removeEventListener('abort', done);
        resolve();
      }
      runSignal?.addEventListener('abort', done, { once: true });
    });

  /** One request: a slot of the shared limit is held from sending to the last body byte. */
  const request = (url: string, headers: Record<string, string>, clock: Clock): Promise<Hop> =>
    limit(async () => {
      if (runSignal?.aborted) throw runOver();
      // Every hop, redirects included: an IP literal is judged before any connection.
      checkUrlHost(new URL(url), options.allowPrivateNetwork);
      // The deadline starts with the URL's first request, not while it queues behind others.
      clock.deadlineAt ??= Date.now() + o.deadlineMs;
      const budget = Math.min(o.timeoutMs, clock.deadlineAt - Date.now());
      if (budget <= 0) throw new DeadlinePassed();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), budget);
      const stop = () => controller.abort();
      runSignal?.addEventListener('abort', stop, { once: true });
      const aborted = () => (runSignal?.aborted ? runOver() : budget < o.timeoutMs ? new DeadlinePassed() : new SourceError(`timed out after ${o.timeoutMs} ms`));
      try {
        let response: Response;
        try {
          response = await fetchImpl(url, { redirect: 'manual', signal: controller.signal, headers });
        } catch (error) {
          throw controller.signal.aborted ? aborted() : networkFailure(error);
        }
        try {
          return await hopOf(response);
        } catch (error) {
          if (error instanceof SourceError || error instanceof Transient) throw error;
          throw controller.signal.aborted ? aborted() : bodyFailure(error, response.headers.get('content-encoding'));
        }
      } finally {
        clearTimeout(timer);
        runSignal?.removeEventListener('abort', stop);
      }
    });

  async function hopOf(response: Response): Promise<Hop> {
    const { status, headers } = response;
    if (REDIRECTS.has(status) && headers.has('location')) {
      await discard(response);
      return { kind: 'redirect', location: headers.get('location')! };
    }
    if (status === 304) {
      await discard(response);
      return { kind: 'not-modified', etag: headers.get('etag') ?? undefined, lastModified: headers.get('last-modified') ?? undefined };
    }
    if (status < 200 || status > 299) {
      await discard(response);
      const reason = `HTTP ${status} ${response.statusText || STATUS_CODES[status] || ''}`.trim();
      if (status === 429 || status === 503 || status === 408 || status >= 500) {
        const after = retryAfterMs(headers.get('retry-after'));
        if (after !== undefined && after > o.maxRetryAfterMs) {
          throw new SourceError(`${reason}: Retry-After ${Math.ceil(after / 1000)} s is over the ${o.maxRetryAfterMs / 1000} s limit`);
        }
        throw new Transient(reason, after);
      }
      throw new SourceError(reason);
    }
    const declared = Number(headers.get('content-length') ?? NaN);
    if (declared > o.maxBytes) {
      await discard(response);
      throw new SourceError(`too large: over ${o.maxBytes} bytes (Content-Length ${declared})`);
    }
    return {
      kind: 'body',
      status,
      bytes: await readCapped(response, o.maxBytes),
      contentType: headers.get('content-type') ?? undefined,
      etag: headers.get('etag') ?? undefined,
      lastModified: headers.get('last-modified') ?? undefined,
      noStore: /\bno-store\b/i.test(headers.get('cache-control') ?? ''),
    };
  }

  /** One attempt: follow redirects from `url` to a body (or a 304 for the cached one). */
  async function attempt(url: string, init: FetchInit, cached: CacheEntry | undefined, clock: Clock): Promise<Fetched> {
    const base: Record<string, string> = { 'user-agent': o.userAgent, accept: init.accept ?? DEFAULT_ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...init.headers };
    const chain = [url];
    for (;;) {
      const current = chain[chain.length - 1];
      // Validators belong to the resource they came from: only where the last run's redirects ended.
      const conditional = cached && cached.meta.finalUrl === current ? validatorHeaders(cached) : {};
      // Credentials are for the origin they were given for: a redirect elsewhere goes without them.
      const sameOrigin = new URL(current).origin === new URL(url).origin;
      const headers = sameOrigin ? base : withoutCredentials(base);
      const hop = await request(current, { ...headers, ...conditional }, clock);
      if (hop.kind === 'redirect') {
        const next = resolveRedirect(current, hop.location);
        const seen = chain.indexOf(next);
        if (seen >= 0) throw new SourceError(`redirect loop: ${[...chain.slice(seen), next].join(' -> ')}`);
        if (chain.length > o.maxRedirects) throw new SourceError(`too many redirects (${o.maxRedirects})`);
        chain.push(next);
        continue;
      }
      if (hop.kind === 'not-modified') {
        if (!cached) throw new SourceError('HTTP 304 Not Modified for a request that had no cached copy');
        if (cache) await cache.revalidated(cached, hop).catch(() => undefined);
        return fromEntry(cached);
      }
      // An authenticated answer may be meant for this token alone: never kept on disk.
      if (cache && !hop.noStore && !hasCredentials(base)) {
        const record = { finalUrl: current, status: hop.status, contentType: hop.contentType, etag: hop.etag, lastModified: hop.lastModified, bytes: hop.bytes };
        // A cache that cannot be written costs the next run a download, never this run its source.
        await cache.put(url, record).catch(() => undefined);
      }
      return { bytes: hop.bytes, contentType: hop.contentType, url: current, status: hop.status, fromCache: false };
    }
  }

  async function fetchUrl(url: string, init: FetchInit = {}): Promise<Fetched> {
    const target = checkedUrl(url);
    const cached = cache ? await cache.get(target) : undefined;
    if (options.offline) {
      if (cached) return fromEntry(cached);
      throw new SourceError('not in the cache (--offline)');
    }
    const clock: Clock = {};
    let last: string | undefined;
    for (let n = 1; ; n++) {
      try {
        return await attempt(target, init, cached, clock);
      } catch (error) {
        if (error instanceof DeadlinePassed) {
          throw new SourceError(`deadline of ${o.deadlineMs} ms passed${last ? ` after ${n - 1} attempts (last: ${last})` : ''}`);
        }
        if (!(error instanceof Transient)) throw error;
        last = error.message;
        const gaveUp = new SourceError(`gave up after ${n} attempt${n === 1 ? '' : 's'}: ${error.message}`);
        if (n > o.retries || n >= (error.attempts ?? Infinity)) throw gaveUp;
        const wait = error.afterMs ?? o.backoffMs * 2 ** (n - 1) * (0.5 + Math.random() / 2);
        if (Date.now() + wait >= (clock.deadlineAt ?? Infinity)) throw gaveUp;
        await sleep(wait);
        if (runSignal?.aborted) throw runOver();
      }
    }
  }

  return { fetch: fetchUrl };
}

function fromEntry(entry: CacheEntry): Fetched {
  return { bytes: entry.bytes, contentType: entry.meta.contentType, url: entry.meta.finalUrl, status: entry.meta.status, fromCache: true };
}

function validatorHeaders(entry: CacheEntry): Record<string, string> {
  const headers: Record<string, string> = {};
  if (entry.meta.etag) headers['if-none-match'] = entry.meta.etag;
  if (entry.meta.lastModified) headers['if-modified-since'] = entry.meta.lastModified;
  return headers;
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SourceError(`invalid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SourceError(`not an http(s) URL: ${url}`);
  return parsed.href;
}

function resolveRedirect(from: string, location: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new SourceError(`redirect to an invalid URL: ${location}`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new SourceError(`redirect to a non-http(s) URL: ${next.href}`);
  next.hash = '';
  return next.href;
}

/** Retry-After in seconds or as an HTTP-date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new SourceError(`too large: over ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const hasCredentials = (headers: Record<string, string>) => Object.keys(headers).some((k) => CREDENTIALS.has(k.toLowerCase()));
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIALS.has(k.toLowerCase())));
}
