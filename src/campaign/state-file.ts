// The state file: what `check --format state` writes (one shard's share, or the whole run)
// and `merge` reads back. It carries the spec it was checked against, so a merge job needs
// nothing but the files, and refuses to mix states of different specs, versions or runs.
import type { Spec } from '../spec/types.js';
import { VERSION } from '../version.js';
import type { Shard } from './shard.js';
import { emptyState, mergeStates, type CampaignState } from './state.js';

export const STATE_KIND = 'storefront-state';

export interface StateFile {
  kind: typeof STATE_KIND;
  version: 1;
  /** The storefront version that wrote it: states of different versions are never merged. */
  tool: string;
  /** The spec's fingerprint (its content and the tool version). */
  fingerprint: string;
  /** The spec as the report names it; `spec.file` is this name too, never a machine path. */
  specName: string;
  spec: Spec;
  /** Selected channels in spec order. */
  channels: string[];
  /** Sources in the whole campaign, every shard included. */
  sources: number;
  shard: Shard;
  state: CampaignState;
}

/** A state file that cannot be merged: its one-line reason (exit code 2). */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

export function toStateFile(input: Omit<StateFile, 'kind' | 'version' | 'tool'>): StateFile {
  const state = { ...input.state, sources: [...input.state.sources].sort((a, b) => a.order - b.order) };
  return { kind: STATE_KIND, version: 1, tool: VERSION, ...input, spec: { ...input.spec, file: input.specName }, state };
}

export function formatStateFile(file: StateFile): string {
  return `${JSON.stringify(file)}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseStateFile(text: string, name: string): StateFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${name}: not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isObject(data) || data.kind !== STATE_KIND) throw new StateFileError(`${name}: not a storefront state file (write one with check --format state)`);
  if (data.version !== 1) throw new StateFileError(`${name}: state file version ${String(data.version)}, expected 1`);
  const state = data.state;
  const shard = data.shard;
  const valid =
    typeof data.tool === 'string' &&
    typeof data.fingerprint === 'string' &&
    typeof data.specName === 'string' &&
    isObject(data.spec) &&
    Array.isArray(data.channels) &&
    Number.isInteger(data.sources) &&
    isObject(shard) &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.count) &&
    isObject(state) &&
    Array.isArray(state.sources) &&
    ['messages', 'factsStated', 'factSightings', 'termsSeen', 'statements'].every((key) => isObject(state[key]));
  if (!valid) throw new StateFileError(`${name}: a damaged state file (expected the fields check --format state writes)`);
  return data as unknown as StateFile;
}

export interface MergedStates {
  spec: Spec;
  specName: string;
  channels: string[];
  state: CampaignState;
}

/** Folds the state files of one run's shards, after checking they are that: every shard once, of one spec. */
export function mergeStateFiles(files: ReadonlyArray<{ name: string; file: StateFile }>): MergedStates {
  if (!files.length) throw new StateFileError('no state files to merge');
  const [first, ...rest] = files;
  const same = (what: string, get: (f: StateFile) => unknown) => {
    for (const other of rest) {
      if (JSON.stringify(get(other.file)) !== JSON.stringify(get(first.file))) {
        throw new StateFileError(`${first.name} and ${other.name} ${what}: merge the shards of one run`);
      }
    }
  };
  same('were written by different storefront versions', (f) => f.tool);
  same('were checked against different specs', (f) => f.fingerprint);
  same('checked different channels', (f) => f.channels);
  same('list different sources', (f) => f.sources);
  same('split the sources differently', (f) => f.shard.count);
  if (first.file.tool !== VERSION) throw new StateFileError(`${first.name} was written by storefront ${first.file.tool}; this is ${VERSION}: merge with the version that checked`);
  const count = first.file.shard.count;
  const byIndex = new Map<number, string>();
  for (const { name, file } of files) {
    const earlier = byIndex.get(file.shard.index);
    if (earlier !== undefined) throw new StateFileError(`${earlier} and ${name} are both shard ${file.shard.index}/${count}`);
    byIndex.set(file.shard.index, name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new StateFileError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge every shard's state`);

  const state = emptyState();
  const seen = new Set<number>();
  for (const { name, file } of files) {
    for (const source of file.state.sources) {
      if (!Number.isInteger(source.order) || source.order < 0 || source.order >= first.file.sources || seen.has(source.order)) {
        throw new StateFileError(`${name}: source ${JSON.stringify(source.source?.id)} is out of place (a damaged or mixed state file)`);
      }
      seen.add(source.order);
    }
    mergeStates(state, file.state);
  }
  if (seen.size !== first.file.sources) throw new StateFileError(`the states hold ${seen.size} of the campaign's ${first.file.sources} sources: merge every shard's state`);
  return { spec: first.file.spec, specName: first.file.specName, channels: first.file.channels, state };
}
