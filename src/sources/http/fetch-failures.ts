// What a failed request means: worth another attempt (Transient) or a SourceError with one line
// naming the cause, from the codes Node and undici attach to a failed fetch.
import { SourceError } from '../types.js';

/** A failure another attempt may cure. `afterMs`: the server asked for this wait; `attempts`: cap for this kind. */
export class Transient extends Error {
  constructor(
    message: string,
    readonly afterMs?: number,
    readonly attempts?: number,
  ) {
    super(message);
  }
}

interface NodeFailure {
  message?: string;
  cause?: { code?: string; message?: string };
}

/** The connection failed before a response: most causes are worth another attempt. */
export function networkFailure(error: unknown): Error {
  const { message, cause } = error as NodeFailure;
  switch (cause?.code) {
    case 'ERR_STOREFRONT_PRIVATE_ADDRESS':
      return new SourceError(cause.message ?? 'refused: a private address');
    case 'ECONNREFUSED':
      // Once, for a server that is restarting; a port nobody listens on stays refused.
      return new Transient('connection refused', undefined, 2);
    case 'ECONNRESET':
    case 'EPIPE':
      return new Transient('connection reset');
    case 'UND_ERR_SOCKET':
      return new Transient('connection closed by the server');
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new Transient('connection timed out');
    case 'EAI_AGAIN':
      return new Transient('host name lookup failed (temporary)');
    case 'ENOTFOUND':
      return new SourceError('host not found');
  }
  if (cause?.code && /CERT|SSL|TLS/.test(cause.code)) return new SourceError(`TLS error: ${cause.message ?? cause.code}`);
  return new SourceError(firstLine(cause?.message ?? message ?? 'network error'));
}

/** The body stopped arriving, or could not be decoded. */
export function bodyFailure(error: unknown, encoding: string | null): Error {
  const { message, cause } = error as NodeFailure;
  if (cause?.code?.startsWith('Z_') || /decompress|brotli|zlib/i.test(cause?.message ?? '')) {
    return new SourceError(`invalid ${encoding ?? 'compressed'} body: ${firstLine(cause?.message ?? cause?.code ?? 'cannot decode')}`);
  }
  if (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET' || message === 'terminated') {
    return new Transient('connection closed before the whole body arrived');
  }
  return new SourceError(`body not received: ${firstLine(cause?.message ?? message ?? 'error')}`);
}

const firstLine = (text: string) => text.split('\n')[0];
