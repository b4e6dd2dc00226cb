// Shared by the feed readers: one JSON GET through the run's fetcher, and errors that name the
// platform and what was expected, so a source-error reads "mastodon: account … not found"
// rather than a bare "HTTP 404".
import type { Fetcher } from '../types.js';
import { SourceError } from '../types.js';

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** What a failed request's status was, when the fetcher said (`status`) or wrote it ("HTTP 404"). */
export function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof SourceError)) return undefined;
  const status = (error as SourceError & { status?: unknown }).status;
  if (typeof status === 'number') return status;
  const match = /\bHTTP (\d{3})\b/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/**
 * GETs a JSON document. `explain` may turn a failed request into a clearer reason (return
 * undefined to keep the fetcher's own); every failure is prefixed with the platform name.
 */
export async function getJson(
  fetcher: Fetcher,
  platform: string,
  url: string,
  options: { headers?: Record<string, string>; explain?: (status: number | undefined) => string | undefined } = {},
): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    ({ bytes } = await fetcher.fetch(url, { accept: 'application/json', ...(options.headers ? { headers: options.headers } : {}) }));
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    const reason = options.explain?.(httpStatusOf(error));
    throw new SourceError(`${platform}: ${reason ?? error.message}`);
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new SourceError(`${platform}: the API answered with something that is not JSON (${new URL(url).pathname})`);
  }
}

/** A SourceError naming the platform and the shape the API was expected to answer with. */
export const unexpected = (platform: string, expected: string): SourceError => new SourceError(`${platform}: expected ${expected}`);
