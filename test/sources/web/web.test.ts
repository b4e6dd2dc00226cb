import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import type { Part, Role } from '../../../src/documents/types.js';
import { readHtml } from '../../../src/sources/web/web.js';
import { SourceError, type SourceInput } from '../../../src/sources/types.js';
import { describeShared, hasShared, sharedPath } from '../../support/shared.js';

const CORPUS = pathToFileURL(sharedPath('corpus', 'web') + '/');

function corpusPages(dir = CORPUS): URL[] {
  return readdirSync(dir).flatMap((name) => {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) return corpusPages(new URL(`${name}/`, dir));
    return name.endsWith('.html') ? [url] : [];
  });
}

const input = (bytes: Uint8Array, extra: Partial<SourceInput> = {}): SourceInput => ({ id: 'page.html', name: 'page.html', bytes, kind: 'web', ...extra });
const readPage = (url: URL, extra: Partial<SourceInput> = {}) => readHtml(input(readFileSync(url), extra));
const texts = (parts: Part[], role: Role) => parts.filter((p) => p.role === role).map((p) => p.text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Text of every <script> and <style> of a page, parsed independently of the reader. */
function scriptAndStyleLines(html: string): string[] {
  const lines: string[] = [];
  const stack: ChildNode[] = [...parseDocument(html).children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'script' || node.name === 'style') {
      const code = node.children.map((child) => (isText(child) ? child.data : '')).join('');
      for (const line of code.split('\n')) if (line.trim().length >= 30) lines.push(line.trim().replace(/\s+/g, ' '));
    } else {
      stack.push(...node.children);
    }
  }
  return lines;
}

/** Page titles in the file, found independently of the reader: <title> elements outside inline SVG (an SVG <title> is an icon's tooltip). */
function pageTitles(html: string): number {
  let count = 0;
  const stack: ChildNode[] = [...parseDocument(html).children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node) || node.name === 'svg') continue;
    if (node.name === 'title') count++;
    else stack.push(...node.children);
  }
  return count;
}

/** Leading template front matter (Jekyll/Hugo YAML between --- lines), as its lines. */
function frontMatterLines(html: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(html);
  return match ? match[1].split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 8) : [];
}

// Whole pages and what sites really keep: header/footer includes without <head>, and
// generator templates that open with front matter.
describeShared('readHtml on every corpus web page', () => {
  const pages = hasShared ? corpusPages() : [];

  it('finds the corpus', () => {
    expect(pages.length).toBeGreaterThanOrEqual(14);
  });

  it.each(pages.map((url) => [fileURLToPath(url).replace(/^.*corpus\/web\//, ''), url] as const))('%s: reads copy with the page title it has, and no script, style or front matter', (_, url) => {
    const html = readFileSync(url, 'utf8');
    const parts = readPage(url);
    expect(parts.length).toBeGreaterThan(0);
    expect(texts(parts, 'title')).toHaveLength(Math.min(1, pageTitles(html)));
    for (const part of parts) {
      expect(part.text).toBe(part.text.replace(/\s+/g, ' ').trim());
      expect(part.text.length).toBeGreaterThan(0);
      expect(part.anchors.length).toBeGreaterThan(0);
    }
    const copy = parts.map((p) => p.text).join('\n');
    const leaked = [...scriptAndStyleLines(html), ...frontMatterLines(html)].filter((line) => copy.includes(line));
    expect(leaked).toEqual([]);
  });

  it('finds both kinds of partial page in the corpus (so the test above covers them)', () => {
    const htmls = pages.map((url) => readFileSync(url, 'utf8'));
    expect(htmls.filter((html) => pageTitles(html) === 0).length).toBeGreaterThan(0);
    expect(htmls.filter((html) => frontMatterLines(html).length > 0).length).toBeGreaterThan(0);
  });
});

describe('front matter of generator templates is not copy', () => {
  it('blanks YAML front matter and keeps the copy after it on its own line and column', () => {
    const html = '---\nlayout: examples\ntitle: Pricing example\n---\n\n<h1>Pricing</h1>\n';
    const parts = readHtml(input(Buffer.from(html)));
    expect(parts.map((p) => p.text)).toEqual(['Pricing']);
    expect(parts[0].anchors[0]).toMatchObject({ line: 6, column: 5 });
  });

  it('blanks TOML front matter (+++)', () => {
    const parts = readHtml(input(Buffer.from('+++\ntitle = "Sale"\n+++\n<p>Spring sale</p>')));
    expect(parts.map((p) => p.text)).toEqual(['Spring sale']);
  });

  it('keeps a page that merely starts with a horizontal-rule-like line and never closes it', () => {
    const parts = readHtml(input(Buffer.from('---\n<p>Spring sale, 30% off</p>')));
    expect(parts.map((p) => p.text)).toEqual(['---', 'Spring sale, 30% off']);
  });
});

describeShared('readHtml: page metadata matches readability’s ground truth', () => {
  const page = (name: string) => {
    const dir = new URL(`mozilla-readability/${name}/`, CORPUS);
    const expected = JSON.parse(readFileSync(new URL('expected-metadata.json', dir), 'utf8')) as { title: string; excerpt: string };
    return { parts: readPage(new URL('source.html', dir)), expected };
  };

  it('gitlab-blog: title and meta description (a title split over lines is collapsed)', () => {
    const { parts, expected } = page('gitlab-blog');
    expect(texts(parts, 'title')).toEqual([expected.title]);
    expect(texts(parts, 'description')).toEqual([expected.excerpt]);
  });

  it('heise: meta description, and the title before its " | Mac & i" site suffix', () => {
    const { parts, expected } = page('heise');
    expect(texts(parts, 'title')).toEqual([`${expected.title} | Mac & i`]);
    expect(texts(parts, 'description')).toEqual([expected.excerpt]);
    expect(texts(parts, 'og')).toContain('Mac & i');
  });

  it('mozilla-1: title, og:title, and the excerpt as body copy (its meta description is empty)', () => {
    const { parts, expected } = page('mozilla-1');
    expect(texts(parts, 'title')[0].startsWith(expected.title)).toBe(true);
    expect(texts(parts, 'og')).toContain(expected.title);
    expect(texts(parts, 'description')).toEqual([]);
    // The page breaks the lead paragraph with <br>: a line break inside one part (issue 11).
    const lead = parts.find((p) => p.role === 'body' && p.text.startsWith('It’s easier than ever'))!;
    const excerpt = expected.excerpt.replace(/\s+/g, ' ');
    expect(lead.text.startsWith(excerpt)).toBe(true);
    expect(lead.lineBreaks).toContain(excerpt.indexOf(' No other browser'));
  });

  it('mozilla-2: title, og:description, and headings as separate parts from the body', () => {
    const { parts, expected } = page('mozilla-2');
    expect(texts(parts, 'title')).toEqual([expected.title]);
    expect(texts(parts, 'og')).toContain(expected.excerpt);
    expect(texts(parts, 'heading').slice(0, 3)).toEqual(['Welcome to Firefox Developer Edition', 'WebIDE', 'Valence']);
    expect(parts.some((p) => /EditionGet|WebIDEDevelop/.test(p.text))).toBe(false);
  });
});

describeShared('readHtml: selector from the spec', () => {
  it('scopes body copy to the selector on a real page and still reads the title', () => {
    const url = new URL('mozilla-readability/mozilla-2/source.html', CORPUS);
    const all = readPage(url);
    const scoped = readPage(url, { selector: 'main' });
    for (const role of ['title', 'og'] as const) expect(texts(scoped, role)).toEqual(texts(all, role));
    expect(texts(scoped, 'heading')[0]).toBe('Welcome to Firefox Developer Edition');
    expect(texts(scoped, 'body')).toContain('Get to know the features that make it the most complete browser for building the Web.');
    // Header navigation, footer and the language list lie outside <main>.
    for (const outside of ['Portions of this content are ©1998–2015', 'Deutsch', 'Contact Us']) {
      expect(all.some((p) => p.text.includes(outside))).toBe(true);
      expect(scoped.some((p) => p.text.includes(outside))).toBe(false);
    }
    expect(scoped.length).toBeLessThan(all.length);
  });

  it('refuses a selector that matches nothing', () => {
    const url = new URL('mozilla-readability/mozilla-2/source.html', CORPUS);
    expect(() => readPage(url, { selector: '.no-such-class' })).toThrow(new SourceError('selector ".no-such-class" matches nothing'));
  });
});

describe('readHtml: bytes to text', () => {
  it('uses <meta charset> when nothing else says', () => {
    const parts = readHtml(input(latin1('<meta charset="iso-8859-2"><p>Za\xB3\xF3\xBF g\xEAsi\xB1 ja\xBC\xF1</p>')));
    expect(texts(parts, 'body')).toEqual(['Załóż gęsią jaźń']);
  });

  it('uses http-equiv Content-Type inside the page', () => {
    const parts = readHtml(input(latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Caf\xE9 \x80 5</p>')));
    expect(texts(parts, 'body')).toEqual(['Café € 5']);
  });

  it('lets the Content-Type header win over <meta charset>', () => {
    const bytes = new TextEncoder().encode('<meta charset="iso-8859-1"><p>Zażółć</p>');
    expect(texts(readHtml(input(bytes, { contentType: 'text/html; charset=UTF-8' })), 'body')).toEqual(['Zażółć']);
    expect(texts(readHtml(input(bytes)), 'body')).not.toEqual(['Zażółć']);
  });

  it('strips a UTF-8 byte-order mark and reads UTF-16 with one', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<title>Öl</title>')]);
    expect(texts(readHtml(input(utf8)), 'title')).toEqual(['Öl']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Grüße aus Köln</p>', 'utf16le')]);
    expect(texts(readHtml(input(utf16)), 'body')).toEqual(['Grüße aus Köln']);
  });

  it('reads undeclared bytes that are not UTF-8 as windows-1252', () => {
    expect(texts(readHtml(input(latin1('<p>Gr\xFC\xDFe, \x93quoted\x94</p>'))), 'body')).toEqual(['Grüße, “quoted”']);
  });

  it('refuses binary data with a one-line SourceError', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => readHtml(input(png))).toThrow(new SourceError('not HTML: looks like binary data'));
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => 1 + ((i * 7919) % 31));
    expect(() => readHtml(input(noise))).toThrow(new SourceError('not HTML: looks like binary data'));
    expect(() => readHtml(input(new TextEncoder().encode('<p>hi</p>'), { contentType: 'image/png' }))).toThrow(SourceError);
  });
});

describeShared('readHtml: exclude', () => {
  const page = new URL('mozilla-readability/mozilla-1/source.html', CORPUS);
  const chrome = ['nav', 'header', 'footer', '[role=navigation]', '[role=banner]', '[role=contentinfo]', '[role=menubar]'];

  it('drops the page chrome the source excludes, keeping title, meta and the rest of the copy unchanged', () => {
    const full = readPage(page);
    const trimmed = readPage(page, { exclude: chrome });
    expect(texts(full, 'nav').length).toBeGreaterThan(5);
    expect(texts(trimmed, 'nav')).toEqual([]);
    expect(trimmed.length).toBeLessThan(full.length);
    for (const role of ['title', 'description', 'og'] as const) expect(texts(trimmed, role)).toEqual(texts(full, role));
    const kept = new Set(full.map((p) => `${p.role}\u0000${p.text}`));
    for (const part of trimmed) expect(kept.has(`${part.role}\u0000${part.text}`), part.text).toBe(true);
  });

  it('names an invalid exclude selector in a SourceError', () => {
    expect(() => readPage(page, { exclude: ['footer[[x'] })).toThrow(SourceError);
    expect(() => readPage(page, { exclude: ['footer[[x'] })).toThrow(/invalid exclude selector "footer\[\[x"/);
  });
});
