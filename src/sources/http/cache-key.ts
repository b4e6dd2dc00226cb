// The secret that signs HTTP cache entries, kept where a repository cannot reach it: the
// STOREFRONT_CACHE_KEY variable, else a random key in the user's cache home
// ($XDG_CACHE_HOME/storefront/key, or ~/.cache/storefront/key), created readable by its owner
// only. A cache folder committed in a pull request holds entries signed with nobody's key, so
// they never verify and are fetched again (see http-cache.ts).
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** The key file's place: XDG_CACHE_HOME when absolute (the XDG rule), else ~/.cache. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const home = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache');
  return path.join(home, 'storefront', 'key');
}

/** A problem with the key: the cache is not used this run, and the reason is said once. */
export class CacheKeyError extends Error {}

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** Owned by this user and not writable by anyone else (POSIX; elsewhere nothing to check). */
export function safeOwnership(stats: { uid: number; mode: number }, otherBits = 0o022): boolean {
  return uid === undefined || (stats.uid === uid && (stats.mode & otherBits) === 0);
}

export async function loadCacheKey(explicit: string | Uint8Array | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  if (explicit !== undefined && explicit.length > 0) return Buffer.from(explicit);
  if (env.STOREFRONT_CACHE_KEY) return Buffer.from(env.STOREFRONT_CACHE_KEY);
  const file = cacheKeyFile(env);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another run made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CacheKeyError(`cannot create the cache key ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const made = await readKeyFile(file);
  if (!made) throw new CacheKeyError(`cannot read the cache key ${file}`);
  return made;
}

/** The key file's bytes; undefined when it does not exist. A key others could read or replace is refused. */
async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CacheKeyError(`cannot read the cache key ${file} (${code === 'ELOOP' ? 'a symbolic link' : (code ?? 'error')})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size === 0 || stats.size > 4096) throw new CacheKeyError(`the cache key ${file} is not a small regular file`);
    if (!safeOwnership(stats, 0o077)) throw new CacheKeyError(`the cache key ${file} is not private to this user (expected mode 0600, owned by you)`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
