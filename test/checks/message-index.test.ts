import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestInGroup, bestScore, clearMatchMemo, matchInPart, prepareWording, WordingIndex, type Above, type MessageMatch, type Wording } from '../../src/checks/match-message.js';
import { matchMessageInDocument } from '../../src/checks/messages.js';
import { candidateGroups, DiceBound, LruMap, sentenceGroups, sharedStems } from '../../src/checks/message-index.js';
import { bigrams, dice, wordBigrams } from '../../src/checks/similarity.js';
import { normalizeDocument, normalizePart, type NormalizedPart } from '../../src/normalize/index.js';
import { doc, makeSpec } from '../helpers.js';

// Words that make windows score anywhere from nothing to 1: the wordings' own words, their
// inflections, stop words, negation cues, diacritics and their absence, sentence ends.
const VOCABULARY = {
  en: ['free', 'shipping', 'ships', 'on', 'all', 'orders', 'order', 'over', '$50', 'not', 'never', 'no', 'is', 'the', 'we', 'sell', 'your', 'data', 'available', 'team', 'every', 'now', 'Nimbus', 'Pro', 'set', 'up', 'in', 'minutes', 'weeks', 'a', 'b'],
  pl: ['darmowa', 'darmową', 'dostawa', 'dostawę', 'dostawe', 'przy', 'zamówieniach', 'zamowieniach', 'powyżej', 'powyzej', '200', 'zł', 'zl', 'nie', 'jest', 'i', 'w', 'dla', 'każdego'],
} as const;
const SEPARATORS = [' ', ' ', ' ', ' ', '. ', '! ', ', ', ' — '];

const text = (language: keyof typeof VOCABULARY, max: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...VOCABULARY[language]), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: max })
    .map((words) => words.map(([w, s]) => w + s).join('').trim());

const part = (copy: string, language: string): NormalizedPart =>
  normalizePart({ role: 'body', text: copy, anchors: [] }, 0, language);

const floors = fc.constantFrom(0, 0.2, 0.4, 0.45, 0.6, 0.75);

/** The plain scorer: every window of every group that passes the stem test, no bound, no memo. */
function plainMatch(np: NormalizedPart, wording: Wording, floor: number) {
  const needed = Math.max(1, Math.ceil(wording.contentStems.size * 0.4));
  let plain: MessageMatch | undefined;
  let opposite: MessageMatch | undefined;
  for (const group of sentenceGroups(np)) {
    if (sharedStems(group, wording.contentStems) < needed) continue;
    const best = bestInGroup(group, wording, floor, false);
    for (const [w, polarity] of [[best.plain, 'plain'], [best.opposite, 'opposite']] as const) {
      if (!w) continue;
      const match: MessageMatch = { score: w.score, negated: w.negated, start: group.tokens[group.from + w.from].start, end: group.tokens[group.from + w.to - 1].end, wording };
      if (w.bareScore !== undefined) match.bareScore = w.bareScore;
      const current = polarity === 'plain' ? plain : opposite;
      if (current && bestScore(match) <= bestScore(current)) continue;
      if (polarity === 'plain') plain = match;
      else opposite = match;
    }
  }
  return { plain, opposite };
}

describe('the window bound', () => {
  it('is never below the Dice score of any window', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ą', ' ', '🌸'), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ą', ' '), maxLength: 20 }), (words, target) => {
        const against = bigrams(target);
        const bound = new DiceBound(words.map((w) => wordBigrams(w)), against);
        for (let i = 0; i <= words.length; i++) {
          for (let j = i; j <= words.length; j++) {
            expect(bound.at(i, j)).toBeGreaterThanOrEqual(dice(bigrams(target), bigrams(words.slice(i, j).join(' '))));
          }
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('over a range of window ends is never below the bound of any window in it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ą', ' ', '🌸'), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ą', ' '), maxLength: 20 }), (words, target) => {
        const bound = new DiceBound(words.map((w) => wordBigrams(w)), bigrams(target));
        for (let i = 0; i <= words.length; i++) {
          for (let a = i; a <= words.length; a++) {
            for (let b = a; b <= words.length; b++) {
              for (let j = a; j <= b; j++) expect(bound.atMost(i, a, b)).toBeGreaterThanOrEqual(bound.at(i, j));
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});

describe('message matching through the index', () => {
  for (const language of ['en', 'pl'] as const) {
    it(`chooses the same best windows, with the same scores, as scoring every window (${language})`, () => {
      fc.assert(
        fc.property(text(language, 40), text(language, 8), floors, (copy, message, floor) => {
          const np = part(copy, language);
          const wording = prepareWording(message, language);
          const expected = plainMatch(np, wording, floor);
          expect(matchInPart(np, wording, floor)).toEqual(expected);
          // Again on the same copy in other parts: once its sentences are seen to recur, from
          // the memo of groups already judged.
          for (let again = 0; again < 3; again++) expect(matchInPart(part(copy, language), wording, floor)).toEqual(expected);
        }),
        { numRuns: 800 },
      );
    }, 120_000);
  }

  it('offers a part exactly the wordings whose stems it holds enough of, however often asked', () => {
    fc.assert(
      fc.property(text('en', 40), fc.array(text('en', 8), { minLength: 1, maxLength: 4 }), (copy, messages) => {
        const wordings = messages.map((m) => prepareWording(m, 'en'));
        const index = new WordingIndex(wordings);
        const np = part(copy, 'en');
        const held = new Set(np.sentences.flatMap((s) => s.tokens.map((t) => t.stem)));
        const expected = new Set(wordings.filter((w) => [...w.contentStems].filter((stem) => held.has(stem)).length >= Math.max(1, Math.ceil(w.contentStems.size * 0.4))));
        expect(index.candidatesIn(np)).toEqual(expected);
        // A new index over another part with the same words finds the same.
        expect(new WordingIndex(wordings).candidatesIn(part(copy, 'en'))).toEqual(expected);
      }),
      { numRuns: 800 },
    );
  });

  it('finds, in ascending order, exactly the groups that hold enough of the stems', () => {
    fc.assert(
      fc.property(text('en', 60), text('en', 8), fc.integer({ min: 1, max: 4 }), (copy, message, needed) => {
        const np = part(copy, 'en');
        const { contentStems } = prepareWording(message, 'en');
        const expected = sentenceGroups(np).flatMap((group, k) => (sharedStems(group, contentStems) >= needed ? [k] : []));
        expect(candidateGroups(np, contentStems, needed)).toEqual(expected);
        // The scratch counts are left at zero: a second call finds the same.
        expect(candidateGroups(np, contentStems, needed)).toEqual(expected);
      }),
      { numRuns: 800 },
    );
  });

  it('finds the groups of stems first asked about after the part was indexed', () => {
    // A part's index holds only the stems asked about so far: one asked about later (a word
    // no test has used yet, so a stem no index holds) must make the index again.
    let fresh = 0;
    fc.assert(
      fc.property(text('en', 30), (copy) => {
        const word = `zqx${fresh++}word`;
        const np = part(`${copy} ${word}. ${copy}`, 'en');
        const first = prepareWording(copy, 'en').contentStems;
        candidateGroups(np, first, 1);
        const later = prepareWording(`${word} ${copy}`, 'en').contentStems;
        const expected = sentenceGroups(np).flatMap((group, k) => (sharedStems(group, later) >= 1 ? [k] : []));
        // Every group holding the new word is one.
        expect(expected.length).toBeGreaterThan(0);
        expect(candidateGroups(np, later, 1)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('scores a group the same whether or not it was pruned, group by group', () => {
    fc.assert(
      fc.property(text('en', 30), text('en', 8), floors, (copy, message, floor) => {
        const wording = prepareWording(message, 'en');
        for (const group of sentenceGroups(part(copy, 'en'))) {
          expect(bestInGroup(group, wording, floor, true)).toEqual(bestInGroup(group, wording, floor, false));
        }
      }),
      { numRuns: 800 },
    );
  }, 120_000);

  it('gives every page the same result whatever order the pages come in (the memo is keyed by content)', () => {
    fc.assert(
      fc.property(fc.array(text('en', 20), { minLength: 2, maxLength: 5 }), text('en', 6), (copies, message) => {
        const wording = prepareWording(message, 'en');
        const judge = (order: string[]) => new Map(order.map((copy) => [copy, matchInPart(part(copy, 'en'), wording, 0.4)]));
        clearMatchMemo();
        const forward = judge(copies);
        clearMatchMemo();
        const backward = judge([...copies].reverse());
        for (const copy of copies) expect(backward.get(copy)).toEqual(forward.get(copy));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('finds a message in a repeated footer on every page, at that page\'s own offsets', () => {
    const wording = prepareWording('Free shipping on all orders over $50', 'en');
    const pages = ['Welcome to the shop.', 'Our new arrivals are here. Browse them now.'].map((intro) => `${intro} Free shipping on orders over $50. Returns are easy.`);
    clearMatchMemo();
    const found = pages.map((copy) => ({ copy, match: matchInPart(part(copy, 'en'), wording, 0.4).plain! }));
    for (const { copy, match } of found) {
      expect(copy.slice(match.start, match.end)).toBe('Free shipping on orders over $50');
      expect(match.score).toBeGreaterThan(0.85);
    }
    expect(found[1].match.start - found[0].match.start).toBe(pages[1].indexOf('Free') - pages[0].indexOf('Free'));
  });

  it('drops windows below the floor: nothing recognisable is no match', () => {
    const np = part('We ship to every country in Europe. Orders arrive fast.', 'en');
    const wording = prepareWording('Free shipping on all orders over $50', 'en');
    expect(matchInPart(np, wording, 0.9)).toEqual({ plain: undefined, opposite: undefined });
  });
});

// Marks drawn from what the windows themselves rank (ties are where strictness shows), from
// round values, and none at all.
const rank = (w: { score: number; bareScore?: number }) => Math.max(w.score, w.bareScore ?? 0);
const markChoices = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
function marksFrom([p, o]: [number, number], ranks: number[]): Above {
  const pick = (k: number) => [-Infinity, ranks[0] ?? 0.5, ranks[1] ?? 0.6, 0.5, 1][k];
  return { plain: pick(p), opposite: pick(o) };
}
/** What a result is once the marks are applied: each kind's best only if it ranks above its mark. */
function aboveMarks<T extends { score: number; bareScore?: number }>(found: { plain?: T; opposite?: T }, above: Above) {
  return {
    plain: found.plain && rank(found.plain) > above.plain ? found.plain : undefined,
    opposite: found.opposite && rank(found.opposite) > above.opposite ? found.opposite : undefined,
  };
}

describe('marks: windows that cannot change what a source shows are not scored', () => {
  it('a group judged with marks gives its unmarked best, less what ranks at or below the marks', () => {
    fc.assert(
      fc.property(text('en', 30), text('en', 8), floors, markChoices, fc.boolean(), (copy, message, floor, choice, prune) => {
        const wording = prepareWording(message, 'en');
        for (const group of sentenceGroups(part(copy, 'en'))) {
          const unmarked = bestInGroup(group, wording, floor, false);
          const above = marksFrom(choice, [unmarked.plain, unmarked.opposite].flatMap((w) => (w ? [rank(w)] : [])));
          const marked = bestInGroup(group, wording, floor, prune, undefined, above);
          expect({ plain: marked.plain, opposite: marked.opposite }).toEqual(aboveMarks(unmarked, above));
        }
      }),
      { numRuns: 800 },
    );
  }, 120_000);

  for (const language of ['en', 'pl'] as const) {
    it(`a part matched with marks, from the memo too, gives the plain scorer's result less what they rule out (${language})`, () => {
      fc.assert(
        fc.property(text(language, 40), text(language, 8), floors, fc.array(markChoices, { minLength: 1, maxLength: 4 }), (copy, message, floor, choices) => {
          const wording = prepareWording(message, language);
          const expected = plainMatch(part(copy, language), wording, floor);
          const ranks = [expected.plain, expected.opposite].flatMap((m) => (m ? [bestScore(m)] : []));
          // The same copy again and again (its groups then come from the memo), each time
          // with other marks, higher or lower than those the memo holds.
          for (const choice of choices) {
            const above = marksFrom(choice, ranks);
            expect(matchInPart(part(copy, language), wording, floor, above)).toEqual(aboveMarks(expected, above));
          }
        }),
        { numRuns: 500 },
      );
    }, 120_000);
  }

  it('leave every source\'s result as scoring every window gives it', () => {
    // Copy with the messages' words, negation, availability and contrast words, so that
    // windows are said, reworded, contradicted and turned round by polarity.
    const words = ['free', 'shipping', 'on', 'all', 'orders', 'over', '$50', 'credit', 'card', 'required', 'not', 'no', 'never', 'is', 'available', 'but', 'however', 'we', 'sell', 'your', 'data', 'every', 'now'];
    const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }).map((w) => `${w.join(' ')}.`);
    const copy = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 5 });
    const message = fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 7 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(copy, fc.array(message, { minLength: 1, maxLength: 3 }), fc.constantFrom(0.5, 0.75, 0.9), (parts, texts, minSimilarity) => {
        const spec = makeSpec({ messages: [{ id: 'm', text: texts[0], aliases: texts.slice(1), minSimilarity }] });
        const nd = normalizeDocument(doc('web', 'page.html', parts), { year: 2026 });
        const [m] = spec.messages;
        clearMatchMemo();
        const marked = matchMessageInDocument(m, spec, nd);
        clearMatchMemo();
        expect(marked).toEqual(matchMessageInDocument(m, spec, nd, true));
        // And with the memo holding judgements made without marks.
        expect(matchMessageInDocument(m, spec, nd)).toEqual(marked);
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});

describe('LruMap', () => {
  it('keeps at most its limit, forgetting the least recently used entry', () => {
    const lru = new LruMap<string, number>(3);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) lru.set(k, v);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('d', 4);
    expect(lru.size).toBe(3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([1, 3, 4]);
  });
});
