// The "single storefront" spec, after loading and validation, with defaults applied.
import type { ChannelKind } from '../documents/types.js';
import type { ValueType } from '../normalize/values/types.js';

export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'never';

/** Where a spec item was written, so findings about the spec itself can point at it. */
export interface SpecPosition {
  line: number;
  column: number;
}

/** Options every source form may carry. */
export interface SourceOptions {
  /** CSS selector scoping web body copy (page metadata is still read). */
  selector?: string;
  /** CSS selectors whose elements are not copy (nav, footer, cookie banners). */
  exclude?: string[];
  /** Overrides the channel's language; "auto" detects it from the copy. */
  language?: string;
  at?: SpecPosition;
}

/** A public social account read through its platform's API (no scraping). */
export interface FeedEntry extends SourceOptions {
  type: 'feed';
  platform: 'mastodon' | 'bluesky' | 'x';
  /** "@name@instance" (mastodon), a handle (bluesky), a username without @ (x). */
  account: string;
  /** Most recent posts to read. */
  limit: number;
  /** ISO date (YYYY-MM-DD) or timestamp: older posts are not read. */
  since?: string;
  /** API root, for self-hosted instances and tests (default: the platform's public API). */
  baseUrl?: string;
  /** x only: name of the environment variable holding the bearer token (never printed). */
  tokenEnv?: string;
}

/** A sitemap (URL or file) expanded into the pages it lists. */
export interface SitemapEntry extends SourceOptions {
  type: 'sitemap';
  sitemap: string;
  /** URL globs (picomatch, matched against the URL without scheme): keep only these. */
  include: string[];
  /** URL globs to drop. */
  excludeUrls: string[];
  limit?: number;
}

export type SourceEntry =
  | ({ type: 'url'; url: string } & SourceOptions)
  | ({ type: 'glob'; pattern: string; column?: string } & SourceOptions)
  | SitemapEntry
  | FeedEntry;

export interface Channel {
  name: string;
  kind: ChannelKind;
  language: string;
  platform?: string;
  /** Post length limit: explicit max_length, else the platform's default; social only. */
  maxLength?: number;
  sources: SourceEntry[];
}

/** A piece of copy a message, fact or term must (match) or must not (no_match) be recognised in. */
export interface SpecExample {
  text: string;
  expect: 'match' | 'no_match';
  /** e.g. messages[0].examples.match[1], for the error about it. */
  path: string;
  at?: SpecPosition;
}

export interface Message {
  id: string;
  text: string;
  aliases: string[];
  /** Channel names this message is required in (resolved from "all"). */
  channels: string[];
  severity?: Severity;
  minSimilarity: number;
  /** language tag -> wording */
  translations: Record<string, string>;
  examples?: SpecExample[];
}

export interface Fact {
  id: string;
  type: ValueType | 'text';
  /** As written in the spec, e.g. "49.99 USD", 30, "2026-04-30". */
  value: string;
  near: string[];
  /** Where each near word is written, for a warning about it. */
  nearAt?: SpecPosition[];
  /** Channels that must state it. */
  required: string[];
  severity?: Severity;
  /** Where the value is written, for an error about it. */
  at?: SpecPosition;
  examples?: SpecExample[];
}

export type Term = (
  | {
      kind: 'use';
      use: string;
      insteadOf: string[];
      /**
       * `exact`: every other casing of `use` is a variant too, listed or not; `listed`: only
       * the listed spellings. Absent: `exact` when `insteadOf` lists only other casings of it.
       */
      case?: 'exact' | 'listed';
      channels: string[];
      severity?: Severity;
    }
  | { kind: 'avoid'; avoid: string[]; channels: string[]; severity?: Severity }
  | { kind: 'require'; require: string; channels: string[]; severity?: Severity }
) & { examples?: SpecExample[] };

/** An accepted, known drift: its findings are reported as suppressed info, never failing. */
export interface Exception {
  rule: string;
  channel: string;
  /** The finding's subject (message/fact id, term, post id); absent: any subject. */
  subject?: string;
  /** Source id (path or URL); absent: any source of the channel. */
  source?: string;
  reason: string;
  /** ISO date after which the exception no longer applies. */
  expires?: string;
  at?: SpecPosition;
}

export interface Rules {
  minSimilarity: number;
  failOn: FailOn;
  crossChannel: boolean;
}

export interface Spec {
  version: 1;
  campaign: string;
  language: string;
  /** Absolute path of the spec file; its folder anchors relative source paths. */
  file: string;
  /** Channels in spec order. */
  channels: Channel[];
  messages: Message[];
  facts: Fact[];
  terms: Term[];
  exceptions: Exception[];
  rules: Rules;
  /** What loads but cannot work as written (spec/warnings.ts); absent: none found. */
  warnings?: import('./warnings.js').SpecWarning[];
}
