// Incremental re-runs (`--cache-dir`): a source whose bytes, spec and tool version are all
// unchanged gives the same SourceState, so the stored one is reused instead of parsing,
// normalizing and checking it again. Like ESLint's --cache with its content strategy: the
// bytes are read and hashed, never trusted by date. One file per state, renamed into place,
// so a torn write is never read; anything unreadable is a miss.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Spec } from '../spec/types.js';
import type { LoadedSource } from '../sources/read.js';
import type { SourceRef } from '../sources/resolve.js';
import { VERSION } from '../version.js';
import type { SourceState } from './state.js';

/** What the spec and tool say about every source's state: any change there invalidates them all. */
export function specFingerprint(spec: Spec): string {
  // Not the spec's own path: moving the project keeps its cache.
  const { file: _file, ...content } = spec;
  return createHash('sha256').update(`storefront ${VERSION}\n`).update(JSON.stringify(content)).digest('hex');
}

export class StateCache {
  constructor(
    /** The run's --cache-dir: states live in its states/ folder, beside the HTTP cache. */
    cacheDir: string,
    private readonly fingerprint: string,
  ) {
    this.dir = path.join(cacheDir, 'states');
  }
  private readonly dir: string;

  /** The key of a source's state: the spec, how the spec reads this source, and its bytes. */
  key(ref: SourceRef, loaded: LoadedSource): string {
    const { file: _file, feed: _feed, ...reading } = ref;
    const hash = createHash('sha256').update(this.fingerprint).update('\0');
    hash.update(JSON.stringify([reading, loaded.input.name, loaded.input.contentType ?? null, loaded.fetched])).update('\0');
    return hash.update(loaded.input.bytes).digest('hex');
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<SourceState | undefined> {
    try {
      const state = JSON.parse(await readFile(this.file(key), 'utf8')) as SourceState;
      return state && typeof state === 'object' && state.source && Array.isArray(state.findings) ? state : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort: a cache that cannot be written only makes the next run slower. */
  async put(key: string, state: SourceState): Promise<void> {
    const file = this.file(key);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, JSON.stringify(state));
      await rename(temp, file);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
