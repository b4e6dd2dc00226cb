// The <loc>s of a sitemap, handed out one at a time while the text streams in, so a sitemap of
// a million URLs is filtered as it is read and reading stops as soon as enough pages are kept.
// A forgiving XML parser (real sitemaps are not all well-formed), or the protocol's text form:
// one URL a line.
import { Parser } from 'htmlparser2';
import { SourceError } from '../types.js';

export type SitemapKind = 'urlset' | 'index' | 'text';

/** Called for each <loc> (or URL line); false stops the reading. */
export type LocSink = (loc: string, kind: SitemapKind) => boolean;

// <urlset><url><loc> is three deep; anything far deeper is not a sitemap, and deep nesting
// costs the parser time per tag.
const MAX_DEPTH = 32;
// Longer than any URL a browser or crawler accepts: such a <loc> is skipped, not accumulated.
const MAX_LOC_CHARS = 16 * 1024;

export class SitemapParser {
  kind: SitemapKind | undefined;
  /** Set once the sink said stop: the caller stops feeding text. */
  stopped = false;
  private mode: 'xml' | 'text' | undefined;
  private head = '';
  private partialLine = '';
  private textLocs = 0;
  private root: string | undefined;
  private readonly xml: Parser;

  constructor(private readonly sink: LocSink) {
    const open: string[] = [];
    let loc: string | undefined;
    const local = (name: string) => name.replace(/^.*:/, '').toLowerCase();
    this.xml = new Parser(
      {
        onopentagname: (name) => {
          const tag = local(name);
          if (this.root === undefined) {
            this.root = tag;
            if (tag === 'urlset') this.kind = 'urlset';
            else if (tag === 'sitemapindex') this.kind = 'index';
            else throw new SourceError(`not a sitemap: root element <${tag}>, expected <urlset> or <sitemapindex>`);
          }
          if (open.length >= MAX_DEPTH) throw new SourceError(`not a sitemap: elements nested deeper than ${MAX_DEPTH} levels`);
          if (tag === 'loc' && (open.at(-1) === 'url' || open.at(-1) === 'sitemap')) loc = '';
          open.push(tag);
        },
        ontext: (data) => {
          if (loc === undefined) return;
          loc = loc.length + data.length > MAX_LOC_CHARS ? ' '.repeat(MAX_LOC_CHARS + 1) : loc + data;
        },
        onclosetag: (name) => {
          if (local(name) === 'loc' && loc !== undefined) {
            const found = loc.trim();
            loc = undefined;
            if (found && found.length <= MAX_LOC_CHARS && !this.stopped) this.stopped = !this.sink(found, this.kind!);
          }
          open.pop();
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
  }

  /** More decoded text; returns false once reading may stop. */
  write(text: string): boolean {
    if (this.stopped) return false;
    if (this.mode === undefined) {
      this.head += text;
      const start = this.head.replace(/^\uFEFF/, '').trimStart();
      if (!start) return true;
      this.mode = start.startsWith('<') ? 'xml' : 'text';
      text = start;
      this.head = '';
    }
    if (this.mode === 'xml') this.xml.write(text);
    else this.writeLines(text, false);
    return !this.stopped;
  }

  /** The end of the text: what kind of sitemap it was (a SourceError when it was none). */
  end(): SitemapKind {
    if (this.mode === 'xml' && !this.stopped) this.xml.end();
    if (this.mode === 'text') this.writeLines('', true);
    if (this.mode === 'text' && this.textLocs === 0) throw new SourceError('not a sitemap: neither XML nor a list of URLs');
    if (this.mode === undefined) throw new SourceError('not a sitemap: neither XML nor a list of URLs');
    if (this.mode === 'xml' && this.kind === undefined) throw new SourceError('not a sitemap: root element <?>, expected <urlset> or <sitemapindex>');
    if (this.mode === 'text') this.kind = 'text';
    return this.kind!;
  }

  private writeLines(text: string, last: boolean): void {
    const lines = (this.partialLine + text).split(/\r?\n/);
    this.partialLine = last ? '' : lines.pop()!;
    for (const line of lines) {
      if (this.stopped) return;
      const url = line.trim();
      if (!/^https?:\/\//i.test(url)) continue;
      this.textLocs++;
      this.stopped = !this.sink(url, 'text');
    }
  }
}

/** Every <loc> of a sitemap held in memory (tests, small sitemaps). */
export function parseSitemap(bytes: Uint8Array): { kind: SitemapKind; locs: string[] } {
  const locs: string[] = [];
  const parser = new SitemapParser((loc) => locs.push(loc) > 0);
  parser.write(new TextDecoder('utf-8').decode(bytes));
  return { kind: parser.end(), locs };
}
