// A loopback HTTP server that misbehaves on request, for tests of everything that fetches.
//
//   const server = await startFaultServer({ root: 'some/folder' });   // or start(); root: optional
//   await fetcher.fetch(`${server.url}/status/404`);
//   server.hits('/flaky/a');        // requests so far to that path (query ignored)
//   server.lastHeaders('/echo');    // request headers of the last request to it
//   server.peakInFlight();          // most requests open at once (concurrency tests)
//   await server.close();
//
// Routes (paths take their parameters from the query string; a /name/<id> suffix gives a
// route its own counter, so tests do not share state):
//   /page?title=&text=            200 text/html page; with etag=1 / modified=1 it sends validators
//                                  and answers If-None-Match / If-Modified-Since with 304
//   /status/<code>                that status, empty-ish body
//   /flaky/<id>?fail=N&code=500   the first N requests get `code`, then a page
//   /rate-limited/<id>?after=1&date=1  first request 429 with Retry-After (seconds, or an
//                                  HTTP-date with date=1), then a page
//   /slow-headers?ms=N            headers after N ms
//   /slow-body?ms=N               headers and half the body, the rest after N ms
//   /truncated                    Content-Length 1000, 15 bytes sent, socket destroyed
//   /reset/<id>?times=N           the first N requests have their socket reset, then a page
//   /loop/a, /loop/b              a -> b -> a
//   /chain/<n>                    n relative redirects (/chain/n -> /chain/n-1 ... /chain/0 page)
//   /redirect?to=URL&code=302     one redirect to `to`
//   /huge?bytes=N&declare=1       N bytes of HTML streamed in 64 KiB chunks (declare=1 sends Content-Length)
//   /png                          a PNG image
//   /gzip, /deflate, /br          a page compressed so; /gzip-invalid claims gzip, is not
//   /windows-1250/header          Polish page in windows-1250, charset only in the header
//   /iso-8859-2/meta              Polish page in iso-8859-2, charset only in <meta charset>
//   /echo                         the request headers as JSON
//   /static/<path>                a file under `root` (content type from the extension)
//   /tarpit?every=ms              200 text/html, then one byte every `every` ms (default 2000), never ending
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

export interface FaultServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  close(): Promise<void>;
  hits(path: string): number;
  lastHeaders(path: string): IncomingMessage['headers'] | undefined;
  peakInFlight(): number;
}

export interface FaultServerOptions {
  /** Folder served under /static/. */
  root?: string;
}

/** The sentence the windows-1250 and iso-8859-2 pages carry: every Polish letter, lower case. */
export const POLISH_TEXT = 'Zażółć gęślą jaźń: wyprzedaż -30% na buty do biegania';

const TYPES: Record<string, string> = {
  // No charset: a saved page says its own in <meta>, and a wrong header would override it.
  '.html': 'text/html',
  '.htm': 'text/html',
  '.eml': 'message/rfc822',
  '.mjml': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3c1a40000000049454e44ae426082', 'hex');

export function page(title: string, text: string, head = ''): string {
  return `<!doctype html><html><head>${head}<title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const hits = new Map<string, number>();
  const headers = new Map<string, IncomingMessage['headers']>();
  let inFlight = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const count = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, count);
    headers.set(url.pathname, req.headers);
    peak = Math.max(peak, ++inFlight);
    res.on('close', () => inFlight--);
    Promise.resolve(route(req, res, url, count, options)).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500).end(error.message);
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (p) => hits.get(p) ?? 0,
    lastHeaders: (p) => headers.get(p),
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The same, under the short name other test files may expect. */
export const start = (options?: FaultServerOptions) => startFaultServer(options);

function html(res: ServerResponse, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra }).end(body);
}

async function route(req: IncomingMessage, res: ServerResponse, url: URL, count: number, options: FaultServerOptions): Promise<void> {
  const q = (name: string) => url.searchParams.get(name);
  const [, first = '', ...rest] = url.pathname.split('/');
  const tail = rest.join('/');
  switch (first) {
    case 'page':
      return servePage(req, res, q('title') ?? 'Spring Sale', q('text') ?? 'Free shipping on orders over $50.', q('etag') === '1', q('modified') === '1');
    case 'status': {
      const code = Number(tail) || 500;
      res.writeHead(code, { 'content-type': 'text/plain' }).end(`status ${code}`);
      return;
    }
    case 'flaky':
      if (count <= Number(q('fail') ?? 1)) return void res.writeHead(Number(q('code') ?? 500), { 'content-type': 'text/plain' }).end('try again');
      return html(res, page('Recovered', `after ${count - 1} failures`));
    case 'rate-limited': {
      if (count > 1) return html(res, page('Allowed', 'Thank you for waiting.'));
      const seconds = Number(q('after') ?? 1);
      const retryAfter = q('date') === '1' ? new Date(Date.now() + seconds * 1000).toUTCString() : String(seconds);
      res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'text/plain' }).end('slow down');
      return;
    }
    case 'slow-headers':
      await delay(Number(q('ms') ?? 1000), res);
      return html(res, page('Late', 'Finally.'));
    case 'slow-body':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<html><body><p>first half');
      await delay(Number(q('ms') ?? 1000), res);
      res.end(' second half</p></body></html>');
      return;
    case 'truncated':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<p>half a page');
      setTimeout(() => res.destroy(), 20).unref();
      return;
    case 'reset':
      if (count <= Number(q('times') ?? 1)) return void req.socket.resetAndDestroy();
      return html(res, page('Reconnected', `after ${count - 1} resets`));
    case 'loop':
      return void res.writeHead(302, { location: tail === 'a' ? '/loop/b' : '/loop/a' }).end();
    case 'chain': {
      const n = Number(tail);
      if (n > 0) return void res.writeHead(301, { location: String(n - 1) }).end();
      return html(res, page('End of the chain', 'You made it.'));
    }
    case 'redirect':
      return void res.writeHead(Number(q('code') ?? 302), { location: q('to') ?? '/page' }).end();
    case 'huge':
      return streamHuge(res, Number(q('bytes') ?? 20_000_000), q('declare') === '1');
    case 'png':
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    case 'gzip':
      return html(res, gzipSync(page('Gzipped', 'Compressed with gzip.')), { 'content-encoding': 'gzip' });
    case 'deflate':
      return html(res, deflateSync(page('Deflated', 'Compressed with deflate.')), { 'content-encoding': 'deflate' });
    case 'br':
      return html(res, brotliCompressSync(page('Brotli', 'Compressed with brotli.')), { 'content-encoding': 'br' });
    case 'gzip-invalid':
      return html(res, 'this is not gzip data at all', { 'content-encoding': 'gzip' });
    case 'windows-1250':
      return void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1250' }).end(encodeLegacy(page('Wyprzedaż', POLISH_TEXT), WINDOWS_1250));
    case 'iso-8859-2':
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(encodeLegacy(page('Wyprzedaż', POLISH_TEXT, '<meta charset="iso-8859-2">'), ISO_8859_2));
    case 'echo':
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
    case 'static':
      return serveStatic(res, options.root, decodeURIComponent(tail));
    case 'tarpit':
      return tarpit(res, Number(q('every') ?? 2000));
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
  }
}

/** A page whose validators are stable, so a client holding them is answered 304. */
function servePage(req: IncomingMessage, res: ServerResponse, title: string, text: string, etag: boolean, modified: boolean): void {
  const body = page(title, text);
  const validators: Record<string, string> = {};
  if (etag) validators.etag = `"${Buffer.from(body).toString('base64url').slice(-16)}"`;
  if (modified) validators['last-modified'] = 'Wed, 01 Apr 2026 08:00:00 GMT';
  const matches =
    (etag && req.headers['if-none-match'] === validators.etag) ||
    (!etag && modified && req.headers['if-modified-since'] === validators['last-modified']);
  if (matches) return void res.writeHead(304, validators).end();
  html(res, body, validators);
}

function streamHuge(res: ServerResponse, bytes: number, declare: boolean): void {
  res.writeHead(200, { 'content-type': 'text/html', ...(declare ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

async function serveStatic(res: ServerResponse, root: string | undefined, relative: string): Promise<void> {
  const file = root ? path.resolve(root, relative) : '';
  if (!root || !file.startsWith(path.resolve(root) + path.sep)) return void res.writeHead(404).end();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return void res.writeHead(404).end();
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' }).end(body);
}

/** A page that never ends: one byte at a time, slowly enough to hold a client that waits for it. */
function tarpit(res: ServerResponse, every: number): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<');
  const timer = setInterval(() => res.write('p'), every);
  res.on('close', () => clearInterval(timer));
}

function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on('close', () => clearTimeout(timer));
  });
}

// The Polish letters of the two legacy charsets (windows-1250 and ISO 8859-2 differ in ą, ś, ź).
const POLISH = 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ';
const WINDOWS_1250 = [0xb9, 0xe6, 0xea, 0xb3, 0xf1, 0xf3, 0x9c, 0x9f, 0xbf, 0xa5, 0xc6, 0xca, 0xa3, 0xd1, 0xd3, 0x8c, 0x8f, 0xaf];
const ISO_8859_2 = [0xb1, 0xe6, 0xea, 0xb3, 0xf1, 0xf3, 0xb6, 0xbc, 0xbf, 0xa1, 0xc6, 0xca, 0xa3, 0xd1, 0xd3, 0xa6, 0xac, 0xaf];

/** Node has no legacy encoders (TextEncoder is UTF-8 only), so map the few letters by hand. */
function encodeLegacy(text: string, table: number[]): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const i = POLISH.indexOf(ch);
      if (i >= 0) return table[i];
      if (ch.charCodeAt(0) > 0x7f) throw new Error(`no legacy byte for ${ch}`);
      return ch.charCodeAt(0);
    }),
  );
}
