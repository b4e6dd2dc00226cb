// TextBuilder.addText appends words between single spaces in one go (the common case); it must
// build what appending them one word and gap at a time builds: the same text, anchors, struck-
// through ranges and line breaks, and leave the builder in the same state for what comes next.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextBuilder } from '../../../src/sources/html/html-text.js';

const position = (offset: number) => ({ line: 1 + Math.floor(offset / 50), column: 1 + (offset % 50) });

const word = fc.constantFrom('Sale', 'ab', 'x1', '30%', 'é', 'שקל', 'a\u200db', '\u200c', '\u200d\u200c', '(', '.', '»');
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u00ad', '\u200b', '\u2060', '\u034f');
// Mostly words between single spaces, sometimes with any gap and leading or trailing ones.
const plain = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const mixed = fc.array(fc.oneof(word, gap), { maxLength: 10 }).map((pieces) => pieces.join(''));
const text = fc.record({ data: fc.oneof(plain, plain, mixed), src: fc.oneof(fc.constant(-1), fc.nat(400)), inStep: fc.boolean(), muted: fc.boolean() });
const step = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text }),
  fc.constantFrom({ kind: 'break' as const }, { kind: 'soft' as const }, { kind: 'line' as const }),
);

function build(steps: ReadonlyArray<{ kind: 'text' | 'break' | 'soft' | 'line'; text?: { data: string; src: number; inStep: boolean; muted: boolean } }>, wordByWord: boolean) {
  const builder = new TextBuilder(position);
  const added: boolean[] = [];
  for (const s of steps) {
    if (s.kind === 'break') builder.addBreak();
    else if (s.kind === 'soft') builder.addSoftBreak();
    else if (s.kind === 'line') builder.addLineBreak();
    else {
      const { data, src, inStep, muted } = s.text!;
      added.push(wordByWord ? builder.addTextWordByWord(data, src, inStep, muted) : builder.addText(data, src, inStep, muted));
    }
  }
  return { added, text: builder.text, anchors: builder.anchors, muted: builder.muted, lineBreaks: builder.lineBreaks, start: builder.start };
}

describe('TextBuilder.addText', () => {
  it('builds what adding the same text one word and gap at a time builds', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        expect(build(steps, false)).toEqual(build(steps, true));
      }),
      { numRuns: 5000, seed: 9 },
    );
  });

  it('keeps an in-step run of words anchored once, and a jump anchored again', () => {
    const builder = new TextBuilder(position);
    builder.addText('Free shipping today', 10, true);
    builder.addText('on all orders', 30, true);
    expect(builder.text).toBe('Free shipping todayon all orders');
    expect(builder.anchors).toEqual([
      { at: 0, ...position(10) },
      { at: 19, ...position(30) },
    ]);
  });
});
