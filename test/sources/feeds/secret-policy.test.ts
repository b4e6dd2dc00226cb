// Secret exfiltration: a spec from a pull request names `token_env: GITHUB_TOKEN` and a base_url
// of its own. The token must stay home: only STOREFRONT_* variables (or ones the person running
// the check allows), and only over https to the platform's API hosts (or hosts that person allows).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSpec } from '../../../src/check.js';
import { readFeed } from '../../../src/sources/feeds/index.js';
import { createFetcher } from '../../../src/sources/http/fetch.js';
import { checkTokenDestination, readToken } from '../../../src/sources/feeds/secret-policy.js';
import { SourceError } from '../../../src/sources/types.js';
import type { FeedEntry } from '../../../src/spec/types.js';
import { makeSpec } from '../../helpers.js';

const SECRET = `ghs_${randomUUID().replace(/-/g, '')}`;
let seen: IncomingHttpHeaders[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  // An attacker's collector: it records whatever arrives and answers like the X API would.
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { id: '1', username: 'shop' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const xFeed = (tokenEnv: string, baseUrl?: string): FeedEntry => ({ type: 'feed', platform: 'x', account: 'shop', limit: 5, tokenEnv, ...(baseUrl ? { baseUrl } : {}) });
const fetcher = createFetcher({ retries: 0, allowPrivateNetwork: true });
const failure = async (promise: Promise<unknown>): Promise<SourceError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
};

describe('which variable a spec may name', () => {
  it('refuses a CI secret such as GITHUB_TOKEN, naming the variable and never its value', async () => {
    const error = await failure(readFeed(xFeed('GITHUB_TOKEN'), fetcher, { GITHUB_TOKEN: SECRET }));
    expect(error.message).toBe(
      'x: token_env GITHUB_TOKEN is not allowed: a spec may name only STOREFRONT_* variables, or ones allowed with --allow-token-env or STOREFRONT_ALLOW_TOKEN_ENV',
    );
    expect(`${error.message}${error.stack}`).not.toContain(SECRET);
  });

  it('reads STOREFRONT_* variables and ones the runner allows', () => {
    expect(readToken('x', 'STOREFRONT_X_TOKEN', { STOREFRONT_X_TOKEN: ' t1 ' })).toBe('t1');
    expect(readToken('x', 'X_BEARER', { X_BEARER: 't2' }, { allowTokenEnv: ['X_BEARER'] })).toBe('t2');
    expect(() => readToken('x', 'X_BEARER', { X_BEARER: 't2' }, { allowTokenEnv: ['OTHER'] })).toThrow(/not allowed/);
    expect(() => readToken('x', 'A\n::add-mask::B', {})).toThrow('x: token_env is not an environment variable name');
  });
});

describe('where a token may go', () => {
  it('sends nothing to a base_url the spec chose, over http, even with an allowed variable', async () => {
    const env = { STOREFRONT_X_TOKEN: SECRET };
    const error = await failure(readFeed(xFeed('STOREFRONT_X_TOKEN', `${base}/x`), fetcher, env));
    expect(error.message).toBe(
      `x: the token in STOREFRONT_X_TOKEN is sent only over https to api.x.com or api.twitter.com, or to hosts allowed with --allow-token-host or STOREFRONT_ALLOW_TOKEN_HOSTS; not to ${base}`,
    );
    expect(seen).toEqual([]);
  });

  it('takes the platform hosts over https only, bare allowed hosts over https only, and exact origins as written', () => {
    const ok = (url: string, allowTokenHosts: string[] = []) => {
      try {
        checkTokenDestination('x', 'T', url, ['api.x.com', 'api.twitter.com'], { allowTokenHosts });
        return true;
      } catch {
        return false;
      }
    };
    expect(ok('https://api.x.com/2/users')).toBe(true);
    expect(ok('https://api.twitter.com/2/users')).toBe(true);
    expect(ok('http://api.x.com/2/users')).toBe(false);
    expect(ok('https://api.x.com.evil.example/2')).toBe(false);
    expect(ok('https://mirror.example/2', ['mirror.example'])).toBe(true);
    expect(ok('http://mirror.example/2', ['mirror.example'])).toBe(false);
    expect(ok('https://mirror.example:8443/2', ['mirror.example:8443'])).toBe(true);
    expect(ok('http://127.0.0.1:8080/2', ['http://127.0.0.1:8080'])).toBe(true);
    expect(ok('http://127.0.0.1:8081/2', ['http://127.0.0.1:8080'])).toBe(false);
  });

  it('sends the token to an origin the person running the check allows', async () => {
    await readFeed(xFeed('STOREFRONT_X_TOKEN', base), fetcher, { STOREFRONT_X_TOKEN: SECRET }, { allowTokenHosts: [base] }).catch(() => undefined);
    expect(seen[0]?.authorization).toBe(`Bearer ${SECRET}`);
  });
});

describe('a check run with a hostile feed entry', () => {
  it('reports one source-error, sends no request, and the report holds no secret', { timeout: 60_000 }, async () => {
    const spec = makeSpec({
      channels: [{ name: 'x', kind: 'social', platform: 'x', maxLength: 280, sources: [xFeed('GITHUB_TOKEN', `${base}/collect`)] }],
      messages: [{ id: 'm', text: 'Spring Sale' }],
    });
    process.env.GITHUB_TOKEN = SECRET;
    try {
      const report = await checkSpec(spec, { allowPrivateNetwork: true });
      expect(report.findings.map((f) => [f.rule, f.source])).toEqual([['source-error', 'x:shop']]);
      expect(report.sources[0].error).toMatch(/^x: (token_env GITHUB_TOKEN is not allowed|the token in GITHUB_TOKEN is sent only over https)/);
      expect(JSON.stringify(report)).not.toContain(SECRET);
      expect(seen).toEqual([]);
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
  });
});
