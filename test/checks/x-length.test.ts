// X's weighted length and the URL extractor, held against the retired twitter-text package
// (a devDependency kept only as this test's oracle) on many strings, and against X's docs
// where the old package is out of date (emoji newer than its twemoji copy).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUrls } from '../../src/checks/post-urls.js';
import { xWeightedLength } from '../../src/checks/x-length.js';
import { readSocial } from '../../src/sources/social/social.js';
import { itShared, sharedPath } from '../support/shared.js';

interface TwitterText {
  parseTweet(text: string): { weightedLength: number };
  extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): Array<{ url: string; indices: [number, number] }>;
}
const oracle = createRequire(import.meta.url)('twitter-text') as TwitterText;

// Pieces that exercise every rule: schemes, domains (IDN, punycode, t.co, ccTLDs, a reserved
// TLD), paths with accents and parentheses, queries, ports, characters that may or may not
// precede a URL, scripts of both weights, emoji sequences the oracle knows, combining marks.
const PIECES = [
  'a', 'Z', ' ', '\n', '.', '/', '-', '_', '@', '#', '$', '(', ')', '?', '=', '&', ':', '1', '9', '＠',
  'https://', 'http://', 'HTTPS://', 'www.', 'example.com', 'shop.com', 'runfast.co.uk', 't.co/abc', 'https://t.co/AbCdEf1234?x=1',
  'bit.ly/x', 'google.de', 'x.example', 'foo.pl/ścieżka', 'ząb.pl', '例え.jp', 'xn--p1ai', '.рф', 'москва.рф', 'café.fr',
  '/path_(with)_parens', '(x)', '?utm=a&b=c', '?q=1', '#frag', ':8080', 'path/to', '@user', 'user@mail.com',
  '.com', '.shop', '.app', '.io', '.ai', '.photography', '.xyz', 'co', 'ai', 'a.b', '1.5', '3.50', '.co',
  '日本', '語', '한국어', 'שלום', 'مرحبا', 'Ωμέγα', 'é', 'e\u0301', 'ż', '\u0301', '½', '€', '…', '—', '“', '‼', '‐', '′',
  '👍', '👍🏽', '👨‍👩‍👧‍👦', '❤', '❤️', '☺', '©', '©️', '®', '™', '1️⃣', '#️⃣', '🇵🇱', '🇦', '🏳️‍🌈', '✌', '✌️', '✌🏻', '⛹️‍♀️', '👩🏾‍🚀',
  '\u200d', '\ufe0f', '\u20e3', '\u200e', '\ufeff', '𝗼', '😀😀',
];

describe('X weighted length and URLs, against twitter-text 3.1 (the oracle)', () => {
  const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''));

  // Many runs, so no time limit: a loaded machine only makes it slower.
  it('gives the same weighted length on 10,000 generated posts', { timeout: 0 }, () => {
    fc.assert(fc.property(text, (post) => xWeightedLength(post) === oracle.parseTweet(post).weightedLength), { numRuns: 10_000, seed: 14 });
  });

  it('finds the same URLs at the same places, with and without a scheme', { timeout: 0 }, () => {
    fc.assert(
      fc.property(text, fc.boolean(), (post, withoutScheme) => {
        const ours = findUrls(post, { withoutScheme }).map((u) => [u.url, ...u.indices]);
        const theirs = oracle.extractUrlsWithIndices(post, { extractUrlsWithoutProtocol: withoutScheme }).map((u) => [u.url, ...u.indices]);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 5_000, seed: 14 },
    );
  });

  it('agrees on every fixture post of the repository', () => {
    const posts = ['posts.txt', 'posts.yaml', 'instagram.csv', 'outbox.json', 'tweets.js'].flatMap((name) =>
      readSocial({ id: name, name, kind: 'social', bytes: readFileSync(new URL(`../fixtures/social/${name}`, import.meta.url)) }),
    );
    expect(posts.length).toBeGreaterThan(10);
    for (const post of posts) expect([post.text, xWeightedLength(post.text)]).toEqual([post.text, oracle.parseTweet(post.text).weightedLength]);
  });

  itShared('agrees on every post of the real-world social corpus', () => {
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else {
          try {
            texts.push(...readSocial({ id: name, name, kind: 'social', bytes: readFileSync(file) }).map((p) => p.text));
          } catch {
            // Not a social export this reader knows (a README, a licence).
          }
        }
      }
    };
    walk(sharedPath('corpus', 'social'));
    expect(texts.length).toBeGreaterThan(50);
    const differing = texts.filter((t) => xWeightedLength(t) !== oracle.parseTweet(t).weightedLength);
    expect(differing).toEqual([]);
  });
});

describe('X weighted length, as X documents it', () => {
  it('counts an emoji ZWJ sequence newer than the oracle as 2, like every emoji', () => {
    expect(xWeightedLength('🧑‍💻')).toBe(2);
    expect(xWeightedLength('🧑‍🤝‍🧑 team')).toBe(2 + 5);
    // The oracle's 2019 emoji list splits them: the reason it is only a test oracle.
    expect(oracle.parseTweet('🧑‍💻').weightedLength).toBe(5);
  });

  it('normalizes to NFC first: café counts 4 however it is typed', () => {
    expect(xWeightedLength('cafe\u0301')).toBe(4);
    expect(xWeightedLength('caf\u00e9')).toBe(4);
  });

  it('counts pictographs Unicode does not join one by one', () => {
    expect(xWeightedLength('🇦\u200d👍')).toBe(2 + 1 + 2);
  });
});

describe('X weighted length without RGI_Emoji for lone emoji', () => {
  // The count with RGI_Emoji tried at every place an emoji can start (as before a lone
  // code point skipped it): the reference the shortcut must equal.
  const EMOJI_AT = new RegExp(String.raw`\p{RGI_Emoji}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})|[#*0-9]\uFE0F?\u20E3`, 'yv');
  const EMOJI_START = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[#*0-9](?=\uFE0F?\u20E3)/gu;
  const light = (unit: number) => unit <= 4351 || (unit >= 8192 && unit <= 8205) || (unit >= 8208 && unit <= 8223) || (unit >= 8242 && unit <= 8247);
  function referenceLength(text: string): number {
    let length = 0;
    let i = 0;
    EMOJI_START.lastIndex = 0;
    for (let start = EMOJI_START.exec(text); start; start = EMOJI_START.exec(text)) {
      EMOJI_AT.lastIndex = start.index;
      const emoji = EMOJI_AT.exec(text);
      if (!emoji || start.index < i) continue;
      for (const ch of text.slice(i, start.index)) length += ch.length === 2 || !light(ch.charCodeAt(0)) ? 2 : 1;
      length += 2;
      i = start.index + emoji[0].length;
      EMOJI_START.lastIndex = i;
    }
    for (const ch of text.slice(i)) length += ch.length === 2 || !light(ch.charCodeAt(0)) ? 2 : 1;
    return length;
  }
  const PARTS = ['a', ' ', '1', '#', '*', '©', '®', '‼', '™', '☺', '❤', '✌', '👟', '🧵', '👍', '🏽', '🏻', '🇵', '🇱', '🏳', '🏴', '🌈', '👩', '🚀', '\u200d', '\ufe0f', '\u20e3', '\u{E0067}', '\u{E007F}', '日'];

  it('gives the count of RGI_Emoji tried at every emoji start, on 5,000 emoji-heavy strings', { timeout: 0 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.join('').normalize('NFC');
        expect(xWeightedLength(text)).toBe(referenceLength(text));
      }),
      { numRuns: 5_000, seed: 7 },
    );
    expect(xWeightedLength('Thread 🧵 go 👟')).toBe(referenceLength('Thread 🧵 go 👟'));
    expect(xWeightedLength('© ❤️ 👍🏽 🇵🇱')).toBe(referenceLength('© ❤️ 👍🏽 🇵🇱'));
  });
});
