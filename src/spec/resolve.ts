// From schema-valid YAML data to the Spec the checks read: the checks a schema cannot
// express (references between items, unique ids, platforms), then every default applied.
import { didYouMean, type Segment, type SpecLocator } from './errors.js';
import { checkSelector, checkSelectors } from './selectors.js';
import { examplesOf, nearPositions, type RawExamples } from './spec-items.js';
import type { Channel, Exception, Fact, FailOn, FeedEntry, Message, Severity, SourceEntry, Spec, SpecPosition, Term } from './types.js';

/** Post length limits of the platforms storefront knows (SPEC.md §7 Lengths), lower case. */
export const PLATFORM_MAX_LENGTH: Readonly<Record<string, number>> = Object.freeze(
  // No prototype: a platform called "constructor" or "toString" must not look known.
  Object.assign(Object.create(null) as Record<string, number>, {
    x: 280,
    twitter: 280,
    bluesky: 300,
    mastodon: 500,
    threads: 500,
    linkedin: 3000,
    instagram: 2200,
    facebook: 63206,
  }),
);

export const DEFAULT_LANGUAGE = 'en';
export const DEFAULT_MIN_SIMILARITY = 0.75;

// The YAML data as the schema guarantees it, in the spec file's own key names.
type ChannelList = 'all' | string[];
interface RawSourceObject {
  file?: string;
  url?: string;
  sitemap?: string;
  mastodon?: string;
  bluesky?: string;
  x?: string;
  selector?: string;
  exclude?: string[];
  include?: string[];
  limit?: number;
  since?: string;
  base_url?: string;
  token_env?: string;
  language?: string;
  column?: string;
}
type RawSource = string | RawSourceObject;
interface RawException {
  rule: string;
  channel: string;
  subject?: string;
  source?: string;
  reason: string;
  expires?: string;
}
interface RawChannel {
  kind: Channel['kind'];
  sources: RawSource[];
  language?: string;
  platform?: string;
  max_length?: number;
  selector?: string;
}
interface RawMessage {
  examples?: RawExamples;
  id: string;
  text: string;
  aliases?: string[];
  channels?: ChannelList;
  severity?: Severity;
  min_similarity?: number;
  translations?: Record<string, string>;
}
interface RawFact {
  examples?: RawExamples;
  id: string;
  type: Fact['type'];
  value: string | number;
  near?: string[];
  required?: ChannelList;
  severity?: Severity;
}
interface RawTerm {
  examples?: RawExamples;
  use?: string;
  instead_of?: string[];
  case?: 'exact' | 'listed';
  avoid?: string | string[];
  require?: string;
  channels?: ChannelList;
  severity?: Severity;
}
export interface RawSpec {
  version: 1;
  campaign: string;
  language?: string;
  channels: Record<string, RawChannel>;
  messages?: RawMessage[];
  facts?: RawFact[];
  terms?: RawTerm[];
  exceptions?: RawException[];
  rules?: { min_similarity?: number; fail_on?: FailOn; cross_channel?: boolean };
}

export function resolveSpec(raw: RawSpec, file: string, at: SpecLocator): Spec {
  const language = raw.language ?? DEFAULT_LANGUAGE;
  const names = Object.keys(raw.channels);
  const minSimilarity = raw.rules?.min_similarity ?? DEFAULT_MIN_SIMILARITY;
  const channelsOf = channelListResolver(names, at);

  const channels = names.map((name) => resolveChannel(name, raw.channels[name], language, at));

  const messageIds = new UniqueIds('message', at);
  const messages: Message[] = (raw.messages ?? []).map((m, i) => {
    messageIds.add(m.id, ['messages', i, 'id']);
    return {
      id: m.id,
      text: m.text,
      aliases: m.aliases ?? [],
      channels: channelsOf(m.channels, ['messages', i, 'channels']) ?? [...names],
      ...(m.severity ? { severity: m.severity } : {}),
      minSimilarity: m.min_similarity ?? minSimilarity,
      translations: m.translations ?? {},
      ...examplesOf(m.examples, ['messages', i], at),
    };
  });

  const factIds = new UniqueIds('fact', at);
  const facts: Fact[] = (raw.facts ?? []).map((f, i) => {
    factIds.add(f.id, ['facts', i, 'id']);
    return {
      id: f.id,
      type: f.type,
      // A number is kept as written ("49.90", not 49.9): the spec's text is the truth.
      value: typeof f.value === 'number' ? (at.sourceText(['facts', i, 'value']) ?? String(f.value)) : f.value,
      near: f.near ?? [],
      ...nearPositions(at, i, f.near ?? []),
      required: channelsOf(f.required, ['facts', i, 'required']) ?? [],
      ...(f.severity ? { severity: f.severity } : {}),
      ...positioned(at, ['facts', i, 'value']),
      ...examplesOf(f.examples, ['facts', i], at),
    };
  });

  const terms: Term[] = (raw.terms ?? []).map((t, i) => {
    const shared = {
      channels: channelsOf(t.channels, ['terms', i, 'channels']) ?? [...names],
      ...(t.severity ? { severity: t.severity } : {}),
      ...examplesOf(t.examples, ['terms', i], at),
    };
    // The schema guarantees exactly one of use (with instead_of), avoid and require.
    if (t.use !== undefined) return { kind: 'use', use: t.use, insteadOf: t.instead_of ?? [], ...(t.case ? { case: t.case } : {}), ...shared };
    if (t.avoid !== undefined) return { kind: 'avoid', avoid: typeof t.avoid === 'string' ? [t.avoid] : t.avoid, ...shared };
    return { kind: 'require', require: t.require ?? '', ...shared };
  });

  return {
    version: 1,
    campaign: raw.campaign,
    language,
    file,
    channels,
    messages,
    facts,
    exceptions: resolveExceptions(raw.exceptions ?? [], names, at),
    terms,
    rules: {
      minSimilarity,
      failOn: raw.rules?.fail_on ?? 'error',
      crossChannel: raw.rules?.cross_channel ?? true,
    },
  };
}

function resolveChannel(name: string, raw: RawChannel, specLanguage: string, at: SpecLocator): Channel {
  const where = ['channels', name];
  if (raw.kind !== 'social') {
    const misplaced = raw.platform !== undefined ? 'platform' : raw.max_length !== undefined ? 'max_length' : undefined;
    if (misplaced) throw at.error(where, `${misplaced} applies to social channels only (this channel is ${raw.kind})`, { key: misplaced });
  }
  // Platform names are identifiers: "X" and "LinkedIn" mean x and linkedin.
  const platform = raw.platform?.toLowerCase();
  if (platform !== undefined && PLATFORM_MAX_LENGTH[platform] === undefined && raw.max_length === undefined) {
    const known = Object.keys(PLATFORM_MAX_LENGTH);
    const near = didYouMean(platform, known);
    throw at.error([...where, 'platform'], `unknown platform "${raw.platform}": give max_length (known platforms: ${known.join(', ')})${near ? `; did you mean "${near}"?` : ''}`);
  }
  const maxLength = raw.max_length ?? (platform === undefined ? undefined : PLATFORM_MAX_LENGTH[platform]);
  if (raw.selector !== undefined) checkSelector(raw.selector, [...where, 'selector'], at);
  return {
    name,
    kind: raw.kind,
    language: raw.language ?? specLanguage,
    ...(platform !== undefined ? { platform } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
    sources: raw.sources.map((source, i) => {
      checkSelectors(source, [...where, 'sources', i], at);
      return resolveSource(source, raw.selector, at.position([...where, 'sources', i]));
    }),
  };
}

/** Posts read from a social account when the spec gives no limit. */
export const DEFAULT_FEED_LIMIT = 40;

function resolveSource(raw: RawSource, channelSelector: string | undefined, position: SourceEntry['at']): SourceEntry {
  const entry: RawSourceObject = typeof raw === 'string' ? (/^https?:\/\//i.test(raw) ? { url: raw } : { file: raw }) : raw;
  const selector = entry.selector ?? channelSelector;
  const options = {
    ...(selector !== undefined ? { selector } : {}),
    ...(entry.language !== undefined ? { language: entry.language } : {}),
    ...(position ? { at: position } : {}),
  };
  // For a sitemap `exclude` names pages (URL globs); for a page it names elements (CSS).
  if (entry.sitemap !== undefined) {
    return {
      type: 'sitemap',
      sitemap: entry.sitemap,
      include: entry.include ?? [],
      excludeUrls: entry.exclude ?? [],
      ...(entry.limit !== undefined ? { limit: entry.limit } : {}),
      ...options,
    };
  }
  const feed = feedOf(entry);
  if (feed) {
    return {
      type: 'feed',
      ...feed,
      limit: entry.limit ?? DEFAULT_FEED_LIMIT,
      ...(entry.since !== undefined ? { since: entry.since } : {}),
      ...(entry.base_url !== undefined ? { baseUrl: entry.base_url.replace(/\/+$/, '') } : {}),
      ...(entry.token_env !== undefined ? { tokenEnv: entry.token_env } : {}),
      ...options,
    };
  }
  const page = { ...options, ...(entry.exclude !== undefined ? { exclude: entry.exclude } : {}) };
  if (entry.url !== undefined) return { type: 'url', url: entry.url, ...page };
  return { type: 'glob', pattern: entry.file ?? '', ...(entry.column !== undefined ? { column: entry.column } : {}), ...page };
}

// Accounts are stored in one canonical spelling so ids in reports do not depend on an "@".
function feedOf(entry: RawSourceObject): Pick<FeedEntry, 'platform' | 'account'> | undefined {
  if (entry.mastodon !== undefined) return { platform: 'mastodon', account: `@${entry.mastodon.replace(/^@/, '')}` };
  if (entry.bluesky !== undefined) return { platform: 'bluesky', account: entry.bluesky.replace(/^@/, '') };
  if (entry.x !== undefined) return { platform: 'x', account: entry.x.replace(/^@/, '') };
  return undefined;
}

/** Resolves "all" / a list of names, refusing names the spec does not define. Absent: undefined. */
function channelListResolver(names: string[], at: SpecLocator) {
  const defined = new Set(names);
  return (list: ChannelList | undefined, where: Segment[]): string[] | undefined => {
    if (list === undefined) return undefined;
    if (list === 'all') return [...names];
    list.forEach((name, i) => {
      if (defined.has(name)) return;
      if (name === 'all') throw at.error([...where, i], `"all" stands alone: write ${String(where[where.length - 1])}: all, not a list`);
      throw at.error([...where, i], unknownChannel(name, names));
    });
    const wanted = new Set(list);
    return names.filter((n) => wanted.has(n));
  };
}

class UniqueIds {
  private readonly seen = new Map<string, number | undefined>();
  constructor(
    private readonly what: string,
    private readonly at: SpecLocator,
  ) {}

  add(id: string, where: Segment[]): void {
    if (this.seen.has(id)) {
      const firstLine = this.seen.get(id);
      throw this.at.error(where, `duplicate ${this.what} id "${id}"${firstLine ? ` (first at line ${firstLine})` : ''}`);
    }
    this.seen.set(id, this.at.position(where)?.line);
  }
}

function resolveExceptions(raw: RawException[], channels: string[], at: SpecLocator): Exception[] {
  return raw.map((e, i) => {
    if (!channels.includes(e.channel)) {
      throw at.error(['exceptions', i, 'channel'], unknownChannel(e.channel, channels));
    }
    if (e.expires !== undefined && !isRealDate(e.expires)) {
      throw at.error(['exceptions', i, 'expires'], `expected a real date such as 2026-12-31, got "${e.expires}"`);
    }
    return {
      rule: e.rule,
      channel: e.channel,
      ...(e.subject !== undefined ? { subject: e.subject } : {}),
      ...(e.source !== undefined ? { source: e.source } : {}),
      reason: e.reason,
      ...(e.expires !== undefined ? { expires: e.expires } : {}),
      ...positioned(at, ['exceptions', i]),
    };
  });
}

function unknownChannel(name: string, names: string[]): string {
  const near = didYouMean(name, names);
  return `unknown channel "${name}" (the spec defines ${names.join(', ')})${near ? `; did you mean "${near}"?` : ''}`;
}

// The schema checks the shape; the calendar checks the day (2027-02-30 is not one).
function isRealDate(iso: string): boolean {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso;
}

/** `{ at }` where the spec says where an item was written, else nothing. */
function positioned(at: SpecLocator, where: Segment[]): { at?: SpecPosition } {
  const position = at.position(where);
  return position ? { at: position } : {};
}
