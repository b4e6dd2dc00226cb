// Locations come from anchors: a column reported inside a post stays on the character even
// where runs of spaces were collapsed or entities decoded, and a `.txt` mail keeps its
// subject whatever its line endings (LF, CRLF, lone CR).
import { describe, expect, it } from 'vitest';
import { locate, type Part } from '../../src/documents/types.js';
import { readEmailText } from '../../src/sources/email/email.js';
import { readSocial } from '../../src/sources/social/social.js';

const input = (name: string, text: string, kind: 'social' | 'email') => ({ id: name, name, bytes: new TextEncoder().encode(text), kind });

/** The file position of the first occurrence of `needle` in the part's text. */
const where = (part: Part, needle: string) => locate(part, part.text.indexOf(needle));

describe('places in social .txt posts', () => {
  it('keeps columns on the character after collapsed spaces, tabs and entities', () => {
    const [first, second] = readSocial(input('posts.txt', 'Save  $10   March 1-15 &amp; more\n---\n  second\tpost   50%\n', 'social'));
    expect(first.text).toBe('Save $10 March 1-15 & more');
    expect(where(first, '$10')).toEqual({ line: 1, column: 7 });
    expect(where(first, 'March')).toEqual({ line: 1, column: 13 });
    expect(where(first, 'more')).toEqual({ line: 1, column: 30 });
    expect(where(second, 'post')).toEqual({ line: 3, column: 10 });
    expect(where(second, '50%')).toEqual({ line: 3, column: 17 });
  });
});

describe('a .txt mail', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('keeps its subject and body lines with %s line endings', (_, eol) => {
    const parts = readEmailText(input('mail.txt', ['Subject: Spring sale 30% off', 'Hello there,', '', 'Save $10 today.', ''].join(eol), 'email'));
    expect(parts.map((p) => [p.role, p.text])).toEqual([
      ['subject', 'Spring sale 30% off'],
      ['body', 'Hello there,'],
      ['body', 'Save $10 today.'],
    ]);
    expect(where(parts[0], '30%')).toEqual({ line: 1, column: 22 });
    expect(where(parts[2], '$10')).toEqual({ line: 4, column: 6 });
  });
});
