// matchWith and placedMatch copy a match field by field (match-message.ts says why): no field
// may be lost on the way.
import { describe, expect, it } from 'vitest';
import { matchWith, placedMatch, prepareWording, type MessageMatch } from '../../src/checks/match-message.js';

// Every field set: a field added to MessageMatch must be added here (Required), and the copies must keep it.
const match: Required<MessageMatch> = { score: 0.82, bareScore: 0.9, negated: false, start: 4, end: 30, wording: prepareWording('Free shipping over $50', 'en') };

describe('copies of a match', () => {
  it('keeps every field, with the polarity asked for', () => {
    expect(matchWith(match)).toStrictEqual(match);
    expect(matchWith(match, true)).toStrictEqual({ ...match, negated: true });
  });

  it('places the match in its part without changing the match it copies', () => {
    expect(placedMatch(match, 3)).toStrictEqual({ ...match, partIndex: 3 });
    expect('partIndex' in match).toBe(false);
  });
});
