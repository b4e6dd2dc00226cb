// Mistakes in a spec's own settings are spec errors at their line, worded for the author:
// an invalid CSS selector, and YAML indentation slips, which the parser words for programmers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec, parseSpec } from '../../src/spec/load.js';

const HEAD = 'version: 1\ncampaign: X\nchannels:\n  site:\n    kind: web\n';
const error = (text: string) => {
  try {
    parseSpec(text, '/virtual/storefront.yaml', 'storefront.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('spec settings errors', () => {
  it('an invalid CSS selector is refused at load, at its line and column', () => {
    expect(error(`${HEAD}    sources: [{ file: a.html, selector: "main >>> p" }]\n`)).toBe(
      'storefront.yaml:6:41: channels.site.sources[0].selector: invalid CSS selector "main >>> p": did not expect successive traversals',
    );
    expect(error(`${HEAD}    selector: "div["\n    sources: [a.html]\n`)).toBe('storefront.yaml:6:15: channels.site.selector: invalid CSS selector "div[": expected name, found');
    expect(error(`${HEAD}    sources:\n      - file: a.html\n        exclude: [nav, "p:nope"]\n`)).toBe('storefront.yaml:8:24: channels.site.sources[0].exclude[1]: invalid CSS selector "p:nope": unknown pseudo-class :nope');
    // A sitemap's exclude is URL globs, never CSS.
    expect(error(`${HEAD}    sources: [{ sitemap: sitemap.xml, exclude: ["**/p:nope/**"] }]\n`)).toBe('no error');
    expect(error(`${HEAD}    sources: [{ file: a.html, selector: "main > article p, .copy" }]\n`)).toBe('no error');
  });

  it('loadSpec, which loads the selector engine ahead, refuses an invalid selector in the same words', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'storefront-selector-')), 'storefront.yaml');
    writeFileSync(file, `${HEAD}    sources:\n      - file: a.html\n        exclude: [nav, "p:nope"]\n`);
    await expect(loadSpec(file, 'storefront.yaml')).rejects.toThrow('storefront.yaml:8:24: channels.site.sources[0].exclude[1]: invalid CSS selector "p:nope": unknown pseudo-class :nope');
  });

  it('an over-indented key says "indentation" and shows the line out of place', () => {
    expect(error(`${HEAD}    sources: [a.html]\nmessages:\n  - id: headline\n      text: "Spring Sale"\n`)).toBe(
      'storefront.yaml:9:7: invalid YAML: indentation: line 9 "text: "Spring Sale"" is indented deeper than "id:" on line 8 (nested mappings are not allowed in compact mappings); align it with "id:"',
    );
    // A value with ": " in it is the other cause of that parser message: it needs quotes.
    expect(error(`${HEAD}    sources: [a.html]\nmessages:\n  - id: headline\n    text: Sale: 30% off\n`)).toBe(
      'storefront.yaml:9:11: invalid YAML: nested mappings are not allowed in compact mappings (quote a value that contains ": ")',
    );
  });

  it('a dedented channel setting is not read as a channel named after it', () => {
    expect(error(`${HEAD}  sources: [a.html]\n`)).toBe('storefront.yaml:6:3: channels: indentation: "sources:" is a channel setting written where a channel name goes; indent it under the channel "site"');
    expect(error(`version: 1\ncampaign: X\nchannels:\n  site:\n    kind: web\nsources: [a.html]\n`)).toBe(
      'storefront.yaml:6:1: indentation: "sources:" is a channel setting written at the top level; indent it under its channel in channels',
    );
  });

  it('a line between item and key depth names the line and the one above it', () => {
    expect(error(`${HEAD}    sources: [a.html]\nmessages:\n  - id: headline\n    text: "Sale"\n   channels: [site]\n`)).toBe(
      'storefront.yaml:10:4: invalid YAML: indentation: line 10 "channels: [site]" is out of place (sequence item without - indicator); indent it as a key of its mapping or an item of its list, not less deeply than "text:" on line 9',
    );
  });

  it('exits 2 from the command line with the one-line error', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-selector-'));
    writeFileSync(path.join(dir, 'storefront.yaml'), `${HEAD}    sources: [{ file: a.html, selector: "main >>> p" }]\n`);
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/storefront.js');
    const result = spawnSync(process.execPath, [bin, 'check'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('storefront: storefront.yaml:6:41: channels.site.sources[0].selector: invalid CSS selector "main >>> p": did not expect successive traversals\n');
  });
});
