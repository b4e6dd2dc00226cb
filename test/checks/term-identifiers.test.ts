// The terms check leaves a variant alone inside a URL, an e-mail address, an @handle or a bare
// domain. Most copy holds none, so a cheap gate decides whether a text is searched at all: it
// must never skip a text the forms would find something in.
import { describe, expect, it } from 'vitest';
import { identifierSpans } from '../../src/checks/terms.js';

// Pieces that make the forms match, nearly match, or fold into a match ("ſ" is an "s" and "K"
// (Kelvin) a "k" when case is ignored the Unicode way).
const PIECES = [
  ' ', ' ', ' ', 'run', 'Fast', 'shoes', '.', '.', '-', '/', '?', ':', '://', 'http', 'https', 'www', 'WWW', '.com', '.COM', '.de', '.uK',
  '.ſhop', '.store', '.Shop', '.io', '.co', '.example', 'example', '@', '@acme', 'mail', '+', '_', '1', '42', 'ś', 'ó', 'א', 'Node.js', '.\u212A',
];

function randomText(random: () => number): string {
  let text = '';
  const length = 1 + Math.floor(random() * 14);
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

// A small deterministic generator: the same cases on every run.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('identifier spans', () => {
  it('finds URLs, e-mail addresses, handles and bare domains', () => {
    const text = 'See https://runfast.example/sale?x=1, write to team@runfast.com or @runfast, shop at runfast.shop/spring';
    expect(identifierSpans(text).map(([start, end]) => text.slice(start, end))).toEqual([
      'https://runfast.example/sale?x=1,',
      'team@runfast.com',
      '@runfast',
      'runfast.shop/spring',
    ]);
    expect(identifierSpans('Free shipping on every order, now and always.')).toEqual([]);
  });

  it('gives what searching every text gives, on 20,000 random texts', () => {
    const random = generator(7);
    let found = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(random);
      const spans = identifierSpans(text);
      expect(spans, text).toEqual(identifierSpans(text, false));
      found += spans.length;
    }
    // The texts do hold identifiers: the comparison is not of empty lists only.
    expect(found).toBeGreaterThan(1_000);
  });

  it('finds a domain whose top-level domain folds to a listed one', () => {
    expect(identifierSpans('visit acme.ſhop today')).toEqual([[6, 15]]);
    expect(identifierSpans('visit acme.u\u212A today')).toEqual(identifierSpans('visit acme.u\u212A today', false));
  });
});
