// Which texts recur. Copy that recurs across a site's pages (a menu, a footer, a shared block)
// is worth reading once and remembering; copy said once is not, and on a real site most of
// the text is said once. A text is remembered from its second sighting on, so the tables of
// remembered readings hold what recurs instead of being flushed by what does not.

/**
 * Whether a text was seen before, approximately: a table of bits indexed by the text's hash.
 * A collision only makes a text said once look recurring (it is remembered needlessly); a
 * recurring text is never missed. 2^23 bits (1 MB) keep collisions rare up to millions of texts.
 */
export class Sightings {
  private readonly bits = new Uint8Array(1 << 20);

  /** Records a sighting of `text` (with `salt`: its language) and says whether it had one before. */
  seenBefore(text: string, salt = ''): boolean {
    const hash = hashOf(text, hashOf(salt, 0x811c9dc5)) >>> 9;
    const byte = hash >>> 3;
    const bit = 1 << (hash & 7);
    const seen = (this.bits[byte] & bit) !== 0;
    this.bits[byte] |= bit;
    return seen;
  }
}

/** FNV-1a over UTF-16 code units. */
function hashOf(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * What was worked out for texts that recur, per scope (a language, say): a text is kept from
 * its second sighting on, up to `longest` characters, and the table starts again once it holds
 * `capacity` characters. Keys are copies: a slice would keep the whole page it was cut from alive.
 */
export class RecurringTexts<V> {
  private readonly tables = new Map<string, Map<string, V>>();
  private readonly sightings = new Sightings();
  private characters = 0;

  constructor(
    private readonly longest: number,
    private readonly capacity: number,
  ) {}

  /** What was kept for `text` in `scope`, if anything. */
  get(text: string, scope: string): V | undefined {
    return text.length <= this.longest ? this.tables.get(scope)?.get(text) : undefined;
  }

  /** Whether `text` is worth keeping: short enough, and seen before (this sighting counts). */
  recurs(text: string, scope: string): boolean {
    return text.length <= this.longest && this.sightings.seenBefore(text, scope);
  }

  /** Keeps `value` for `text` in `scope` (once `recurs` said it does). */
  keep(text: string, scope: string, value: V): void {
    if (this.characters + text.length > this.capacity) {
      for (const table of this.tables.values()) table.clear();
      this.characters = 0;
    }
    let table = this.tables.get(scope);
    if (!table) this.tables.set(scope, (table = new Map()));
    table.set(copyOf(text), value);
    this.characters += text.length;
  }
}

/** A flat copy of a string, holding nothing else alive. */
export const copyOf = (text: string): string => (' ' + text).slice(1);
