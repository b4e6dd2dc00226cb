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
