import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { bigrams, compareTwoStrings, dice, GrowingDice, sharedWithin, startWordGeneration, wordBigrams } from '../../src/checks/similarity.js';

/** What a word shares with a target, Σ min(count in word, count in target) over the word's bigrams, counted plainly. */
function plainShared(target: string, word: string): number {
  const t = bigrams(target).counts;
  let shared = 0;
  for (const [pair, count] of bigrams(word).counts) shared += Math.min(count, t.get(pair) ?? 0);
  return shared;
}

describe('Dice similarity', () => {
  it('gives the reference score for marketing phrases', () => {
    const pairs: Array<[string, string]> = [
      ['Spring Sale: 30% off all running shoes', '30% off every running shoe this spring'],
      ['free shipping on orders over 50', 'shipping is not free'],
      ['Free shipping', 'free shipping'],
      ['a', 'a'],
      ['', ''],
      ['ab', 'x'],
      ['aaaa', 'aa'],
      ['Darmowa dostawa', 'Darmową dostawę'],
      ['משלוח חינם', 'משלוח חינם בהזמנה'],
    ];
    for (const [a, b] of pairs) expect(compareTwoStrings(a, b)).toBe(stringSimilarity.compareTwoStrings(a, b));
  });

  it('is score-identical to string-similarity on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        expect(compareTwoStrings(a, b)).toBe(stringSimilarity.compareTwoStrings(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('is score-identical on strings over a small alphabet, where bigrams repeat', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c'), maxLength: 30 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(dice(bigrams(a), bigrams(b))).toBe(stringSimilarity.compareTwoStrings(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('scores a window grown a word at a time exactly as scoring the whole window again', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ą', ' ', '🌸'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ą', ' ', '🌸'), maxLength: 30 }), (words, target) => {
        const growing = new GrowingDice(bigrams(target));
        expect(growing.score).toBe(dice(bigrams(target), bigrams('')));
        words.forEach((w, k) => {
          growing.append(w);
          expect(growing.score).toBe(dice(bigrams(target), bigrams(words.slice(0, k + 1).join(' '))));
        });
        // Reset and grown again (as each window start does): nothing of the first run remains.
        growing.reset();
        const again = [...words].reverse();
        again.forEach((w, k) => {
          growing.append(w);
          expect(growing.score).toBe(dice(bigrams(target), bigrams(again.slice(0, k + 1).join(' '))));
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('counts what a word shares with a target the same when asked again (remembered) as the first time', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'n', 'ą'), maxLength: 12 }), fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'n', 'ą'), minLength: 1, maxLength: 8 }), { maxLength: 12 }), (target, words) => {
        const against = bigrams(target);
        for (const word of [...words, ...words]) expect(sharedWithin(against, wordBigrams(word))).toBe(plainShared(target, word));
      }),
      { numRuns: 1000 },
    );
  });

  it('remembers thousands of words for one target as it would a few (its table grows)', () => {
    const target = 'free shipping on all orders over fifty dollars';
    const against = bigrams(target);
    const letters = 'abdefghilnoprstuv';
    const words = Array.from({ length: 3000 }, (_, i) => {
      let word = '';
      for (let n = i + 7; n > 0; n = Math.floor(n / letters.length)) word += letters[n % letters.length];
      return word;
    });
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(sharedWithin(against, wordBigrams(word))).toBe(plainShared(target, word));
    // Asked again, every answer comes from the table.
    for (const word of words.reverse()) expect(sharedWithin(against, wordBigrams(word))).toBe(plainShared(target, word));
  });

  it('answers for words coded before a new generation of words started, and for words too long for the table', () => {
    const target = 'darmowa dostawa od 200 zł';
    const against = bigrams(target);
    const words = ['darmowa', 'dostawa', 'zł', 'wa', 'od'];
    // Each generation numbers its words from the first place of the table: the new one's
    // first words take the places the old one's had, in the opposite order.
    startWordGeneration();
    const before = words.map((w) => wordBigrams(w));
    for (const coded of before) sharedWithin(against, coded);
    startWordGeneration();
    // The same words coded again get new numbers; the old codes (a part still being checked
    // holds them) are counted, not taken from a table that now belongs to other words.
    const after = ['od', 'wa', 'zł', 'dostawa', 'darmowa', 'ostatnia'].map((w) => wordBigrams(w));
    expect(after[0].number).toBeGreaterThan(Math.max(...before.map((c) => c.number)));
    for (const coded of [...after, ...after]) sharedWithin(against, coded);
    words.forEach((word, k) => expect(sharedWithin(against, before[k])).toBe(plainShared(target, word)));
    after.forEach((coded) => expect(sharedWithin(against, coded)).toBe(plainShared(target, coded.text)));
    // More shared bigrams than a table entry holds (255 and up): counted each time.
    const long = 'a'.repeat(400);
    for (let k = 0; k < 2; k++) expect(sharedWithin(bigrams(long), wordBigrams(long))).toBe(399);
  });
});
