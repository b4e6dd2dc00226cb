// The CLI against pages served on 127.0.0.1: a first run fills --cache-dir, a second run
// --offline reads the same pages from it, and a dead URL is one source-error among results.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');

// The cache key lives in a cache home made for these tests, never the user's.
const cacheHome = mkdtempSync(path.join(tmpdir(), 'storefront-cache-home-'));

// Async: the server answers from this process, so the CLI must not block it. The server is on
// 127.0.0.1, so these runs allow the private network, as a CI owner would for a staging site.
function cli(args: string[], cwd: string, env: Record<string, string> = { STOREFRONT_ALLOW_PRIVATE_NETWORK: '1' }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let server: FaultServer;
let dir: string;
beforeAll(async () => {
  server = await startFaultServer({ root: path.join(root, 'fixtures/example') });
  dir = mkdtempSync(path.join(tmpdir(), 'storefront-net-'));
  writeFileSync(
    path.join(dir, 'storefront.yaml'),
    `version: 1
campaign: Served
channels:
  site:
    kind: web
    sources:
      - { url: "${server.url}/static/site/spring.html", selector: main }
      - ${server.url}/status/404
messages:
  - id: headline
    text: "Spring Sale: 30% off all running shoes"
facts:
  - id: pro-price
    type: money
    value: "39.99 USD"
    near: [Pro]
`,
  );
});
afterAll(() => server.close());

interface Report {
  sources: Array<{ id: string; status: string; error?: string }>;
  findings: Array<{ rule: string; source?: string; found?: string }>;
}

const brief = (r: Report) => r.findings.map((f) => [f.rule, f.source?.replace(server.url, 'SERVER'), f.found]);

describe('a sitemap over the network', () => {
  it('reads the pages a local sitemap lists from the server, filtered by include', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'storefront-sitemap-'));
    writeFileSync(
      path.join(site, 'sitemap.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${server.url}/static/site/spring.html</loc></url>
  <url><loc>${server.url}/static/email/launch.eml</loc></url>
</urlset>`,
    );
    writeFileSync(
      path.join(site, 'storefront.yaml'),
      `version: 1
campaign: Sitemap
channels:
  site:
    kind: web
    sources:
      - { sitemap: sitemap.xml, include: ["**/*.html"], selector: main }
messages:
  - id: headline
    text: "Spring Sale: 30% off all running shoes"
`,
    );
    const run = await cli(['check', '--format', 'json'], site);
    const report = JSON.parse(run.stdout) as Report & { coverage: Record<string, Record<string, { status: string; source?: string }>> };
    expect(report.sources.map((s) => [s.id.replace(server.url, 'SERVER'), s.status])).toEqual([['SERVER/static/site/spring.html', 'ok']]);
    expect(report.coverage.headline.site.status).toBe('present');
    expect(run.code).toBe(0);
  });
});

describe('check over the network', () => {
  it('checks the live page, reports the dead URL with its reason, and exits 1', async () => {
    const run = await cli(['check', '--format', 'json', '--cache-dir', 'cache'], dir);
    expect(run.code).toBe(1);
    expect(brief(JSON.parse(run.stdout) as Report)).toEqual([
      // Once in the JSON-LD offer, once in the body copy.
      ['fact-mismatch', 'SERVER/static/site/spring.html', '49.99 USD'],
      ['fact-mismatch', 'SERVER/static/site/spring.html', '49.99 USD'],
      ['source-error', 'SERVER/status/404', 'HTTP 404 Not Found'],
    ]);
  });

  it('reads the same pages from the cache with --offline, and without a cache says so', async () => {
    const hits = server.hits('/static/site/spring.html');
    const cached = await cli(['check', '--format', 'json', '--cache-dir', 'cache', '--offline'], dir);
    expect(server.hits('/static/site/spring.html')).toBe(hits);
    const report = JSON.parse(cached.stdout) as Report;
    expect(brief(report)).toEqual([
      // Once in the JSON-LD offer, once in the body copy.
      ['fact-mismatch', 'SERVER/static/site/spring.html', '49.99 USD'],
      ['fact-mismatch', 'SERVER/static/site/spring.html', '49.99 USD'],
      ['source-error', 'SERVER/status/404', 'not in the cache (--offline)'],
    ]);
    const uncached = JSON.parse((await cli(['check', '--format', 'json', '--offline'], dir)).stdout) as Report;
    expect(uncached.sources.map((s) => s.error)).toEqual(['not in the cache (--offline)', 'not in the cache (--offline)']);
  });
});
