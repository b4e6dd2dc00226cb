// The on-disk HTTP cache: one entry per URL so that a re-run revalidates (ETag /
// Last-Modified, answered by a cheap 304) instead of downloading again, and --offline can serve
// what an earlier run fetched. Only response facts are kept, never request headers.
//
// An entry is one file, `<sha256 of the URL>.entry`: a line of JSON metadata, then the body as
// it arrived. One file renamed into place is atomic, so metadata and body always belong together
// and a reader never needs to hash the body to trust it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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

export class HttpCache {
  constructor(readonly dir: string) {}

  /** The URL's SHA-256 names the file, so any URL makes a safe name. */
  fileOf(url: string): string {
    return path.join(this.dir, `${createHash('sha256').update(normalize(url)).digest('hex')}.entry`);
  }

  /** The entry for a URL; a missing, torn or corrupt entry is simply absent. */
  async get(url: string): Promise<CacheEntry | undefined> {
    try {
      const data = await readFile(this.fileOf(url));
      const newline = data.indexOf(0x0a);
      if (newline < 0) return undefined;
      const meta = JSON.parse(data.subarray(0, newline).toString('utf8')) as CacheMeta;
      const bytes = data.subarray(newline + 1);
      if (!isMeta(meta) || meta.url !== normalize(url) || bytes.length !== meta.size) return undefined;
      return { meta, bytes };
    } catch {
      return undefined;
    }
  }

  /** Stores a response, written to a temporary name and renamed so readers never see half an entry. */
  async put(url: string, record: CacheRecord): Promise<CacheMeta> {
    const { bytes, ...rest } = record;
    const meta: CacheMeta = { url: normalize(url), ...rest, storedAt: new Date().toISOString(), size: bytes.length };
    await mkdir(this.dir, { recursive: true });
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
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
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
    (m.lastModified === undefined || typeof m.lastModified === 'string')
  );
}
