// Fetching against servers this test starts on 127.0.0.1, including faulty ones.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource } from '../../src/sources/fetch.js';
import { readSource } from '../../src/sources/read.js';
import { SourceError } from '../../src/sources/types.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-2' });
        // "Darmowa dostawa" with ą/ł in ISO-8859-2.
        res.end(Buffer.from([...Buffer.from('<html><head><title>Wyprzeda'), 0xbf, ...Buffer.from('</title></head><body><p>Darmowa dostawa od 200 z'), 0xb3, ...Buffer.from('.</p></body></html>')]));
        return;
      case '/missing':
        res.writeHead(404).end('no');
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('<p>late</p>'), 2_000).unref();
        return;
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>' + 'x'.repeat(200_000) + '</p>');
        return;
      case '/truncated':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
        res.write('<p>half a page');
        setTimeout(() => res.destroy(), 20).unref();
        return;
      default:
        res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(path: string, options = {}): Promise<string> {
  try {
    await fetchSource(base + path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('fetchSource', () => {
  it('reads a page and decodes its charset from the header', async () => {
    const doc = await readSource({ id: `${base}/page`, url: `${base}/page`, channel: 'site', kind: 'web', language: 'pl' });
    expect('parts' in doc && doc.parts.map((p) => p.text)).toEqual(['Wyprzedaż', 'Darmowa dostawa od 200 zł.']);
  });

  it.each([
    ['/missing', {}, 'HTTP 404 Not Found'],
    ['/loop', {}, 'too many redirects'],
    ['/slow', { timeoutMs: 200 }, 'timed out after 200 ms'],
    ['/huge', { maxBytes: 50_000 }, 'too large: over 50000 bytes'],
    ['/error', {}, 'HTTP 500 Internal Server Error'],
  ])('turns %s into one line: %s', async (path, options, message) => {
    expect(await failure(path, options)).toBe(message);
  });

  it('reports a truncated body', async () => {
    expect(await failure('/truncated')).toMatch(/^body not received: /);
  });

  it('never fetches offline', async () => {
    const result = await readSource({ id: `${base}/page`, url: `${base}/page`, channel: 'site', kind: 'web', language: 'en' }, { offline: true });
    expect(result).toBeInstanceOf(SourceError);
    expect((result as SourceError).message).toBe('not fetched: --offline');
  });
});
