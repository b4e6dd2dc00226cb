// `check --shard i/n`: a stable share of the sources, so n CI jobs split a campaign between
// them and `merge` puts it back together. A source's shard follows from its channel and id
// alone (a hash), so it stays put when other sources come and go.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/4" -> { index: 2, count: 4 }, or undefined when it is not "i/n" with 1 <= i <= n. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** FNV-1a, 32 bits: the same number on every machine and Node version. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function shardOf(source: { channel: string; id: string }, count: number): number {
  return (fnv1a(`${source.channel}\0${source.id}`) % count) + 1;
}

export function inShard(source: { channel: string; id: string }, shard: Shard): boolean {
  return shard.count === 1 || shardOf(source, shard.count) === shard.index;
}
