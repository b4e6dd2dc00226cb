// Local sources from a hostile checkout: nothing outside the spec folder or the repository
// root is read or listed by name, only regular files are read, and never more than the cap.
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/check.js';
import { confinementFor, placeOf, readLocalFile, repositoryRoot } from '../../src/sources/local.js';
import { isUnresolved, resolveSources, type SourceRef } from '../../src/sources/resolve.js';
import { readSource } from '../../src/sources/read.js';
import { SourceError } from '../../src/sources/types.js';
import type { Channel } from '../../src/spec/types.js';
import { makeSpec } from '../helpers.js';
import { hostileRepo, OUTSIDE_NAME, OUTSIDE_TEXT, SECRET } from '../support/hostile-repo.js';

const channel = (patterns: string[], kind: Channel['kind'] = 'email'): Channel => ({
  name: 'mail',
  kind,
  language: 'en',
  sources: patterns.map((pattern) => ({ type: 'glob', pattern })),
});

async function resolved(repo: string, patterns: string[], kind: Channel['kind'] = 'email') {
  const confine = await confinementFor(repo);
  const refs = await resolveSources(channel(patterns, kind), repo, { confine });
  return { confine, refs, rows: refs.map((r) => [r.id, isUnresolved(r) ? r.reason : 'ok']) };
}

async function readError(file: string, options: Parameters<typeof readLocalFile>[1]): Promise<string> {
  try {
    await readLocalFile(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return (error as SourceError).message;
  }
  throw new Error('expected a SourceError');
}

const OUTSIDE = 'outside the spec folder and the repository root: not read';
const GIT = 'inside a .git folder: not read';

describe('the repository root', () => {
  it('is the nearest folder above the spec holding .git, and a place is inside, outside or in .git by real path', async () => {
    const h = hostileRepo();
    h.write('campaign/storefront.yaml', '');
    expect(await repositoryRoot(path.join(h.repo, 'campaign'))).toBe(h.repo);
    const confine = await confinementFor(path.join(h.repo, 'campaign'));
    expect(placeOf(path.join(h.repo, 'campaign', 'a.txt'), confine)).toBe('inside');
    expect(placeOf(path.join(h.repo, 'shared', 'a.txt'), confine)).toBe('inside');
    expect(placeOf(path.join(h.repo, '.git', 'config'), confine)).toBe('git');
    expect(placeOf(path.join(h.outside, 'a.txt'), confine)).toBe('outside');
    // --root narrows nothing about the spec folder itself, and replaces the .git search.
    const rooted = await confinementFor(path.join(h.repo, 'campaign'), path.join(h.repo, 'campaign'));
    expect(placeOf(path.join(h.repo, 'shared', 'a.txt'), rooted)).toBe('outside');
  });
});

describe('resolving globs, folders and files inside the root only', () => {
  it('refuses absolute paths and ../ patterns outside the root under the pattern as written', async () => {
    const h = hostileRepo();
    const { rows } = await resolved(h.repo, ['../outside/*.txt', path.join(h.outside, `${OUTSIDE_NAME}.txt`), '../outside']);
    expect(rows).toEqual([
      ['../outside/*.txt', OUTSIDE],
      [path.join(h.outside, `${OUTSIDE_NAME}.txt`), OUTSIDE],
      ['../outside', OUTSIDE],
    ]);
  });

  it('names a committed link that leaves the root or enters .git by its own path, and never lists a linked outside folder', async () => {
    const h = hostileRepo();
    h.write('mail/ok.txt', 'Hello');
    h.link('mail/notes.txt', '../.git/config');
    h.link('mail/escape.txt', `../../outside/${OUTSIDE_NAME}.txt`);
    h.link('mail/zero.txt', '/dev/zero');
    h.link('mail/out', '../../outside');
    const { rows } = await resolved(h.repo, ['mail/*.txt', 'mail/**/*', 'mail/notes.txt']);
    expect(rows).toEqual([
      ['mail/escape.txt', OUTSIDE],
      ['mail/notes.txt', GIT],
      ['mail/ok.txt', 'ok'],
      ['mail/zero.txt', OUTSIDE],
      ['mail/out', OUTSIDE],
    ]);
    expect(JSON.stringify(rows)).not.toContain(OUTSIDE_NAME);
  });

  it('walks an up -> .. loop once: every file under one name, a bounded number of refs', async () => {
    const h = hostileRepo();
    h.write('mail/a.txt', 'A');
    h.write('mail/deep/b.txt', 'B');
    h.link('mail/up', '..');
    h.link('mail/deep/again', '../..');
    const { refs } = await resolved(h.repo, ['**/*']);
    expect(refs.map((r) => r.id)).toEqual(['mail/a.txt', 'mail/deep/b.txt']);
    const folder = await resolved(h.repo, ['mail']);
    expect(folder.rows).toEqual([
      ['mail/a.txt', 'ok'],
      ['mail/deep/b.txt', 'ok'],
    ]);
  });

  it('reads a FIFO, a device and a folder named as a file as source errors, never opening them for reading', async () => {
    const h = hostileRepo();
    h.fifo('mail/pipe.txt');
    h.link('mail/null.txt', '/dev/null');
    h.write('mail/dir.txt/x', '');
    const confine = { roots: [h.repo] };
    expect(await readError(path.join(h.repo, 'mail/pipe.txt'), { confine })).toBe('a FIFO, not a file: not read');
    expect(await readError(path.join(h.repo, 'mail/dir.txt'), { confine })).toBe('a folder, not a file: not read');
    // Without confinement (a path the user typed to extract), a device is still no file.
    expect(await readError('/dev/zero', {})).toBe('a device, not a file: not read');
    expect(await readError(path.join(h.repo, 'mail/null.txt'), {})).toBe('a device, not a file: not read');
    // The FIFO resolves as a file named as written, then is refused with its own reason.
    const { refs } = await resolved(h.repo, ['mail/pipe.txt']);
    const doc = await readSource(refs[0] as SourceRef, { confine });
    expect(doc).toBeInstanceOf(SourceError);
    expect((doc as SourceError).message).toBe('a FIFO, not a file: not read');
  });
});

describe('the size cap of a local source', () => {
  it('refuses a file over the cap after a stat, and reads one at the cap whole', async () => {
    const h = hostileRepo();
    const file = h.write('mail/big.txt', '');
    truncateSync(file, 1024 * 1024 + 1);
    expect(await readError(file, { maxFileSize: 1024 * 1024 })).toBe('larger than 1 MB, the limit for a local source (--max-file-size): not read');
    truncateSync(file, 1024 * 1024);
    expect((await readLocalFile(file, { maxFileSize: 1024 * 1024 })).length).toBe(1024 * 1024);
    // The default is 10 MB, like the fetch cap.
    truncateSync(file, 10 * 1024 * 1024 + 1);
    expect(await readError(file, {})).toBe('larger than 10 MB, the limit for a local source (--max-file-size): not read');
  });
});

describe('a check run over a hostile checkout', () => {
  it('reports each refused source as a source-error that quotes nothing of its target', async () => {
    const h = hostileRepo();
    h.write('mail/ok.txt', 'Spring Sale is on');
    h.link('mail/notes.txt', '../.git/config');
    h.link('mail/escape.txt', `../../outside/${OUTSIDE_NAME}.txt`);
    const specFile = h.write('storefront.yaml', '');
    writeFileSync(specFile, '');
    const spec = { ...makeSpec({ channels: [{ ...channel(['mail/*.txt', '../outside/*.txt']) }], messages: [{ id: 'm', text: 'Spring Sale is on' }] }), file: specFile };
    const report = await checkSpec(spec, { offline: true, today: '2026-01-01' });
    const errors = report.findings.filter((f) => f.rule === 'source-error').map((f) => [f.source, f.found]);
    expect(errors).toEqual([
      ['../outside/*.txt', OUTSIDE],
      ['mail/escape.txt', OUTSIDE],
      ['mail/notes.txt', GIT],
    ]);
    const text = JSON.stringify(report);
    for (const secret of [SECRET, OUTSIDE_TEXT, OUTSIDE_NAME, 'extraheader']) expect(text).not.toContain(secret);
  });
});

describe('a posts file whose aliases expand far beyond its size', () => {
  it('is a source error at the alias where the budget runs out, not gigabytes of posts', { timeout: 120_000 }, async () => {
    const h = hostileRepo();
    const post = `{ text: "${'Spring sale '.repeat(40)}" }`;
    const rows = [`posts: &posts [${Array(2_000).fill(post).join(', ')}]`, 'again:'];
    for (let i = 0; i < 999; i++) rows.push('  - *posts');
    const file = h.write('social/posts.yaml', rows.join('\n'));
    const doc = await readSource({ id: 'social/posts.yaml', channel: 'x', kind: 'social', language: 'en', file }, { confine: { roots: [h.repo] } });
    expect(doc).toBeInstanceOf(SourceError);
    expect((doc as SourceError).message).toMatch(/^YAML at line \d+, column 5: aliases expand the file beyond 41,943,040 nodes and characters$/);
  });
});
