// Month names as one pattern (src/normalize/values/months.ts): a tree of shared beginnings
// must match and capture exactly what the plain list of names, longest first, does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ignoringCase } from '../../src/normalize/values/ignore-case.js';
import { MONTH_NAME_LIST, MONTH_NAMES, namesTree } from '../../src/normalize/values/months.js';

// The context the date patterns put around the names (src/normalize/values/date.ts).
const inContext = (names: string) => new RegExp(ignoringCase(String.raw`(?<![\p{L}])(?:[בל])?(${names})\.?(?![\p{L}])`), 'gu');
// And alone, where only the order of trying decides how much a match takes ("sept" or "sep").
const alone = (names: string) => new RegExp(ignoringCase(`(${names})`), 'gu');
const listOf = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length).join('|');
const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => [m.index, m[0], m[1]]);

describe('month names as a tree', () => {
  it('factors shared beginnings and tries the longer name first', () => {
    expect(namesTree(['sep', 'sept', 'september'])).toBe('sep(?:t(?:ember)?)?');
    expect(namesTree(['mar', 'march', 'marca', 'may'])).toBe('ma(?:r(?:c(?:h|a))?|y)');
    expect(namesTree(['ju', 'jun', 'jul'])).toBe('ju(?:n|l)?');
    expect(namesTree(['a.b', 'a-b'])).toBe('a(?:\\.b|\\-b)');
  });

  it('holds every month name and nothing else', () => {
    const whole = new RegExp(`^(?:${MONTH_NAMES})$`, 'u');
    expect(MONTH_NAME_LIST.length).toBeGreaterThan(100);
    for (const name of MONTH_NAME_LIST) expect(whole.test(name), name).toBe(true);
    for (const word of ['ma', 'septe', 'juniper', 'listopa', 'nov\'', 'dece']) expect(whole.test(word), word).toBe(false);
  });

  it('matches and captures what the list of names, longest first, does', () => {
    const tree = inContext(MONTH_NAMES);
    const list = inContext(listOf(MONTH_NAME_LIST));
    const [treeAlone, listAlone] = [alone(MONTH_NAMES), alone(listOf(MONTH_NAME_LIST))];
    const fragments = MONTH_NAME_LIST.flatMap((name) => [name, name.toUpperCase(), name.slice(0, 3), name.slice(3)]);
    const piece = fc.constantFrom(...fragments, ' ', '.', ',', '-', '/', '1', '30', 'ב', 'ל', 'x', 'ſ', 'K', "'", '׳');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        expect(matches(tree, text)).toEqual(matches(list, text));
        expect(matches(treeAlone, text)).toEqual(matches(listAlone, text));
      }),
      { numRuns: 5000 },
    );
  });
});
