// Where a local source may be read from, and how much of it. A spec and its copy files may come
// from a stranger's pull request: a committed symlink to ../.git/config, an absolute path, a
// FIFO or /dev/zero must not be read, and no outside path or text may reach a report. So every
// file is resolved through its links and read only when it is a regular file inside the
// spec's folder or the repository root, outside any .git folder, and no larger than a cap.
import { constants, realpath as realpathCallback, realpathSync } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from './types.js';

/** Like the fetch cap: a copy file larger than this is not copy. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** The folders (real paths, links resolved) local sources must stay inside. */
export interface Confinement {
  roots: string[];
}

export interface LocalReadOptions {
  /** Absent: any path the caller names (extract, init: the user typed it). */
  confine?: Confinement;
  /** Bytes; default DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
}

/** The nearest folder at or above `from` holding a `.git` entry (a folder, or a worktree's file). */
export async function repositoryRoot(from: string): Promise<string | undefined> {
  let dir = path.resolve(from);
  for (;;) {
    if (await lstat(path.join(dir, '.git')).then(() => true, () => false)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The spec's folder and the repository root (`root` when given, else the nearest with `.git`). */
export async function confinementFor(specDir: string, root?: string): Promise<Confinement> {
  const folders = [specDir, root ?? (await repositoryRoot(specDir))].filter((f): f is string => f !== undefined);
  const roots = await Promise.all(folders.map((f) => realpath(f).catch(() => path.resolve(f))));
  return { roots: [...new Set(roots)] };
}

export type Place = 'inside' | 'outside' | 'git';

/** Where a real (link-free) path lies: inside a root, outside every root, or under a .git folder. */
export function placeOf(real: string, confine: Confinement): Place {
  let inside = false;
  for (const root of confine.roots) {
    const relative = path.relative(root, real);
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) continue;
    if (relative.split(path.sep).includes('.git')) return 'git';
    inside = true;
  }
  return inside ? 'inside' : 'outside';
}

/** The one-line reason a place is refused; it never names where a link points. */
export const REFUSED: Record<Exclude<Place, 'inside'>, string> = {
  outside: 'outside the spec folder and the repository root: not read',
  git: 'inside a .git folder: not read',
};

/** The real path of `file`, or for a path that does not exist, of its nearest existing folder joined with the rest. */
export async function realPathOf(file: string): Promise<string> {
  let at = path.resolve(file);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(at), ...rest);
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.resolve(file);
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/**
 * File-system functions for the glob walker that refuse to follow a link out of the root or
 * into .git, so it never lists an outside folder; each refused link is remembered (by its own
 * path) so the caller can name it.
 */
export function confinedFs(confine: Confinement): { fs: { realpath: typeof realpathCallback; realpathSync: typeof realpathSync }; refused: Map<string, Exclude<Place, 'inside'>> } {
  const refused = new Map<string, Exclude<Place, 'inside'>>();
  const judge = (link: string, real: string): NodeJS.ErrnoException | undefined => {
    const place = placeOf(real, confine);
    if (place === 'inside') return undefined;
    refused.set(path.resolve(link), place);
    return Object.assign(new Error('link leaves the root'), { code: 'EACCES' });
  };
  const confinedRealpath = ((link: string, ...args: unknown[]) => {
    const callback = args[args.length - 1] as (error: NodeJS.ErrnoException | null, real?: string) => void;
    realpathCallback(link, (error, real) => {
      if (error) return callback(error);
      const refusal = judge(link, real);
      return refusal ? callback(refusal) : callback(null, real);
    });
  }) as unknown as typeof realpathCallback;
  const confinedRealpathSync = ((link: string) => {
    const real = realpathSync(link);
    const refusal = judge(link, real);
    if (refusal) throw refusal;
    return real;
  }) as unknown as typeof realpathSync;
  return { fs: { realpath: confinedRealpath, realpathSync: confinedRealpathSync }, refused };
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (Number.isInteger(mb)) return `${mb} MB`;
  const kb = bytes / 1024;
  return Number.isInteger(kb) ? `${kb} KB` : `${bytes} bytes`;
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function failure(error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new SourceError('file not found');
  if (code === 'EACCES' || code === 'EPERM') return new SourceError('permission denied');
  if (code === 'ELOOP') return new SourceError('a loop of links');
  return new SourceError(`cannot read file (${code ?? 'error'})`);
}

/**
 * The bytes of a local source, or a SourceError that quotes nothing of what the path points
 * to. Stat before open (a FIFO would block, a device never ends), open without following links
 * and without blocking, check it is still the same regular file, and never read past the cap.
 */
export async function readLocalFile(file: string, options: LocalReadOptions = {}): Promise<Uint8Array> {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    throw failure(error);
  }
  if (options.confine) {
    const place = placeOf(real, options.confine);
    if (place !== 'inside') throw new SourceError(REFUSED[place]);
  }
  const before = await stat(real).catch((error: unknown) => {
    throw failure(error);
  });
  if (!before.isFile()) throw new SourceError(`${kindOf(before)}, not a file: not read`);
  if (before.size > max) throw new SourceError(tooLarge(max));
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw failure(error);
  }
  try {
    const now = await handle.stat();
    // Swapped between the stat and the open: read nothing rather than something else.
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev) throw new SourceError('changed while being read: not read');
    // A file that grows after the stat still stops at the cap (one byte over tells it grew).
    const buffer = Buffer.allocUnsafe(Math.min(max + 1, Math.max(now.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > max) throw new SourceError(tooLarge(max));
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw failure(error);
  } finally {
    await handle.close();
  }
}

const tooLarge = (max: number) => `larger than ${formatBytes(max)}, the limit for a local source (--max-file-size): not read`;
