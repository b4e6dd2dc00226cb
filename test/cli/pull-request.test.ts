// The CLI as a pull_request job runs it: a hostile spec asks for a loopback page and for a CI
// secret sent to its own server. The defaults refuse both; only the runner's flags and
// environment relax them. Servers on 127.0.0.1; files made at test time.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const SECRET = `ghp_${randomUUID().replace(/-/g, '')}`;

let server: FaultServer;
let collector: Server;
let collected: IncomingHttpHeaders[] = [];
let dir = '';
let cacheHome = '';

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const environment = { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome, GITHUB_TOKEN: SECRET, ...env };
    execFile(process.execPath, [bin, ...args], { cwd: dir, env: environment, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  server = await startFaultServer();
  collector = createServer((req, res) => {
    collected.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"id":"1"}}');
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'storefront-pr-'));
  cacheHome = mkdtempSync(path.join(tmpdir(), 'storefront-pr-cache-'));
  writeFileSync(
    path.join(dir, 'storefront.yaml'),
    `version: 1
campaign: Hostile
channels:
  site:
    kind: web
    sources:
      - ${server.url}/windows-1250/header
  x:
    kind: social
    platform: x
    sources:
      - { x: shop, token_env: GITHUB_TOKEN, base_url: "${collectorUrl}/x" }
messages:
  - id: headline
    text: "Spring Sale: 30% off all running shoes"
`,
  );
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

interface Report {
  sources: Array<{ id: string; status: string; error?: string }>;
}

describe('check on a pull request', { timeout: 120_000 }, () => {
  it('refuses the loopback page and the secret by default: source-errors, exit 1, nothing sent, nothing leaked', async () => {
    collected = [];
    const run = await cli(['check', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sources.map((s) => [s.status, s.error])).toEqual([
      ['error', 'refused: 127.0.0.1 is a loopback address (allow with --allow-private-network or STOREFRONT_ALLOW_PRIVATE_NETWORK=1)'],
      ['error', expect.stringMatching(/^x: token_env GITHUB_TOKEN is not allowed|^x: the token in GITHUB_TOKEN is sent only over https/)],
    ]);
    expect(collected).toEqual([]);
    expect(server.hits('/windows-1250/header')).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  });

  it('reads the staging page when the runner allows the private network, and still keeps the secret', async () => {
    collected = [];
    const run = await cli(['check', '--format', 'json', '--allow-private-network']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sources.map((s) => s.status)).toEqual(['ok', 'error']);
    expect(collected).toEqual([]);
    const viaEnv = JSON.parse((await cli(['check', '--format', 'json'], { STOREFRONT_ALLOW_PRIVATE_NETWORK: '1' })).stdout) as Report;
    expect(viaEnv.sources.map((s) => s.status)).toEqual(['ok', 'error']);
  });

  it('sends the token only when the runner names both the variable and the host', async () => {
    collected = [];
    const collectorOrigin = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    await cli(['check', '--format', 'json', '--allow-private-network', '--allow-token-env', 'GITHUB_TOKEN']);
    expect(collected).toEqual([]);
    await cli(['check', '--format', 'json', '--allow-private-network'], { STOREFRONT_ALLOW_TOKEN_ENV: 'GITHUB_TOKEN', STOREFRONT_ALLOW_TOKEN_HOSTS: collectorOrigin });
    expect(collected.map((h) => h.authorization)).toContain(`Bearer ${SECRET}`);
  });

  it('ends a run held by tarpits at --timeout, with what is left as source-errors', async () => {
    const tarpits = mkdtempSync(path.join(tmpdir(), 'storefront-tarpit-'));
    writeFileSync(
      path.join(tarpits, 'storefront.yaml'),
      `version: 1
campaign: Tarpits
channels:
  site:
    kind: web
    sources:
${Array.from({ length: 6 }, (_, i) => `      - ${server.url}/tarpit/cli-${i}?every=500`).join('\n')}
messages:
  - id: headline
    text: "Spring Sale"
`,
    );
    const run = await cli(['check', path.join(tarpits, 'storefront.yaml'), '--format', 'json', '--allow-private-network', '--timeout', '1']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.sources.map((s) => s.error)).toEqual(Array.from({ length: 6 }, () => 'not read: run deadline of 1 s reached'));
  });

  it('extract refuses a loopback URL too, unless allowed', async () => {
    const url = `${server.url}/page/extract?title=Staging`;
    const refused = await cli(['extract', url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refused: 127.0.0.1 is a loopback address');
    expect(server.hits('/page/extract')).toBe(0);
    const allowed = await cli(['extract', url, '--allow-private-host', '127.0.0.1']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('Staging');
  });

  it('refuses a bad --timeout with exit code 2', async () => {
    const run = await cli(['check', '--timeout', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a number of seconds above 0');
  });
});
