// The real-world check for fetching: every web page and email of the shared corpus, served by
// a loopback static server, reads into the same document over http as from disk.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelKind } from '../../src/documents/types.js';
import { createFetcher } from '../../src/sources/http/fetch.js';
import { readSource } from '../../src/sources/read.js';
import type { Fetcher } from '../../src/sources/types.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { describeShared, hasShared, sharedPath } from '../support/shared.js';

const corpusDir = sharedPath('corpus');

function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(path.join(corpusDir, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => extensions.includes(path.extname(f).toLowerCase()))
    .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
    .sort();
}

const cases: Array<[string, ChannelKind]> = !hasShared ? [] : [
  ...filesUnder('web', ['.html', '.htm']).map((f): [string, ChannelKind] => [f, 'web']),
  ...filesUnder('email', ['.eml', '.mjml', '.html']).map((f): [string, ChannelKind] => [f, 'email']),
];

describeShared('the corpus over http', () => {
  let server: FaultServer;
  let fetcher: Fetcher;

  beforeAll(async () => {
    server = await startFaultServer({ root: corpusDir });
    fetcher = createFetcher({ allowPrivateNetwork: true });
  });
  afterAll(() => server.close());

  it('has pages and emails to serve', () => {
    expect(cases.filter(([, kind]) => kind === 'web').length).toBeGreaterThanOrEqual(14);
    expect(cases.filter(([, kind]) => kind === 'email').length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s reads the same fetched as from disk', async (file, kind) => {
    const base = { channel: kind, kind, language: 'en' };
    const url = `${server.url}/static/${file.split('/').map(encodeURIComponent).join('/')}`;
    const [fromDisk, fromHttp] = await Promise.all([
      readSource({ ...base, id: file, file: path.join(corpusDir, file) }),
      readSource({ ...base, id: url, url }, { fetcher }),
    ]);
    if (!('parts' in fromDisk)) throw new Error(`${file} does not read from disk: ${fromDisk.message}`);
    if (!('parts' in fromHttp)) throw new Error(`${file} does not read over http: ${fromHttp.message}`);
    expect(fromDisk.parts.length).toBeGreaterThan(0);
    expect(fromHttp.parts.map((p) => [p.role, p.text])).toEqual(fromDisk.parts.map((p) => [p.role, p.text]));
    expect(server.hits(new URL(url).pathname)).toBe(1);
  });
});
