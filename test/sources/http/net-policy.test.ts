// SSRF: a spec from a pull request must not make the runner fetch its own machine or network
// (localhost admin pages, cloud metadata at 169.254.169.254). Private addresses are refused by
// default, after DNS resolution and on every redirect hop; the person running the check may
// allow them. Every server here is on 127.0.0.1; no test connects anywhere else.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpec } from '../../../src/check.js';
import { createFetcher, type FetcherOptions } from '../../../src/sources/http/fetch.js';
import { addressKind, privateAllowed } from '../../../src/sources/http/net-policy.js';
import { SourceError } from '../../../src/sources/types.js';
import { makeSpec } from '../../helpers.js';
import { POLISH_TEXT, startFaultServer, type FaultServer } from '../../support/fault-server.js';

let server: FaultServer;
let port = 0;
beforeAll(async () => {
  server = await startFaultServer();
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

const failure = async (promise: Promise<unknown>): Promise<SourceError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
};
const fetcher = (options: FetcherOptions = {}) => createFetcher({ retries: 0, ...options });

describe('addressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 of 169.254.169.254
    ['2002:7f00:1::', 'loopback'], // 6to4 of 127.0.0.1
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700::1111', '64:ff9b::808:808', 'shop.example'])('%s is public (or not an address)', (address) => {
    expect(addressKind(address)).toBeUndefined();
  });

  it('allows all, named hosts only, or nothing', () => {
    expect(privateAllowed(true, 'anything')).toBe(true);
    expect(privateAllowed(['Staging.Internal', '[::1]'], 'staging.internal')).toBe(true);
    expect(privateAllowed(['staging.internal'], '::1')).toBe(false);
    expect(privateAllowed(undefined, 'localhost')).toBe(false);
  });
});

describe('the default fetcher refuses private addresses', () => {
  it('refuses 127.0.0.1 before connecting', async () => {
    const error = await failure(fetcher().fetch(`${server.url}/page/direct`));
    expect(error.message).toBe('refused: 127.0.0.1 is a loopback address (allow with --allow-private-network or STOREFRONT_ALLOW_PRIVATE_NETWORK=1)');
    expect(server.hits('/page/direct')).toBe(0);
  });

  it.each([
    [`http://[::1]:PORT/page/v6`, 'refused: [::1] is a loopback address'],
    [`http://[::ffff:127.0.0.1]:PORT/page/mapped`, 'refused: [::ffff:7f00:1] is an IPv4-mapped address'],
    [`http://2130706433:PORT/page/decimal`, 'refused: 127.0.0.1 is a loopback address'],
    [`http://0x7f.1:PORT/page/hex`, 'refused: 127.0.0.1 is a loopback address'],
  ])('refuses %s, however the address is written', async (url, reason) => {
    const error = await failure(fetcher().fetch(url.replace('PORT', String(port))));
    expect(error.message.startsWith(reason)).toBe(true);
  });

  it('refuses localhost by its name, before any lookup (a proxy would resolve it to its own loopback)', async () => {
    const error = await failure(fetcher().fetch(`http://localhost:${port}/page/localhost`));
    expect(error.message).toMatch(/^refused: localhost is a loopback address/);
    expect(server.hits('/page/localhost')).toBe(0);
  });

  it('refuses a host name that resolves to loopback, after the lookup', async () => {
    const resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const error = await failure(fetcher({ resolver }).fetch(`http://shop.test:${port}/page/resolved`));
    expect(error.message).toMatch(/^refused: shop\.test resolves to a loopback address/);
    expect(server.hits('/page/resolved')).toBe(0);
  });

  it('refuses a public-looking name whose DNS answer is private, and names no address', async () => {
    const resolver = async () => [{ address: '10.0.0.7', family: 4 }];
    const error = await failure(fetcher({ resolver }).fetch(`http://intranet.shop.test:${port}/page/dns`));
    expect(error.message).toBe('refused: intranet.shop.test resolves to a private address (allow with --allow-private-network or STOREFRONT_ALLOW_PRIVATE_NETWORK=1)');
    expect(error.message).not.toContain('10.0.0.7');
  });

  it('connects to the very address it checked (no second lookup to rebind)', async () => {
    // The name exists only in this resolver: the page can only have been reached through it.
    let lookups = 0;
    const resolver = async () => (lookups++, [{ address: '127.0.0.1', family: 4 }]);
    const fetched = await fetcher({ resolver, allowPrivateNetwork: ['staging.shop.test'] }).fetch(`http://staging.shop.test:${port}/page/rebind?title=Staging`);
    expect(Buffer.from(fetched.bytes).toString()).toContain('<title>Staging</title>');
    expect(lookups).toBe(1);
    // The same name, not allowed: the resolver's loopback answer is refused.
    expect((await failure(fetcher({ resolver }).fetch(`http://staging.shop.test:${port}/page/rebind`))).message).toMatch(/resolves to a loopback address/);
  });

  it('checks every redirect hop: an allowed host cannot redirect to a private one', async () => {
    const allowed = fetcher({ allowPrivateNetwork: ['localhost'] });
    const target = `${server.url}/page/after-redirect`;
    const error = await failure(allowed.fetch(`http://localhost:${port}/redirect/hop?to=${encodeURIComponent(target)}`));
    expect(error.message).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    expect(server.hits('/redirect/hop')).toBe(1);
    expect(server.hits('/page/after-redirect')).toBe(0);
  });

  it('refuses cloud metadata (169.254.169.254) before any connection, directly or by redirect', async () => {
    const asked: string[] = [];
    // Records what would have been requested; the real fetch only ever sees 127.0.0.1.
    const recording: typeof fetch = (input, init) => {
      asked.push(String(input));
      if (!String(input).startsWith(server.url)) throw new Error('a request left 127.0.0.1');
      return fetch(input, init);
    };
    const metadata = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
    const direct = await failure(fetcher({ fetchImpl: recording }).fetch(metadata));
    expect(direct.message).toMatch(/^refused: 169\.254\.169\.254 is a link-local address/);
    const redirected = await failure(fetcher({ fetchImpl: recording, allowPrivateNetwork: ['127.0.0.1'] }).fetch(`${server.url}/redirect/meta?to=${encodeURIComponent(metadata)}`));
    expect(redirected.message).toMatch(/^refused: 169\.254\.169\.254 is a link-local address/);
    expect(asked).toEqual([`${server.url}/redirect/meta?to=${encodeURIComponent(metadata)}`]);
  });

  it('fetches them when allowed, as --allow-private-network does', async () => {
    const fetched = await fetcher({ allowPrivateNetwork: true }).fetch(`http://localhost:${port}/page/allowed?title=Allowed`);
    expect(Buffer.from(fetched.bytes).toString()).toContain('<title>Allowed</title>');
  });
});

// A whole check run loads the language tools: slow on a loaded machine, so a generous timeout.
describe('a check run', { timeout: 60_000 }, () => {
  it('reports a private URL as a source-error that quotes none of its text, and reads it when allowed', async () => {
    // The page's text (not in its URL) is what an SSRF would quote.
    const url = `${server.url}/windows-1250/header`;
    const spec = makeSpec({ channels: [{ name: 'site', kind: 'web', sources: [{ type: 'url', url }] }], messages: [{ id: 'm', text: 'Spring Sale' }] });
    const refused = await checkSpec(spec);
    expect(refused.sources.map((s) => [s.status, s.error])).toEqual([['error', expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback address/)]]);
    expect(JSON.stringify(refused)).not.toContain(POLISH_TEXT.slice(0, 12));
    const allowed = await checkSpec(spec, { allowPrivateNetwork: true });
    expect(allowed.sources.map((s) => s.status)).toEqual(['ok']);
  });

  it('refuses the private pages a sitemap lists and a social account whose base_url is private', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-ssrf-'));
    const sitemap = path.join(dir, 'sitemap.xml');
    writeFileSync(sitemap, `<urlset><url><loc>${server.url}/page/listed</loc></url><url><loc>http://169.254.169.254/latest/</loc></url></urlset>`);
    const spec = makeSpec({
      channels: [
        { name: 'site', kind: 'web', sources: [{ type: 'sitemap', sitemap, include: [], excludeUrls: [] }] },
        { name: 'fedi', kind: 'social', platform: 'mastodon', maxLength: 500, sources: [{ type: 'feed', platform: 'mastodon', account: '@shop', limit: 5, baseUrl: server.url }] },
      ],
      messages: [{ id: 'm', text: 'Spring Sale' }],
    });
    const report = await checkSpec(spec);
    expect(report.sources.map((s) => s.error)).toEqual([
      expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback address/),
      expect.stringMatching(/^refused: 169\.254\.169\.254 is a link-local address/),
      expect.stringMatching(/^mastodon: refused: 127\.0\.0\.1 is a loopback address/),
    ]);
    expect(server.hits('/page/listed') + server.hits('/api/v1/accounts/lookup')).toBe(0);
  });

  it('never reads a non-HTML answer to a web source as copy', async () => {
    const json = `${server.url}/echo`; // application/json
    const plain = `${server.url}/status/200`; // text/plain
    const spec = makeSpec({
      channels: [{ name: 'site', kind: 'web', sources: [{ type: 'url', url: json }, { type: 'url', url: plain }] }],
      messages: [{ id: 'm', text: 'Spring Sale' }],
    });
    const report = await checkSpec(spec, { allowPrivateNetwork: true });
    expect(report.sources.map((s) => s.error)).toEqual(['not HTML (content-type application/json)', 'not HTML (content-type text/plain)']);
  });
});

/** A forward proxy on 127.0.0.1 that tunnels CONNECT requests, mapping `*.test` names to the fault server. */
async function startProxy(): Promise<{ url: string; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = [];
  const proxy: Server = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client) => {
    connects.push(req.url ?? '');
    const [host, targetPort] = (req.url ?? '').split(':');
    // The proxy resolves names, not the client: here every .test name is the fault server.
    const upstream = connect(Number(targetPort), host.endsWith('.test') ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

describe('behind a proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY)', () => {
  it('sends requests through the proxy, which resolves the names; the proxy itself may be private', async () => {
    const proxy = await startProxy();
    try {
      // Not resolvable here: only the proxy knows the name, as on a corporate network.
      const fetched = await fetcher({ env: { HTTP_PROXY: proxy.url } }).fetch(`http://shop.test:${port}/page/proxied?title=Proxied`);
      expect(Buffer.from(fetched.bytes).toString()).toContain('<title>Proxied</title>');
      expect(proxy.connects).toEqual([`shop.test:${port}`]);
      expect(server.lastHeaders('/page/proxied')?.host).toBe(`shop.test:${port}`);
    } finally {
      await proxy.close();
    }
  });

  it('still refuses private IP literals and localhost in the URL, without asking the proxy', async () => {
    const proxy = await startProxy();
    try {
      const viaProxy = fetcher({ env: { https_proxy: proxy.url, http_proxy: proxy.url } });
      expect((await failure(viaProxy.fetch('http://169.254.169.254/latest/meta-data/'))).message).toMatch(/^refused: 169\.254\.169\.254 is a link-local/);
      expect((await failure(viaProxy.fetch(`http://localhost:${port}/page/x`))).message).toMatch(/^refused: localhost is a loopback/);
      expect(proxy.connects).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    const proxy = await startProxy();
    try {
      const fetched = await fetcher({ allowPrivateNetwork: true, env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }).fetch(`${server.url}/page/direct-np?title=Direct`);
      expect(Buffer.from(fetched.bytes).toString()).toContain('<title>Direct</title>');
      expect(proxy.connects).toEqual([]);
      // Without NO_PROXY the same URL goes through the proxy.
      await fetcher({ allowPrivateNetwork: true, env: { HTTP_PROXY: proxy.url } }).fetch(`${server.url}/page/via-proxy`);
      expect(proxy.connects).toEqual([`127.0.0.1:${port}`]);
    } finally {
      await proxy.close();
    }
  });
});
