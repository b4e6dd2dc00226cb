import type { ChannelKind, Part } from '../documents/types.js';

/** What a reader gets: the bytes of one source and what the spec says about it. */
export interface SourceInput {
  /** Source id: path relative to the spec's folder, or the URL. */
  id: string;
  /** File name or URL path, used to pick the reader by extension. */
  name: string;
  bytes: Uint8Array;
  kind: ChannelKind;
  /** Content-Type when fetched. */
  contentType?: string;
  /** CSS selector scoping web body copy (page metadata is still read). */
  selector?: string;
  /** CSS selectors whose elements are not copy (nav, footer, cookie banners). */
  exclude?: string[];
  /** CSV column holding the post text. */
  column?: string;
}

/** What a reader of many units (an mbox) returns when some units could not be read. */
export interface ReadResult {
  parts: Part[];
  /** One per unreadable unit: reported as source errors while the rest is checked. */
  problems: SourceError[];
}

/** A reader turns bytes into parts, or throws a SourceError with a one-line reason. */
export type Reader = (input: SourceInput) => Promise<Part[] | ReadResult> | Part[] | ReadResult;

/** A source that cannot be read: becomes a `source-error` finding, never stops the run. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** One HTTP response body, decoded from gzip/brotli, with what readers need to decode text. */
export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Served from the on-disk cache (fresh, revalidated, or --offline). */
  fromCache: boolean;
}

export interface FetchInit {
  /** Extra request headers, e.g. authorization for an API (never cached, never logged). */
  headers?: Record<string, string>;
  accept?: string;
}

/**
 * Fetches http(s) URLs for every source of a run: one shared concurrency limit, retries,
 * cache. Every failure is a SourceError with a one-line reason naming the cause.
 */
export interface Fetcher {
  fetch(url: string, init?: FetchInit): Promise<Fetched>;
}
