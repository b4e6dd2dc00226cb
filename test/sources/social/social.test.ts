import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Anchor, Part } from '../../../src/documents/types.js';
import { readSocial } from '../../../src/sources/social/social.js';
import { SourceError } from '../../../src/sources/types.js';
import { describeShared, hasShared, sharedPath } from '../../support/shared.js';

const corpusFile = (name: string) => sharedPath('corpus', 'social', name);
const fixtureFile = (name: string) => new URL(`../../fixtures/social/${name}`, import.meta.url);

function readBytes(bytes: Uint8Array, name: string, column?: string): Part[] {
  return readSocial({ id: name, name, kind: 'social', bytes, ...(column ? { column } : {}) });
}
const readCorpus = (name: string) => readBytes(readFileSync(corpusFile(name)), name.split('/').pop()!);
const readFixture = (name: string, column?: string) => readBytes(readFileSync(fixtureFile(name)), name, column);
const readText = (text: string, name: string, column?: string) => readBytes(new TextEncoder().encode(text), name, column);

function failure(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

/** The file's text from an anchor on, to prove the anchor points at the post. */
function textAt(file: string, anchor: Anchor): string {
  const lines = file.replace(/^\uFEFF/, '').split('\n');
  return lines[anchor.line - 1].slice(anchor.column - 1);
}
const byUnit = (parts: Part[], unit: string) => parts.find((p) => p.unit === unit)!;

describeShared('Twitter API v1.1 / premium search (corpus sferik-twitter)', () => {
  const from = hasShared ? readCorpus('sferik-twitter/premium_search_from.json') : [];

  it('reads every @TwitterDev tweet but the 11 retweets of other accounts', () => {
    expect(from).toHaveLength(58 - 11);
    expect(from.every((p) => p.role === 'post' && /^\d{18}$/.test(p.unit!))).toBe(true);
    expect(from.some((p) => p.text.startsWith('RT @'))).toBe(false);
    expect(from.every((p) => p.anchors.length === 1)).toBe(true);
  });

  it('takes the full text of a truncated tweet, its expanded link, and anchors it in the file', () => {
    const post = byUnit(from, '930550970668462081');
    expect(post.text).toMatch(/^@mongeliliana we would love to partner .* Dec\. 5th @TwitterLA: https:\/\/t\.co\/OFZGGFniXV … Do you know of a great #chatbots community speaker\?/);
    expect(post.href).toBe('https://www.meetup.com/Los-Angeles-Twitter-Developer-Community/events/244549355/');
    const file = readFileSync(corpusFile('sferik-twitter/premium_search_from.json'), 'utf8');
    expect(textAt(file, post.anchors[0])).toMatch(/^@mongeliliana we would love to partner with @WeSabio for our next meetup! We're hosting the next one Dec\. 5th @TwitterLA/);
  });

  it('decodes the HTML entities X stores in tweet text', () => {
    const post = byUnit(from, '930556310139162627');
    expect(post.text.startsWith('#TapIntoTwitter & check out “@TwitterAPI for Beginners”')).toBe(true);
    expect(from.some((p) => p.text.includes('&amp;'))).toBe(false);
  });

  it('reads a home timeline array: 20 statuses minus 6 retweets', () => {
    const statuses = readCorpus('sferik-twitter/statuses.json');
    expect(statuses).toHaveLength(14);
    expect(statuses[0]).toMatchObject({ unit: '244111636544225280', text: 'Happy Birthday @imdane. Watch out for those @rally pranksters!' });
  });

  it('reads the Japanese tweets with their newlines and expanded links', () => {
    const posts = readCorpus('sferik-twitter/premium_search_url.json');
    expect(posts.map((p) => p.unit)).toEqual(['928847027336646656', '928404132498612225', '927447480832212992', '923108418931507202']);
    expect(byUnit(posts, '927447480832212992')).toMatchObject({
      text: 'Twitter gem の\nhttps://t.co/5BkXTAgLDi\nhttps://t.co/vPre4iQluw\nこの辺りの例外どう捌くかなー。',
      href: 'https://github.com/sferik/twitter/issues/401',
    });
  });
});

describeShared('Mastodon REST statuses (corpus rtoot-mastodon)', () => {
  it('reads one post per status (these files hold no reblogs)', () => {
    expect(readCorpus('rtoot-mastodon/account_statuses_schochastics_fosstodon.json')).toHaveLength(20);
    expect(readCorpus('rtoot-mastodon/timeline_public_mastodon_social.json')).toHaveLength(19);
    expect(readCorpus('rtoot-mastodon/timeline_tag_rstats_fosstodon.json')).toHaveLength(5);
  });

  it('flattens HTML content: <br> one newline, paragraphs a blank line, link as href', () => {
    const posts = readCorpus('rtoot-mastodon/timeline_tag_rstats_fosstodon.json');
    const post = byUnit(posts, '114869631729644574');
    expect(post.text).toContain('The conference is almost sold out so make sure to get a ticket. Less than 50 left!\nJoin this gathering');
    expect(post.text).toContain('casual side gatherings.\n\nRegister for in-person and virtual events:\nhttps://user2025.r-project.org/register\n\n#useR2025 #RStats');
    expect(post.text).not.toMatch(/<|&[a-z]+;/);
    expect(post.href).toBe('https://user2025.r-project.org/register');
    const file = readFileSync(corpusFile('rtoot-mastodon/timeline_tag_rstats_fosstodon.json'), 'utf8');
    expect(textAt(file, post.anchors[0])).toMatch(/^<p>The conference is almost sold out/);
  });

  it('keeps the hidden parts of a link (the full URL was posted) and decodes &amp; in it', () => {
    const posts = readCorpus('rtoot-mastodon/timeline_public_mastodon_social.json');
    expect(byUnit(posts, '114870361973436726').text.endsWith('treaty."\n\nhttps://www.bbc.com/news/articles/cq6m10g7e35o')).toBe(true);
    expect(byUnit(posts, '114870361680729932').text).toContain('?utm_source=flipboard&utm_medium=activitypub');
    expect(byUnit(posts, '114870361801875117').text).toBe('Limited stock alert! Grab yours before it’s gone! 🚨 ⬇️⬇️⬇️ https://amzn.to/44O6RUN');
  });

  it('does not take a mention or hashtag link as the post link', () => {
    const posts = readCorpus('rtoot-mastodon/account_statuses_schochastics_fosstodon.json');
    expect(byUnit(posts, '114739545367952761').href).toBeUndefined();
    expect(byUnit(posts, '114739545367952761').text.startsWith('@petejones I am not too familiar')).toBe(true);
  });

  it('skips reblogs: they are someone else’s post', () => {
    const statuses = [
      { id: '1', uri: 'https://m.example/1', content: '<p>Our own words</p>', reblog: null, account: {} },
      { id: '2', uri: 'https://m.example/2', content: '', reblog: { id: '9', content: '<p>Their words</p>', account: {} }, account: {} },
    ];
    expect(readText(JSON.stringify(statuses), 'toots.json').map((p) => [p.unit, p.text])).toEqual([['1', 'Our own words']]);
  });
});

describe('CSV', () => {
  it('reads Caption and Link columns, quoted multi-line cells, a BOM and CRLF', () => {
    const posts = readFixture('instagram.csv');
    expect(posts.map((p) => p.unit)).toEqual(['ig-1', 'ig-2', '#3']);
    expect(posts[0]).toMatchObject({ text: 'Spring Sale: 30% off all running shoes 👟\n\nTap the link in bio!', href: 'https://runfast.example/spring' });
    expect(posts[1].text).toBe('She said "best shoes ever" & we agree');
    expect(posts[1].href).toBeUndefined();
    expect(posts[2]).toMatchObject({ text: 'Free shipping on orders over $50', href: 'https://runfast.example/shipping' });
    expect(posts.map((p) => [p.anchors[0].line, p.anchors[0].column])).toEqual([[2, 18], [5, 18], [7, 13]]);
  });

  it('anchors each record at its own line after CRLFs inside quoted cells, with ; as delimiter', () => {
    const csv = '\uFEFFid;Text\r\n1;"a\r\nb\r\nc"\r\n2;second\r\n3;"x ""quoted"" y"\r\n';
    const posts = readText(csv, 'posts.csv');
    expect(posts.map((p) => [p.unit, p.text, p.anchors[0].line, p.anchors[0].column])).toEqual([
      ['1', 'a\nb\nc', 2, 4],
      ['2', 'second', 5, 3],
      ['3', 'x "quoted" y', 6, 4],
    ]);
  });

  it('reads a named column, case-insensitively, and a ; delimited file', () => {
    const posts = readFixture('facebook-de.csv', 'Beitrag');
    expect(posts.map((p) => [p.unit, p.text, p.href])).toEqual([
      ['#1', 'Frühlingsangebot: 30 % Rabatt auf alle Laufschuhe; nur online', 'https://runfast.example/de/fruehling'],
      ['#2', 'Kostenloser Versand ab 50 €', undefined],
    ]);
    expect(readFixture('facebook-de.csv', 'beitrag')).toHaveLength(2);
  });

  it('refuses a file with no text column, listing its headers', () => {
    const error = failure(() => readFixture('facebook-de.csv'));
    expect(error.message).toContain('no post text column');
    expect(error.message).toContain('"Datum", "Beitrag", "URL"');
  });

  it('refuses a named column that is missing, naming it and the headers', () => {
    const error = failure(() => readFixture('facebook-de.csv', 'Text'));
    expect(error.message).toBe('CSV has no column "Text"; its headers are "Datum", "Beitrag", "URL"');
  });

  it('reports a broken quote with its line', () => {
    const error = failure(() => readText('text\nfine\n"never closed\n', 'posts.csv'));
    expect(error.message).toMatch(/^CSV: /);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('reads Windows-1252 bytes that are not UTF-8', () => {
    const bytes = Uint8Array.from([...Buffer.from('caption\nCaf'), 0xe9, ...Buffer.from(' cr'), 0xe8, ...Buffer.from('me\n')]);
    expect(readBytes(bytes, 'posts.csv').map((p) => p.text)).toEqual(['Café crème']);
  });

  it('reads Excel "Unicode text": UTF-16LE with a BOM, tab-separated', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from('Message\tURL\r\nZażółć gęślą jaźń 👟\thttps://a.example/pl\r\n', 'utf16le')]);
    expect(readBytes(bytes, 'export.csv').map((p) => [p.text, p.href, p.anchors[0].line, p.anchors[0].column])).toEqual([
      ['Zażółć gęślą jaźń 👟', 'https://a.example/pl', 2, 1],
    ]);
  });

  it('gives no posts for a header without records', () => {
    expect(readText('text,link\n', 'posts.csv')).toEqual([]);
  });
});

describe('plain text', () => {
  it('splits posts at --- lines, drops empty ones, keeps newlines and collapses spaces', () => {
    const posts = readFixture('posts.txt');
    expect(posts.map((p) => [p.unit, p.text])).toEqual([
      ['#1', 'Spring Sale: 30% off all running shoes 👟\nShop: https://runfast.example/spring'],
      ['#2', 'Free shipping on orders over $50. Only this week!'],
      ['#4', 'Last call: sale ends April 30 & stock is limited.'],
    ]);
    // Each line is anchored, and again after every collapsed run of spaces or decoded entity.
    expect(posts[0].anchors).toEqual([
      { at: 0, line: 1, column: 1 },
      { at: 42, line: 2, column: 1 },
      { at: 48, line: 2, column: 10 },
    ]);
    expect(posts[1].anchors).toEqual([
      { at: 0, line: 5, column: 3 },
      { at: 34, line: 5, column: 39 },
    ]);
    expect(posts[2].anchors).toEqual([
      { at: 0, line: 9, column: 1 },
      { at: 31, line: 9, column: 36 },
    ]);
  });

  it('is one post without a separator, with CRLF line ends', () => {
    expect(readText('One post\r\nover two lines -- not a separator\r\n', 'post.txt').map((p) => p.text)).toEqual(['One post\nover two lines -- not a separator']);
  });
});

describe('YAML', () => {
  it('reads a posts list of objects and strings with their positions', () => {
    const posts = readFixture('posts.yaml');
    expect(posts.map((p) => [p.unit, p.text, p.href, p.anchors[0].line, p.anchors[0].column])).toEqual([
      ['launch', 'Spring Sale: 30% off all running shoes.\nShop now: https://runfast.example/spring', 'https://runfast.example/spring', 5, 7],
      ['#2', 'Free shipping on orders over $50 — this week only!', undefined, 8, 6],
      ['#3', "Our Spring Sale ends April 30. Don't miss it.", undefined, 10, 7],
    ]);
  });

  it('reports a syntax error with line and column', () => {
    const error = failure(() => readText('posts:\n  - text: "open\n  - b: c: d\n', 'posts.yml'));
    expect(error.message).toMatch(/^YAML syntax error at line \d+, column \d+: /);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });
});

describe('X archive tweets.js', () => {
  it('reads tweets, skips retweets, keeps t.co links in the text and takes the expanded link', () => {
    const posts = readFixture('tweets.js');
    expect(posts.map((p) => p.unit)).toEqual(['1765432109876543210', '1765432109876543212']);
    expect(posts[0]).toMatchObject({
      text: 'Spring Sale: 30% off all running shoes & free shipping over $50 👟 https://t.co/AbCdEf1234 #SpringSale',
      href: 'https://runfast.example/spring',
      anchors: [{ at: 0, line: 35, column: 22 }],
    });
    expect(posts[1].text).toBe('春のセール:全ランニングシューズ30%オフ\n4月30日まで');
  });

  it('is recognised by its window.YTD prefix whatever the file is called', () => {
    const archive = readFileSync(fixtureFile('tweets.js'), 'utf8').replace('tweets.part0', 'tweets.part1');
    expect(readText(archive + ';\n', 'tweets-part1.js')).toHaveLength(2);
    expect(readText(archive, 'export.json')).toHaveLength(2);
  });

  it('refuses a .js file that is not an archive', () => {
    expect(failure(() => readText('console.log(1)', 'tweets.js')).message).toMatch(/^not an X archive file/);
  });
});

describe('ActivityPub outbox.json', () => {
  it('reads Create/Note items, skips boosts and empty notes, flattens HTML', () => {
    const posts = readFixture('outbox.json');
    expect(posts.map((p) => p.unit)).toEqual(['https://mastodon.example/@runfast/111', 'https://mastodon.example/users/runfast/statuses/113']);
    expect(posts[0]).toMatchObject({
      text: 'Spring Sale: 30% off all running shoes & free shipping!\n\nUse code SPRING30 at https://runfast.example/spring\nEnds April 30.',
      href: 'https://runfast.example/spring',
      anchors: [{ at: 0, line: 19, column: 21 }],
    });
    expect(posts[1].text).toBe('@shoefan thanks for the photo! #running');
    expect(posts[1].href).toBeUndefined();
  });

  it('refuses a live outbox whose posts are on other pages', () => {
    const live = { '@context': 'https://www.w3.org/ns/activitystreams', type: 'OrderedCollection', totalItems: 12, first: 'https://mastodon.example/users/runfast/outbox?page=true' };
    expect(failure(() => readText(JSON.stringify(live), 'outbox.json')).message).toMatch(/keeps its posts on separate pages \(https:\/\/mastodon\.example/);
  });
});

describe('JSON shapes and errors', () => {
  it('accepts a list of strings, { posts }, { statuses }, a single post and any-case keys', () => {
    expect(readText('["one", "", "three"]', 'p.json').map((p) => [p.unit, p.text])).toEqual([['#1', 'one'], ['#3', 'three']]);
    expect(readText('{"posts": [{"ID": 7, "Caption": "Hi", "Link": "https://a.example"}]}', 'p.json')[0]).toMatchObject({ unit: '7', text: 'Hi', href: 'https://a.example' });
    expect(readText('{"statuses": [{"id_str": "5", "text": "A &lt;3 B"}]}', 'p.json')[0]).toMatchObject({ unit: '5', text: 'A <3 B' });
    expect(readText('{"message": "Just one"}', 'p.json').map((p) => p.text)).toEqual(['Just one']);
  });

  it('keeps plain text with & and < as written, and flattens a post written as HTML', () => {
    expect(readText('[{"text": "R&D at AT&T: a < b"}]', 'p.json')[0].text).toBe('R&D at AT&T: a < b');
    expect(readText('[{"body": "<p>Hello<br>world</p>", "url": "https://a.example"}]', 'p.json')[0]).toMatchObject({ text: 'Hello\nworld', href: 'https://a.example' });
  });

  it('reports a JSON syntax error with line and column', () => {
    const error = failure(() => readFixture('broken.json'));
    expect(error.message).toBe('JSON syntax error at line 3, column 27: expected a property name in double quotes');
    expect([error.line, error.column]).toEqual([3, 27]);
    expect(failure(() => readText('[{"text": "open}]', 'p.json')).message).toMatch(/line 1, column 11: unterminated string/);
    expect(failure(() => readText('[1] 2', 'p.json')).message).toMatch(/unexpected text after the end/);
    expect(failure(() => readText('', 'p.json')).message).toMatch(/no JSON value/);
  });

  it('refuses JSON that holds no posts, and binary data', () => {
    expect(failure(() => readText('{"version": 1}', 'p.json')).message).toMatch(/^no posts found/);
    expect(failure(() => readBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'p.csv')).message).toMatch(/binary/);
    expect(failure(() => readText('x', 'posts.xlsx')).message).toMatch(/cannot read ".xlsx" social files/);
  });

  it('reads a large archive whole, anchoring its last tweet', () => {
    const tweet = (i: number) => ({ tweet: { id_str: String(1e17 + i), full_text: `Post ${i} &amp; ${'x'.repeat(200)}`, entities: { urls: [] } } });
    const archive = `window.YTD.tweets.part0 = ${JSON.stringify(Array.from({ length: 20000 }, (_, i) => tweet(i)), null, 2)}`;
    const posts = readText(archive, 'tweets.js');
    expect(posts).toHaveLength(20000);
    expect(posts[19999].anchors[0].line).toBeGreaterThan(100000);
  });
});
