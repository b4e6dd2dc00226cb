import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphemeCount, PLATFORM_LIMITS, postLength } from '../../src/checks/post-length.js';
import { readSocial } from '../../src/sources/social/social.js';
import { itShared, sharedPath } from '../support/shared.js';

const corpusFile = (name: string) => sharedPath('corpus', 'social', name);
const readCorpus = (name: string) => readSocial({ id: name, name, kind: 'social', bytes: readFileSync(corpusFile(name)) });

// A real top-level domain: X and Mastodon only count a URL as 23 when twitter-text recognises it.
const LONG_URL = 'https://www.runfast-shoes.com/spring/collection/running-shoes?utm_source=x&utm_campaign=spring-2026';

describe('PLATFORM_LIMITS', () => {
  it('holds the limits of SPEC §7', () => {
    expect({ ...PLATFORM_LIMITS }).toEqual({ x: 280, twitter: 280, bluesky: 300, mastodon: 500, threads: 500, linkedin: 3000, instagram: 2200, facebook: 63206 });
  });

  it('does not know platforms named like Object methods', () => {
    expect(PLATFORM_LIMITS['constructor']).toBeUndefined();
    expect(PLATFORM_LIMITS['toString']).toBeUndefined();
    expect(Object.isFrozen(PLATFORM_LIMITS)).toBe(true);
  });
});

describe('X (twitter-text)', () => {
  it('counts 280 plain characters as 280 and 281 as over the limit', () => {
    expect(postLength('a'.repeat(280), 'x')).toBe(280);
    expect(postLength('a'.repeat(281), 'x')).toBe(281);
    expect(postLength('a'.repeat(281), 'x')).toBeGreaterThan(PLATFORM_LIMITS.x);
  });

  it('counts any URL as 23', () => {
    expect(postLength(`Shop ${LONG_URL}`, 'x')).toBe(5 + 23);
    expect(postLength('Shop https://t.co/AbCdEf1234', 'twitter')).toBe(5 + 23);
  });

  it('counts CJK characters and emoji as 2', () => {
    expect(postLength('日本語', 'x')).toBe(6);
    expect(postLength('👍🏽', 'x')).toBe(2);
    expect(postLength('👨‍👩‍👧‍👦', 'x')).toBe(2);
  });

  itShared('weighs a real Japanese tweet: 15 CJK characters and の at 2, two URLs at 23', () => {
    const post = readCorpus('sferik-twitter/premium_search_url.json').find((p) => p.unit === '927447480832212992')!;
    // "Twitter gem " 12 + の 2 + \n 1 + URL 23 + \n 1 + URL 23 + \n 1 + "この辺りの例外どう捌くかなー。" 15×2
    expect(postLength(post.text, 'x')).toBe(12 + 2 + 1 + 23 + 1 + 23 + 1 + 30);
    expect(postLength(post.text, 'bluesky')).toBe(12 + 1 + 1 + 23 + 1 + 23 + 1 + 15);
  });

  it('counts a URL on a domain X does not link (a reserved TLD such as .example) as written', () => {
    expect(postLength('https://runfast.example/spring', 'x')).toBe(30);
  });

  it('accepts the platform name in any case', () => {
    expect(postLength('日本語', 'X')).toBe(6);
  });
});

describe('Mastodon', () => {
  it('counts every http(s) URL as 23 and other characters as graphemes', () => {
    expect(postLength(`Shop ${LONG_URL}`, 'mastodon')).toBe(5 + 23);
    expect(postLength(`👍🏽 ${LONG_URL} 日本語`, 'mastodon')).toBe(1 + 1 + 23 + 1 + 3);
  });

  it('counts a URL without a scheme as written, as Mastodon does', () => {
    expect(postLength('see runfast.example/spring', 'mastodon')).toBe('see runfast.example/spring'.length);
  });

  it('counts a remote mention without its domain, but not an e-mail address', () => {
    expect(postLength('@shoefan@other.example hi', 'mastodon')).toBe('@shoefan hi'.length);
    expect(postLength('mail info@runfast.example', 'mastodon')).toBe('mail info@runfast.example'.length);
  });

  itShared('finds a real bot post exactly at the 500 limit, not over it', () => {
    const post = readCorpus('rtoot-mastodon/timeline_public_mastodon_social.json').find((p) => p.unit === '114870361864193678')!;
    expect(postLength(post.text, 'mastodon')).toBe(500);
    // The bot cut its text with … to fit 500; its 160-character link counted as written would not fit.
    expect(postLength(post.text, undefined)).toBeGreaterThan(600);
  });
});

describe('other platforms: graphemes', () => {
  it('counts emoji with modifiers and ZWJ families as one character', () => {
    expect(postLength('👍🏽', 'instagram')).toBe(1);
    expect(postLength('👨‍👩‍👧‍👦 family', 'instagram')).toBe(8);
    expect(postLength('e\u0301', undefined)).toBe(1);
  });

  it('counts URLs as written and unknown platforms like the rest', () => {
    expect(postLength(`Shop ${LONG_URL}`, 'linkedin')).toBe(5 + LONG_URL.length);
    expect(postLength('日本語', 'myspace')).toBe(3);
  });

  it('counts an &amp; read from a file as one character', () => {
    const [post] = readSocial({ id: 'p.csv', name: 'p.csv', kind: 'social', bytes: new TextEncoder().encode('caption\nAT&amp;T deals\n') });
    expect(post.text).toBe('AT&T deals');
    expect(postLength(post.text, 'instagram')).toBe(10);
  });

  it('counts text past 65,535 characters correctly, CRLF as one', () => {
    const text = 'ż\r\n'.repeat(50_000) + 'é'.repeat(70_000);
    expect(graphemeCount(text)).toBe(100_000 + 70_000);
  });

  it('counts clusters cut by a counting window once: flags, ZWJ families, combining marks', () => {
    expect(graphemeCount('ab' + '🇵🇱'.repeat(20_000))).toBe(20_002);
    expect(graphemeCount('🇵🇱👨‍👩‍👧‍👦e\u0301x'.repeat(10_000))).toBe(40_000);
  });
});
