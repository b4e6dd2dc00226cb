import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SpecError } from '../../src/spec/errors.js';
import { loadSpec, parseSpec } from '../../src/spec/load.js';
import type { Spec } from '../../src/spec/types.js';
import { itShared, sharedPath } from '../support/shared.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/spec/${name}`, import.meta.url));
const schemaFile = fileURLToPath(new URL('../../schema/storefront.schema.json', import.meta.url));
const specMd = sharedPath('SPEC.md');

/** The first ```yaml block of SPEC.md §1, the contract's own example. */
function specMdExample(): string {
  const text = readFileSync(specMd, 'utf8');
  const match = /```yaml\n([\s\S]*?)```/.exec(text);
  if (!match) throw new Error('SPEC.md has no yaml example');
  return match[1];
}

function specError(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected a SpecError');
}

describe('the SPEC.md example', () => {
  itShared('is saved verbatim as the fixture (the tests below read the fixture, so they run without ../shared)', () => {
    expect(readFileSync(fixture('example.yaml'), 'utf8')).toBe(specMdExample());
  });

  it('loads with channels in spec order, their languages, limits and sources', async () => {
    const spec = await loadSpec(fixture('example.yaml'));
    expect(spec.file).toBe(fixture('example.yaml'));
    expect(spec.version).toBe(1);
    expect(spec.campaign).toBe('RunFast Spring Sale 2026');
    expect(spec.language).toBe('en');
    expect(spec.channels.map((c) => [c.name, c.kind, c.language, c.platform, c.maxLength])).toEqual([
      ['site', 'web', 'en', undefined, undefined],
      ['newsletter', 'email', 'en', undefined, undefined],
      ['x', 'social', 'en', 'x', 280],
      ['instagram', 'social', 'pl', undefined, 2200],
    ]);
    expect(spec.channels[0].sources).toEqual([
      { type: 'url', url: 'https://runfast.example/spring', at: { line: 9, column: 9 } },
      { type: 'glob', pattern: 'site/spring/**/*.html', at: { line: 10, column: 9 } },
      { type: 'glob', pattern: 'site/pricing.html', selector: 'main', at: { line: 11, column: 9 } },
    ]);
    expect(spec.channels[1].sources).toEqual([
      { type: 'glob', pattern: 'email/*.eml', at: { line: 14, column: 15 } },
      { type: 'glob', pattern: 'email/launch.mjml', at: { line: 14, column: 28 } },
    ]);
  });

  it('resolves messages: "all", own threshold, rules threshold, translations', () => {
    const spec = parseSpec(readFileSync(fixture('example.yaml'), 'utf8'), '/campaign/storefront.yaml');
    expect(spec.file).toBe('/campaign/storefront.yaml');
    expect(spec.messages).toEqual([
      {
        id: 'headline',
        text: 'Spring Sale: 30% off all running shoes',
        aliases: ['30% off every running shoe this spring'],
        channels: ['site', 'newsletter', 'x', 'instagram'],
        severity: 'error',
        minSimilarity: 0.8,
        translations: {},
      },
      {
        id: 'shipping',
        text: 'Free shipping on orders over $50',
        aliases: [],
        channels: ['site', 'newsletter'],
        minSimilarity: 0.75,
        translations: { pl: 'Darmowa dostawa przy zamówieniach powyżej 200 zł' },
      },
    ]);
  });

  it('keeps fact values as strings, dates unparsed, and defaults near and required', () => {
    const spec = parseSpec(readFileSync(fixture('example.yaml'), 'utf8'), '/campaign/storefront.yaml');
    expect(spec.facts.map((f) => [f.id, f.type, f.value, f.near.length, f.required])).toEqual([
      ['discount', 'percent', '30', 5, []],
      ['pro-price', 'money', '49.99 USD', 1, []],
      ['promo-code', 'code', 'SPRING30', 0, []],
      ['sale-ends', 'date', '2026-04-30', 5, []],
      ['landing', 'url', 'https://runfast.example/spring', 0, ['newsletter', 'x']],
    ]);
    expect(spec.facts[0].near).toContain('הנחה');
  });

  it('resolves the three kinds of terms and the rules', () => {
    const spec = parseSpec(readFileSync(fixture('example.yaml'), 'utf8'), '/campaign/storefront.yaml');
    const all = ['site', 'newsletter', 'x', 'instagram'];
    expect(spec.terms).toEqual([
      { kind: 'use', use: 'RunFast', insteadOf: ['Run Fast', 'Runfast', 'Run-Fast'], channels: all },
      { kind: 'avoid', avoid: ['guaranteed', 'cheapest in the world'], channels: all, severity: 'warning' },
      { kind: 'require', require: 'Unsubscribe', channels: ['newsletter'] },
    ]);
    expect(spec.rules).toEqual({ minSimilarity: 0.75, failOn: 'error', crossChannel: true });
  });

  it('validates against the published schema directly', () => {
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    expect(validate(parse(readFileSync(fixture('example.yaml'), 'utf8'), { version: '1.2' }))).toBe(true);
    expect(validate.errors).toBeNull();
  });
});

describe('defaults', () => {
  let spec: Spec;
  it('loads the short-form fixture', async () => {
    spec = await loadSpec(fixture('defaults.yaml'), 'defaults.yaml');
    expect(spec.language).toBe('en');
    expect(spec.rules).toEqual({ minSimilarity: 0.7, failOn: 'error', crossChannel: true });
  });

  it('gives sources the channel selector unless they name their own, and tells URLs from globs', () => {
    expect(spec.channels[0].sources.map(({ at: _at, ...rest }) => rest)).toEqual([
      { type: 'glob', pattern: 'pages/*.html', selector: '#copy' },
      { type: 'glob', pattern: 'pages/legal.html', selector: 'footer' },
      { type: 'url', url: 'HTTPS://shop.example/sale', selector: '#copy' },
      { type: 'url', url: 'https://shop.example/faq', selector: '#copy' },
    ]);
    expect(spec.channels[2].sources).toEqual([{ type: 'glob', pattern: 'social/posts.csv', column: 'Caption', at: { line: 21, column: 15 } }]);
  });

  it('takes limits from the platform (any case), from max_length, or none at all', () => {
    expect(spec.channels.map((c) => [c.name, c.language, c.platform, c.maxLength])).toEqual([
      ['shop', 'en', undefined, undefined],
      ['mail', 'de', undefined, undefined],
      ['posts', 'en', 'mastodon', 500],
      ['toots', 'en', 'pixelfed', 500],
      ['notes', 'en', undefined, undefined],
    ]);
  });

  it('requires messages everywhere unless listed (in spec order, once), at the rules threshold', () => {
    expect(spec.messages.map((m) => [m.id, m.channels, m.minSimilarity, m.aliases, m.translations, m.severity])).toEqual([
      ['sale', ['shop', 'mail', 'posts', 'toots', 'notes'], 0.7, [], {}, undefined],
      ['returns', ['shop', 'mail'], 0.6, [], {}, undefined],
    ]);
  });

  it('keeps numbers as written in the file and resolves required: all', () => {
    expect(spec.facts.map((f) => [f.id, f.value, f.required])).toEqual([
      ['price', '49.90', []],
      ['year', '2026', []],
      ['ends', '2026-04-30', ['shop', 'mail', 'posts', 'toots', 'notes']],
    ]);
  });

  it('turns a single avoided phrase into a list and applies terms everywhere by default', () => {
    expect(spec.terms).toEqual([
      { kind: 'avoid', avoid: ['cheap'], channels: ['shop', 'mail', 'posts', 'toots', 'notes'] },
      { kind: 'require', require: 'Imprint', channels: ['shop'], severity: 'info' },
    ]);
  });

  it('reads a file that starts with a byte order mark', async () => {
    expect((await loadSpec(fixture('bom.yaml'))).campaign).toBe('Byte order mark');
  });

  it('loads the project example of the README', async () => {
    const spec = await loadSpec('fixtures/example/storefront.yaml');
    expect(spec.channels.map((c) => c.name)).toEqual(['site', 'newsletter', 'x', 'instagram']);
    expect(spec.channels[3].maxLength).toBe(2200);
  });
});

// A valid spec that the invalid cases below break one thing of; its 13 lines come first.
const BASE = `version: 1
campaign: Spring
channels:
  site:
    kind: web
    sources: [site/*.html]
  news:
    kind: email
    sources: [email/*.eml]
  x:
    kind: social
    platform: x
    sources: [social/x.json]
`;

const INVALID: Array<[string, string, string]> = [
  ['YAML syntax error', 'version: 1\ncampaign: [unclosed\nchannels: {}\n', 'spec.yaml:3:1: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]'],
  ['unclosed quote', 'version: 1\ncampaign: "unclosed\nchannels: {}\n', 'spec.yaml:4:1: invalid YAML: missing closing "quote'],
  ['tab indentation', readFileSync(fixture('tab-indent.yaml'), 'utf8'), 'spec.yaml:5:1: invalid YAML: tabs are not allowed as indentation; indent with spaces'],
  ['an unquoted colon in a value', 'version: 1\ncampaign: Sale: 30% off\n', 'spec.yaml:2:11: invalid YAML: nested mappings are not allowed in compact mappings (quote a value that contains ": ")'],
  ['two documents', `${BASE}---\nversion: 1\n`, 'spec.yaml:14:1: invalid YAML: a spec is one YAML document, found a second "---"'],
  ['an alias without anchor', `${BASE}messages: *nope\n`, 'spec.yaml:14:11: invalid YAML: unresolved alias (the anchor must be set before the alias): nope'],
  ['duplicate top-level key', `${BASE}campaign: Other\n`, 'spec.yaml:14:1: duplicate key "campaign" (first at line 2)'],
  ['duplicate key in a channel', BASE.replace('    kind: email\n', '    kind: email\n    kind: web\n'), 'spec.yaml:9:5: channels.news: duplicate key "kind" (first at line 8)'],
  ['unknown top-level key', `${BASE}exception: []\n`, 'spec.yaml:14:1: unknown key "exception" (expected one of version, campaign, language, channels, messages, facts, terms, exceptions, rules); did you mean "exceptions"?'],
  [
    'unknown key in a channel',
    BASE.replace('    sources: [site/*.html]', '    sourcs: [site/*.html]'),
    'spec.yaml:6:5: channels.site: unknown key "sourcs" (expected one of kind, sources, language, platform, max_length, selector); did you mean "sources"?',
  ],
  [
    'misspelled required key of a message',
    `${BASE}messages:\n  - id: a\n    txt: Hello\n`,
    'spec.yaml:16:5: messages[0]: unknown key "txt" (expected one of id, text, aliases, channels, severity, min_similarity, translations, examples); did you mean "text"?',
  ],
  ['wrong kind', BASE.replace('kind: web', 'kind: blog'), 'spec.yaml:5:11: channels.site.kind: expected one of web, email, social, got "blog"'],
  ['max_length not an integer', BASE.replace('    platform: x\n', '    platform: x\n    max_length: 280.5\n'), 'spec.yaml:13:17: channels.x.max_length: expected a positive integer, got 280.5'],
  ['max_length zero', BASE.replace('    platform: x\n', '    platform: x\n    max_length: 0\n'), 'spec.yaml:13:17: channels.x.max_length: expected a positive integer, got 0'],
  ['min_similarity above 1', `${BASE}messages:\n  - id: a\n    text: Hello\n    min_similarity: 1.5\n`, 'spec.yaml:17:21: messages[0].min_similarity: expected a number from 0 to 1, got 1.5'],
  ['severity "fatal"', `${BASE}messages:\n  - id: a\n    text: Hello\n    severity: fatal\n`, 'spec.yaml:17:15: messages[0].severity: expected one of error, warning, info, got "fatal"'],
  ['fail_on "fatal"', `${BASE}rules:\n  fail_on: fatal\n`, 'spec.yaml:15:12: rules.fail_on: expected one of error, warning, info, never, got "fatal"'],
  ['a YAML 1.1 boolean', `${BASE}rules:\n  cross_channel: yes\n`, 'spec.yaml:15:18: rules.cross_channel: expected true or false, got "yes"'],
  ['missing campaign', BASE.replace('campaign: Spring\n', ''), 'spec.yaml:1:1: missing required key "campaign"'],
  ['empty campaign', BASE.replace('campaign: Spring', 'campaign:'), 'spec.yaml:2:10: campaign: expected a non-empty string, got nothing'],
  ['missing channels', 'version: 1\ncampaign: Spring\n', 'spec.yaml:1:1: missing required key "channels"'],
  ['no channels', 'version: 1\ncampaign: Spring\nchannels: {}\n', 'spec.yaml:3:11: channels: expected at least one entry, got an empty mapping'],
  ['empty sources', BASE.replace('sources: [site/*.html]', 'sources: []'), 'spec.yaml:6:14: channels.site.sources: expected at least one entry, got an empty list'],
  [
    'a source that is a number',
    BASE.replace('sources: [site/*.html]', 'sources: [42]'),
    'spec.yaml:6:15: channels.site.sources[0]: expected a file glob, an http(s) URL, or one of { file }, { url }, { sitemap }, { mastodon }, { bluesky }, { x } with options, got 42',
  ],
  ['a source with file and url', BASE.replace('sources: [site/*.html]', 'sources:\n      - { file: a.html, url: "https://a.example" }'), 'spec.yaml:7:25: channels.site.sources[0]: "file" and "url" cannot be combined: a source is exactly one of a file glob, a URL, a sitemap or a social account'],
  ['a source with neither file nor url', BASE.replace('sources: [site/*.html]', 'sources: [{ selector: main }]'), 'spec.yaml:6:15: channels.site.sources[0]: missing required key: one of "file", "url", "sitemap", "mastodon", "bluesky", "x"'],
  ['a non-http URL', BASE.replace('sources: [site/*.html]', 'sources: [{ url: "ftp://a.example" }]'), 'spec.yaml:6:22: channels.site.sources[0].url: expected an http(s) URL, got "ftp://a.example"'],
  ['a language that is not a tag', BASE.replace('campaign: Spring', 'campaign: Spring\nlanguage: English'), 'spec.yaml:3:11: language: expected a language tag such as en, pl or pt-BR, or auto, got "English"'],
  ['a translation keyed by a name', `${BASE}messages:\n  - id: a\n    text: Hello\n    translations:\n      polish: Cześć\n`, 'spec.yaml:18:7: messages[0].translations: expected a language tag such as en, pl or pt-BR, or auto, got "polish"'],
  ['channels given as one name', `${BASE}messages:\n  - id: a\n    text: Hello\n    channels: site\n`, 'spec.yaml:17:15: messages[0].channels: expected "all" or a list of channel names, got "site"'],
  ['term with both use and avoid', `${BASE}terms:\n  - use: RunFast\n    instead_of: [Run Fast]\n    avoid: cheap\n`, 'spec.yaml:17:5: terms[0]: "use" and "avoid" cannot be combined: a term is exactly one of use, avoid or require'],
  ['term with none of use, avoid, require', `${BASE}terms:\n  - channels: all\n    severity: info\n`, 'spec.yaml:15:5: terms[0]: missing required key: one of "use", "avoid", "require"'],
  ['term with avoid and require', `${BASE}terms:\n  - avoid: cheap\n    require: Unsubscribe\n`, 'spec.yaml:16:5: terms[0]: "avoid" and "require" cannot be combined: a term is exactly one of use, avoid or require'],
  ['use without instead_of', `${BASE}terms:\n  - use: RunFast\n`, 'spec.yaml:15:5: terms[0]: missing key "instead_of", which "use" needs'],
  ['an empty avoided phrase', `${BASE}terms:\n  - avoid: ["", cheap]\n`, 'spec.yaml:15:13: terms[0].avoid[0]: expected a non-empty string, got ""'],
  ['undefined channel reference', `${BASE}messages:\n  - id: a\n    text: Hello\n    channels: [site, nesw]\n`, 'spec.yaml:17:22: messages[0].channels[1]: unknown channel "nesw" (the spec defines site, news, x); did you mean "news"?'],
  ['undefined channel in facts[].required', `${BASE}facts:\n  - id: c\n    type: code\n    value: SPRING30\n    required: [tiktok]\n`, 'spec.yaml:18:16: facts[0].required[0]: unknown channel "tiktok" (the spec defines site, news, x)'],
  ['"all" inside a list', `${BASE}terms:\n  - require: Unsubscribe\n    channels: [news, all]\n`, 'spec.yaml:16:22: terms[0].channels[1]: "all" stands alone: write channels: all, not a list'],
  ['duplicate message id', `${BASE}messages:\n  - id: a\n    text: Hello\n  - id: a\n    text: Bye\n`, 'spec.yaml:17:9: messages[1].id: duplicate message id "a" (first at line 15)'],
  ['duplicate fact id', `${BASE}facts:\n  - id: c\n    type: code\n    value: A\n  - id: c\n    type: code\n    value: B\n`, 'spec.yaml:18:9: facts[1].id: duplicate fact id "c" (first at line 15)'],
  [
    'unknown platform without max_length',
    BASE.replace('platform: x', 'platform: tiktok'),
    'spec.yaml:12:15: channels.x.platform: unknown platform "tiktok": give max_length (known platforms: x, twitter, bluesky, mastodon, threads, linkedin, instagram, facebook)',
  ],
  ['platform on a web channel', BASE.replace('    kind: web\n', '    kind: web\n    platform: x\n'), 'spec.yaml:6:5: channels.site: platform applies to social channels only (this channel is web)'],
  ['max_length on an email channel', BASE.replace('    kind: email\n', '    kind: email\n    max_length: 500\n'), 'spec.yaml:9:5: channels.news: max_length applies to social channels only (this channel is email)'],
  ['version 2', BASE.replace('version: 1', 'version: 2'), 'spec.yaml:1:10: version: unsupported spec version 2 (this storefront reads version 1)'],
  ['fact value a list', `${BASE}facts:\n  - id: price\n    type: money\n    value: [49.99, USD]\n`, 'spec.yaml:17:12: facts[0].value: expected a string or a number, got a list'],
  ['a list instead of a mapping', '- version: 1\n', 'spec.yaml:1:1: expected a mapping with version, campaign and channels, got a list'],
  ['empty file', '', 'spec.yaml: empty spec (expected version, campaign and channels)'],
  ['only comments', '# to do\n', 'spec.yaml: empty spec (expected version, campaign and channels)'],
];

describe('invalid specs', () => {
  it.each(INVALID)('%s', (_name, text, message) => {
    const error = specError(() => parseSpec(text, '/campaign/storefront.yaml', 'spec.yaml'));
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('the base of the table is itself valid', () => {
    expect(parseSpec(BASE, '/campaign/storefront.yaml').channels).toHaveLength(3);
  });

  it('keeps line, column and path as fields', () => {
    const error = specError(() => parseSpec(BASE.replace('kind: web', 'kind: blog'), '/campaign/storefront.yaml', 'spec.yaml'));
    expect([error.file, error.line, error.column, error.path]).toEqual(['spec.yaml', 5, 11, 'channels.site.kind']);
    expect(error.reason).toBe('expected one of web, email, social, got "blog"');
  });

  it('counts lines in a file with Windows line endings', async () => {
    await expect(loadSpec(fixture('crlf-unknown-key.yaml'), 'crlf.yaml')).rejects.toThrow(
      'crlf.yaml:7:5: channels.site: unknown key "colour" (expected one of kind, sources, language, platform, max_length, selector)',
    );
  });

  it('refuses an alias bomb without expanding it', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e'].entries()) rows.push(`${name}: &${name} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`);
    const error = specError(() => parseSpec(rows.join('\n'), 'spec.yaml'));
    expect(error.message).toBe('spec.yaml: invalid YAML: excessive alias count indicates a resource exhaustion attack');
  });

  it('names a missing file, and a folder, without a line', async () => {
    await expect(loadSpec(fixture('nope.yaml'), 'nope.yaml')).rejects.toThrow(new SpecError('nope.yaml', undefined, undefined, '', 'spec file not found'));
    const error = await loadSpec(fixture(''), 'spec/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toBe('spec/: is a folder, expected a spec file');
  });

  it('accepts an unknown platform when max_length is given', () => {
    const spec = parseSpec(BASE.replace('platform: x', 'platform: tiktok\n    max_length: 2200'), 'spec.yaml');
    expect(spec.channels[2]).toMatchObject({ platform: 'tiktok', maxLength: 2200 });
  });
});

describe('the published schema', () => {
  type Node = Record<string, unknown>;
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Node;

  it('compiles in ajv strict mode', () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
  });

  // Every object with properties, wherever it is nested, including definitions.
  function objectSchemas(node: unknown, at: string, out: Array<[string, Node]> = []): Array<[string, Node]> {
    if (Array.isArray(node)) node.forEach((item, i) => objectSchemas(item, `${at}/${i}`, out));
    else if (node && typeof node === 'object') {
      const obj = node as Node;
      if (obj.properties && typeof obj.properties === 'object' && at.split('/').pop() !== 'properties') out.push([at, obj]);
      for (const [key, value] of Object.entries(obj)) objectSchemas(value, `${at}/${key}`, out);
    }
    return out;
  }
  // Helper subschemas that only name keys (as in `required` lists) document nothing.
  const documented = objectSchemas(schema, '#').filter(([, s]) => !Object.values(s.properties as Node).every((p) => p === true));

  it('forbids unknown keys in every object', () => {
    expect(documented.length).toBeGreaterThan(6);
    for (const [at, s] of documented) expect([at, s.additionalProperties]).toEqual([at, false]);
  });

  it('describes every property', () => {
    const undocumented = documented.flatMap(([at, s]) =>
      Object.entries(s.properties as Node)
        .filter(([, p]) => {
          const prop = p as Node;
          if (prop.description) return false;
          // A $ref without its own description inherits the definition's.
          const ref = typeof prop.$ref === 'string' ? (schema.definitions as Record<string, Node>)[prop.$ref.split('/').pop() ?? ''] : undefined;
          return !ref?.description;
        })
        .map(([key]) => `${at}/${key}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('documents the defaults the loader applies', () => {
    const rules = (schema.properties as Record<string, Node>).rules.properties as Record<string, Node>;
    expect([rules.min_similarity.default, rules.fail_on.default, rules.cross_channel.default]).toEqual([0.75, 'error', true]);
    expect((schema.properties as Record<string, Node>).language.default).toBe('en');
  });
});

describe('hostile specs', () => {
  it('refuses one big anchor (20,000 items) repeated 999 times by its expanded size, at the alias, without expanding it', () => {
    const rows = [`${BASE}big: &big [${Array(20_000).fill('x').join(', ')}]`, 'many:'];
    for (let i = 0; i < 999; i++) rows.push('  - *big');
    const error = specError(() => parseSpec(rows.join('\n'), 'spec.yaml'));
    expect(error.message).toBe('spec.yaml:39:5: invalid YAML: aliases expand the spec beyond 1,000,000 nodes and characters');
  });

  it('names the encoding of a spec saved as UTF-16 or Latin-1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-encoding-'));
    const save = (name: string, bytes: Buffer) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const text = `${BASE}messages:\n  - id: m\n    text: "Caf\u00e9 sale"\n`;
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const noBom = Buffer.from(text, 'utf16le');
    const latin1 = Buffer.from(text, 'latin1');
    await expect(loadSpec(save('a.yaml', utf16le), 'a.yaml')).rejects.toThrow(new SpecError('a.yaml', undefined, undefined, '', 'the spec is UTF-16 (it starts with a byte order mark): save it as UTF-8'));
    await expect(loadSpec(save('b.yaml', noBom), 'b.yaml')).rejects.toThrow('b.yaml: the spec is UTF-16 (little-endian, no byte order mark): save it as UTF-8');
    await expect(loadSpec(save('c.yaml', latin1), 'c.yaml')).rejects.toThrow('c.yaml:16:15: the spec is not UTF-8 (byte 0xE9 here; Latin-1 or Windows-1252?): save it as UTF-8');
    // UTF-8, with or without its byte order mark, loads.
    expect((await loadSpec(save('d.yaml', Buffer.from(text, 'utf8')), 'd.yaml')).messages[0].text).toBe('Caf\u00e9 sale');
    expect((await loadSpec(save('e.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), 'e.yaml')).messages[0].text).toBe('Caf\u00e9 sale');
  });

  it('refuses a glob or include with too many wildcards in one segment, at its line', () => {
    const stars = `${'*a'.repeat(12)}*.html`;
    const file = specError(() => parseSpec(BASE.replace('sources: [site/*.html]', `sources: ["site/${stars}"]`), 'spec.yaml'));
    expect(file.message).toBe(`spec.yaml:6:15: channels.site.sources[0]: too many wildcards in "${stars}": at most 4 * or ? between two slashes`);
    const include = specError(() =>
      parseSpec(BASE.replace('sources: [site/*.html]', `sources:\n      - sitemap: site/sitemap.xml\n        include: ["/ok/**", "/${stars}"]`), 'spec.yaml'),
    );
    expect(include.message).toBe(`spec.yaml:8:29: channels.site.sources[0].include[1]: too many wildcards in "${stars}": at most 4 * or ? between two slashes`);
    // Ordinary globs pass: ** is depth, not a wildcard in a name.
    expect(() => parseSpec(BASE.replace('sources: [site/*.html]', 'sources: ["site/**/*-{en,pl}.*.html"]'), 'spec.yaml')).not.toThrow();
  });
});
