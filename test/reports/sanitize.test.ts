// The one sanitiser: what a value can no longer do to a line, a terminal or a CI runner.
import { describe, expect, it } from 'vitest';
import { display } from '../../src/reports/highlight.js';
import { printable, printableLines, safeLine, safeLines } from '../../src/reports/sanitize.js';

describe('printable', () => {
  it('replaces controls, line separators and bidi isolates one for one, so offsets stay valid', () => {
    const value = 'a\u001b]52;c;aGk=\u0007b\u009b2Jc\nd\re\u2028f\u2069g\u202eh\tz';
    const out = printable(value);
    expect(out).toHaveLength(value.length);
    expect(out).toBe('a\uFFFD]52;c;aGk=\uFFFDb\uFFFD2Jc d e f\uFFFDg\u202eh z');
  });

  it('keeps a stray PDI from closing the isolate a report puts around copy', () => {
    const shown = display('x\u2069\u202e rest');
    // One isolate, ours, around the whole value: the override ends with it.
    expect(shown).toBe('\u2068x\uFFFD\u202e rest\u2069');
    expect([...shown].filter((c) => c === '\u2069')).toHaveLength(1);
  });

  it('keeps line breaks for a format that escapes them itself, and nothing else', () => {
    expect(printableLines('Avoid "x"\r\nfound: a\u001b[2Jb\u0085c')).toBe('Avoid "x"\r\nfound: a\uFFFD[2Jb c');
  });
});

describe('safeLine', () => {
  it('never lets a value start a workflow command or reorder the line', () => {
    expect(safeLine('source error: a\n::warning title=x::pwned')).toBe('source error: a ::warning title=x::pwned');
    expect(safeLine('::add-mask::secret')).toBe('\uFF1A:add-mask::secret');
    expect(safeLine('  ::error::x')).toBe('  \uFF1A:error::x');
    expect(safeLine('name \u202egnp.exe')).toBe('name \uFFFDgnp.exe');
    expect(safeLines('error: bad\n::set-output name=x::y\n')).toBe('error: bad\n\uFF1A:set-output name=x::y\n');
  });
});
