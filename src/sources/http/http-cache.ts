// The on-disk HTTP cache: one entry per URL so that a re-run revalidates (ETag /
// Last-Modified, answered by a cheap 304) instead of downloading again, and --offline can serve
// what an earlier run fetched. Only response facts are kept, never request headers.
//
// An entry is one file, `<sha256 of the URL>.entry`: a line of JSON metadata, then the body as
// it arrived. One file renamed into place is atomic, so metadata and body always belong together.
//
// A cache folder may sit where a pull request can write (a committed `cache/`), and a forged
// entry carrying the live page's ETag would make every revalidation answer 304 and the check
// judge the forged text. So each entry carries an HMAC-SHA256 over its metadata and body, keyed
// by a secret kept outside the checkout (cache-key.ts); an entry that does not verify, or a file
// not owned by this user, writable by others, a link or larger than any answer could be, is
// ignored (fetched again, and overwritten) and said once on the warning channel.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CacheKeyError, loadCacheKey, safeOwnership } from './cache-key.js';

export interface CacheMeta {
  /** The URL as requested (the key). */
  url: string;
  /** Where redirects ended. */
  finalUrl: string;
  status: number;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** ISO timestamp of the last store (or revalidation that changed the validators). */
  storedAt: string;
  /** Body length: a shorter file is a torn write and is not served. */
  size: number;
  /** HMAC-SHA256 (hex) of the fields above and the body, with this user's cache key. */
  mac?: string;
}

export interface HttpCacheOptions {
  /** The signing key; default STOREFRONT_CACHE_KEY, else the user's key file. */
  key?: string | Uint8Array;
  /** Where STOREFRONT_CACHE_KEY and XDG_CACHE_HOME are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Bodies larger than this are not served from disk (the fetcher's size cap); default 10 MiB. */
  maxBytes?: number;
  /** Each kind of ignored entry is said once per cache. */
  onWarning?: (line: string) => void;
}

export interface CacheEntry {
  meta: CacheMeta;
  bytes: Uint8Array;
}

export type CacheRecord = Pick<CacheMeta, 'finalUrl' | 'status' | 'contentType' | 'etag' | 'lastModified'> & { bytes: Uint8Array };

/** The key ignores the fragment, which never reaches the server. */
function normalize(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

// Metadata is a few hundred bytes; this leaves room for long URLs and validators.
const MAX_META_BYTES = 64 * 1024;

export class HttpCache {
  private key: Promise<Buffer | undefined> | undefined;
  private readonly warned = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly options: HttpCacheOptions = {},
  ) {}

  private warn(kind: string, line: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.options.onWarning?.(line);
  }

  /** The key, loaded once; without one the cache is off for the run (said once). */
  private signingKey(): Promise<Buffer | undefined> {
    this.key ??= loadCacheKey(this.options.key, this.options.env).catch((error: unknown) => {
      this.warn('key', `cache not used: ${error instanceof CacheKeyError ? error.message : String(error)}`);
      return undefined;
    });
    return this.key;
  }

  private async mac(meta: Omit<CacheMeta, 'mac'>, bytes: Uint8Array): Promise<string | undefined> {
    const key = await this.signingKey();
    if (!key) return undefined;
    const fields = [meta.url, meta.finalUrl, meta.status, meta.contentType ?? null, meta.etag ?? null, meta.lastModified ?? null, meta.storedAt, meta.size];
    return createHmac('sha256', key).update(`${JSON.stringify(fields)}\n`).update(bytes).digest('hex');
  }

  /** The URL's SHA-256 names the file, so any URL makes a safe name. */
  fileOf(url: string): string {
    return path.join(this.dir, `${createHash('sha256').update(normalize(url)).digest('hex')}.entry`);
  }

  /** The entry for a URL; a missing, torn, corrupt or unsigned entry is simply absent. */
  async get(url: string): Promise<CacheEntry | undefined> {
    const key = await this.signingKey();
    if (!key) return undefined;
    const file = this.fileOf(url);
    const data = await this.readEntryFile(file);
    if (!data) return undefined;
    try {
      const newline = data.indexOf(0x0a);
      if (newline < 0) return undefined;
      const meta = JSON.parse(data.subarray(0, newline).toString('utf8')) as CacheMeta;
      const bytes = data.subarray(newline + 1);
      if (!isMeta(meta) || meta.url !== normalize(url) || bytes.length !== meta.size) return undefined;
      const expected = await this.mac(meta, bytes);
      if (!expected || !meta.mac || !sameHex(meta.mac, expected)) {
        this.warn('mac', `cache: ignored entries in ${this.dir} not signed with this user's cache key (e.g. ${path.basename(file)}); they are fetched again`);
        return undefined;
      }
      return { meta, bytes };
    } catch {
      return undefined;
    }
  }

  /** The file's bytes if it is a plain file of this user's, no one else may write, of a size an answer can have. */
  private async readEntryFile(file: string): Promise<Buffer | undefined> {
    let handle;
    try {
      // O_NOFOLLOW: a link planted as an entry (to /dev/zero, to a secret) is never opened.
      handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') this.warn('file', `cache: ignored ${path.basename(file)} in ${this.dir}: a symbolic link`);
      return undefined;
    }
    try {
      const stats = await handle.stat();
      const reason = !stats.isFile()
        ? 'not a regular file'
        : !safeOwnership(stats)
          ? 'not owned by this user, or writable by others'
          : stats.size > (this.options.maxBytes ?? 10 * 1024 * 1024) + MAX_META_BYTES
            ? 'larger than any answer the fetcher keeps'
            : undefined;
      if (reason) {
        this.warn('file', `cache: ignored ${path.basename(file)} in ${this.dir}: ${reason}`);
        return undefined;
      }
      return await handle.readFile();
    } catch {
      return undefined;
    } finally {
      await handle.close();
    }
  }

  /** Stores a response, written to a temporary name and renamed so readers never see half an entry. */
  async put(url: string, record: CacheRecord): Promise<CacheMeta> {
    const { bytes, ...rest } = record;
    const { mac: _old, ...fields } = rest as typeof rest & { mac?: string };
    const unsigned = { url: normalize(url), ...fields, storedAt: new Date().toISOString(), size: bytes.length };
    const mac = await this.mac(unsigned, bytes);
    // Without a key nothing is kept: an unsigned entry would never be served anyway.
    if (!mac) return unsigned;
    const meta: CacheMeta = { ...unsigned, mac };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeAtomically(this.fileOf(url), Buffer.concat([Buffer.from(JSON.stringify(meta) + '\n'), bytes]));
    return meta;
  }

  /** Records new validators from a 304; unchanged ones cost no write. */
  async revalidated(entry: CacheEntry, validators: Pick<CacheMeta, 'etag' | 'lastModified'>): Promise<void> {
    const etag = validators.etag ?? entry.meta.etag;
    const lastModified = validators.lastModified ?? entry.meta.lastModified;
    if (etag === entry.meta.etag && lastModified === entry.meta.lastModified) return;
    await this.put(entry.meta.url, { ...entry.meta, etag, lastModified, bytes: entry.bytes });
  }
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // Private to this user: entries others could write would be refused when read.
    await writeFile(temp, data, { flag: 'wx', mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function isMeta(value: unknown): value is CacheMeta {
  const m = value as Partial<CacheMeta> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.url === 'string' &&
    typeof m.finalUrl === 'string' &&
    typeof m.status === 'number' &&
    typeof m.size === 'number' &&
    (m.contentType === undefined || typeof m.contentType === 'string') &&
    (m.etag === undefined || typeof m.etag === 'string') &&
    (m.lastModified === undefined || typeof m.lastModified === 'string') &&
    (m.mac === undefined || typeof m.mac === 'string')
  );
}
