// Benchmark: fetch throughput on a loopback site of generated pages (the corpus's web pages as
// bodies, each made unique), at several concurrency limits, without a cache, with a cold cache
// and with a warm one (every page revalidated by a 304). The site runs in a child process so
// server and client do not share one event loop.
// Run with `npm run build && node bench/fetch.js`. BENCH_PAGES (600), BENCH_ROUNDS (3) and
// BENCH_LATENCY_MS (0; e.g. 20 to act like a distant server: each response waits that long).
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGES = Number(process.env.BENCH_PAGES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);

if (process.argv[2] === '--serve') serve();
else await main();

/** The site: /page/<n> is corpus page n mod 14 with its number in the title, with an ETag. */
function serve() {
  const dir = path.resolve(here, '../../shared/corpus/web');
  const bodies = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const pages = Array.from({ length: PAGES }, (_, n) => {
    const body = Buffer.from(bodies[n % bodies.length].replace(/<title>/i, `<title>Page ${n}: `));
    return { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
  });
  const server = createServer((req, res) => {
    if (LATENCY_MS > 0) setTimeout(() => answer(req, res), LATENCY_MS);
    else answer(req, res);
  });
  const answer = (req, res) => {
    const page = pages[Number(/^\/page\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1)];
    if (!page) return res.writeHead(404).end();
    if (req.headers['if-none-match'] === page.etag) return res.writeHead(304, { etag: page.etag }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: page.etag, 'content-length': page.body.length }).end(page.body);
  };
  server.listen(0, '127.0.0.1', () => {
    const bytes = pages.reduce((sum, p) => sum + p.body.length, 0);
    process.send({ port: server.address().port, bytes });
  });
  process.on('disconnect', () => process.exit(0));
}

async function main() {
  const { createFetcher } = await import('../dist/sources/http/fetch.js');
  const child = fork(fileURLToPath(import.meta.url), ['--serve']);
  const { port, bytes } = await new Promise((resolve) => child.once('message', resolve));
  const urls = Array.from({ length: PAGES }, (_, n) => `http://127.0.0.1:${port}/page/${n}`);

  const downloaded = { cold: 0, warm: 0 };
  /** Pages per second of one pass over the site; checks every page arrived as expected. */
  async function pass(options, expectFromCache) {
    // The site is on loopback, which the fetcher refuses unless told (see "Private networks").
    const fetcher = createFetcher({ ...options, allowPrivateNetwork: true });
    const started = performance.now();
    const results = await Promise.all(urls.map((url) => fetcher.fetch(url)));
    const seconds = (performance.now() - started) / 1000;
    if (results.some((r) => r.fromCache !== expectFromCache || r.bytes.length === 0)) throw new Error('unexpected response');
    if (options.cacheDir) downloaded[expectFromCache ? 'warm' : 'cold'] = results.reduce((sum, r) => sum + (r.fromCache ? 0 : r.bytes.length), 0);
    return PAGES / seconds;
  }

  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  await pass({ concurrency: 8 }, false); // warm up the JIT and the sockets
  const rows = [];
  for (const concurrency of [8, 1, 4, 16]) {
    const none = [];
    const cold = [];
    const warm = [];
    for (let round = 0; round < ROUNDS; round++) {
      none.push(await pass({ concurrency }, false));
      const cacheDir = mkdtempSync(path.join(tmpdir(), 'storefront-bench-cache-'));
      try {
        cold.push(await pass({ concurrency, cacheDir }, false));
        warm.push(await pass({ concurrency, cacheDir }, true));
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
    rows.push([concurrency === 8 ? '8 (default)' : String(concurrency), median(none), median(cold), median(warm)]);
  }
  child.disconnect();

  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`fetch: ${PAGES} pages, ${mb(bytes)} on 127.0.0.1, ${LATENCY_MS} ms added latency, median of ${ROUNDS} rounds, pages/s`);
  console.log('| concurrency | no cache | cold cache | warm cache (304) | warm / cold |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [label, none, cold, warm] of rows) {
    console.log(`| ${label} | ${none.toFixed(0)} | ${cold.toFixed(0)} | ${warm.toFixed(0)} | ${(warm / cold).toFixed(2)}× |`);
  }
  console.log(`bodies downloaded: cold cache ${mb(downloaded.cold)}, warm cache ${mb(downloaded.warm)} (every page a 304)`);
}
