// partWith copies a part with some fields changed, field by field (src/documents/types.ts says why).
import { describe, expect, it } from 'vitest';
import { partWith, type Part } from '../../src/documents/types.js';

// Every field set: a field added to Part must be added here (Required), and partWith must keep it.
const full: Required<Part> = {
  role: 'post',
  text: 'Spring sale: 20% off',
  anchors: [{ at: 0, line: 3, column: 5 }],
  href: 'https://shop.example/spring',
  unit: '#1',
  label: 'reply',
  sent: '2026-03-01T10:00:00.000Z',
  muted: [[0, 6]],
  lineBreaks: [12],
};

describe('partWith', () => {
  it('keeps every field the change does not touch, and sets those it does', () => {
    expect(partWith(full, {})).toStrictEqual(full);
    expect(partWith(full, { sent: '2026-04-01T00:00:00.000Z', anchors: [] })).toStrictEqual({ ...full, sent: '2026-04-01T00:00:00.000Z', anchors: [] });
    expect(partWith({ role: 'body', text: 'x', anchors: [] }, { label: 'forward' })).toStrictEqual({ role: 'body', text: 'x', anchors: [], label: 'forward' });
  });

  it('leaves out a field changed to undefined, and never changes the part it copies', () => {
    const copy = partWith(full, { href: undefined });
    expect('href' in copy).toBe(false);
    expect(full.href).toBe('https://shop.example/spring');
  });
});
