// The source forms added for real campaigns (sitemaps, social accounts, per-source options)
// and accepted exceptions: what the loader makes of them, and how it refuses mistakes.
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/spec/errors.js';
import { parseSpec } from '../../src/spec/load.js';

const spec = (channels: string, rest = '') => `version: 1
campaign: Spring
channels:
${channels}${rest}`;

const load = (text: string) => parseSpec(text, '/campaign/storefront.yaml', 'spec.yaml');

function refusal(text: string): string {
  try {
    load(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as Error).message;
  }
  throw new Error('expected the spec to be refused');
}

describe('source forms', () => {
  it('reads a sitemap with page globs, a limit, and CSS options for its pages', () => {
    const s = load(spec(`  site:
    kind: web
    sources:
      - { sitemap: "https://shop.example/sitemap.xml", include: ["shop.example/spring/**"], exclude: ["**/print"], limit: 50, selector: main }
`));
    expect(s.channels[0].sources[0]).toMatchObject({
      type: 'sitemap',
      sitemap: 'https://shop.example/sitemap.xml',
      include: ['shop.example/spring/**'],
      excludeUrls: ['**/print'],
      limit: 50,
      selector: 'main',
    });
  });

  it('reads pages with elements to exclude and a language of their own', () => {
    const s = load(spec(`  site:
    kind: web
    language: en
    sources:
      - { url: "https://shop.example/pl/", exclude: [nav, footer, .cookie-banner], language: pl }
      - { file: saved/, language: auto }
`));
    expect(s.channels[0].sources).toEqual([
      expect.objectContaining({ type: 'url', url: 'https://shop.example/pl/', exclude: ['nav', 'footer', '.cookie-banner'], language: 'pl' }),
      expect.objectContaining({ type: 'glob', pattern: 'saved/', language: 'auto' }),
    ]);
  });

  it('reads social accounts with one canonical spelling, a default limit, and the token variable by name', () => {
    const s = load(spec(`  social:
    kind: social
    platform: mastodon
    sources:
      - { mastodon: "shop@mastodon.example", since: 2026-04-01 }
      - { bluesky: "@shop.bsky.social", limit: 10, base_url: "http://127.0.0.1:9999/" }
      - { x: "@runfast", token_env: X_BEARER_TOKEN }
`));
    expect(s.channels[0].sources).toEqual([
      expect.objectContaining({ type: 'feed', platform: 'mastodon', account: '@shop@mastodon.example', limit: 40, since: '2026-04-01' }),
      expect.objectContaining({ type: 'feed', platform: 'bluesky', account: 'shop.bsky.social', limit: 10, baseUrl: 'http://127.0.0.1:9999' }),
      expect.objectContaining({ type: 'feed', platform: 'x', account: 'runfast', tokenEnv: 'X_BEARER_TOKEN' }),
    ]);
  });

  it.each([
    ['an X account without its token variable', '      - { x: runfast }\n', 'spec.yaml:8:11: channels.social.sources[0]: missing key "token_env", which "x" needs'],
    ['a token written into the spec', '      - { x: runfast, token_env: "AAAA-secret token" }\n', 'spec.yaml:8:34: channels.social.sources[0].token_env: expected an environment variable name such as X_BEARER_TOKEN, got "AAAA-secret token"'],
    ['a Mastodon account without its instance', '      - { mastodon: "@shop" }\n', 'spec.yaml:8:21: channels.social.sources[0].mastodon: expected a Mastodon account such as @shop@mastodon.social, got "@shop"'],
    ['a limit on a single page', '      - { url: "https://a.example", limit: 3 }\n', 'spec.yaml:8:9: channels.social.sources[0]: missing required key: one of "sitemap", "mastodon", "bluesky", "x"'],
    ['two kinds of source in one entry', '      - { bluesky: shop.bsky.social, mastodon: "@shop@m.example" }\n', 'spec.yaml:8:38: channels.social.sources[0]: "mastodon" and "bluesky" cannot be combined: a source is exactly one of a file glob, a URL, a sitemap or a social account'],
  ])('refuses %s', (_name, source, message) => {
    expect(refusal(spec(`  social:\n    kind: social\n    platform: x\n    sources:\n${source}`))).toBe(message);
  });
});

describe('exceptions', () => {
  const channels = `  site:\n    kind: web\n    sources: [a.html]\n`;

  it('keeps rule, channel, subject, source, reason and expiry, with the line they were written on', () => {
    const s = load(spec(channels, `exceptions:
  - rule: message-drift
    channel: site
    subject: headline
    source: a.html
    reason: Legal asked for the softer wording on the site
    expires: 2026-12-31
`));
    expect(s.exceptions).toEqual([
      {
        rule: 'message-drift',
        channel: 'site',
        subject: 'headline',
        source: 'a.html',
        reason: 'Legal asked for the softer wording on the site',
        expires: '2026-12-31',
        at: { line: 8, column: 5 },
      },
    ]);
  });

  it.each([
    ['without a reason', '  - { rule: term-avoid, channel: site }\n', 'spec.yaml:8:5: exceptions[0]: missing required key "reason"'],
    ['for an unknown rule', '  - { rule: message-drfit, channel: site, reason: ok }\n', 'spec.yaml:8:13: exceptions[0].rule: expected one of message-missing, message-drift, message-negated, fact-mismatch, fact-missing, term-variant, term-avoid, term-required, length-exceeded, cross-channel-conflict, source-error, got "message-drfit"'],
    ['for an unknown channel', '  - { rule: term-avoid, channel: sit, reason: ok }\n', 'spec.yaml:8:34: exceptions[0].channel: unknown channel "sit" (the spec defines site); did you mean "site"?'],
    ['with an impossible date', '  - { rule: term-avoid, channel: site, reason: ok, expires: 2026-13-45 }\n', 'spec.yaml:8:61: exceptions[0].expires: expected a real date such as 2026-12-31, got "2026-13-45"'],
    ['with the 30th of February', '  - { rule: term-avoid, channel: site, reason: ok, expires: 2027-02-30 }\n', 'spec.yaml:8:61: exceptions[0].expires: expected a real date such as 2026-12-31, got "2027-02-30"'],
  ])('refuses one %s', (_name, item, message) => {
    expect(refusal(spec(channels, `exceptions:\n${item}`))).toBe(message);
  });
});
