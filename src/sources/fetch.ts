// Fetches an http(s) source with a timeout and a size cap. Every failure is a one-line
// SourceError; nothing here throws anything else.
import { SourceError } from './types.js';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
  url: string;
}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, userAgent: 'storefront (campaign copy checker)' };

export async function fetchSource(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const { timeoutMs, maxBytes, userAgent } = { ...DEFAULTS, ...options };
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5' },
    });
  } catch (error) {
    throw new SourceError(describeNetworkError(error, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError(`too large: ${declared} bytes (limit ${maxBytes})`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new SourceError(`too large: over ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`body not received: ${describeNetworkError(error, timeoutMs)}`);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type') ?? undefined, url: response.url };
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  if (err.cause?.message?.includes('redirect')) return 'too many redirects';
  if (err.message?.includes('redirect')) return 'too many redirects';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? 'network error';
}
