// Mastodon and ActivityPub posts are HTML: flattened back to the text the author typed, with
// paragraphs and <br> as line breaks (they count toward length) and entities decoded.
// htmlparser2 directly, the parser cheerio/slim wraps: a social run then never loads cheerio.
// It is required on the first post that is HTML, as compromise is on the first word the lemma
// table lacks: loading it decodes its entity tables, which a run of plain-text posts (X,
// Instagram, LinkedIn exports) does not need.
import { createRequire } from 'node:module';
import { tidyPostText } from './social-text.js';

type Htmlparser2 = typeof import('htmlparser2');
let htmlparser2: Htmlparser2 | undefined;
const parseDocument = (html: string) => (htmlparser2 ??= createRequire(import.meta.url)('htmlparser2') as Htmlparser2).parseDocument(html);

/** Text that is markup rather than a post that happens to contain `<`. */
export function looksLikeHtml(text: string): boolean {
  return /<\/(?:p|a|span|div|li)>|<br\s*\/?>/i.test(text);
}

interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'blockquote', 'pre', 'section', 'article', 'header', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'figure', 'figcaption', 'hr',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'head']);

export interface HtmlPost {
  text: string;
  /** First link that is neither a mention nor a hashtag: the post's call to action. */
  link?: string;
}

/**
 * Mastodon renders what the author typed as `<p>` per paragraph and `<br>` per line break, so
 * a paragraph boundary becomes a blank line and `<br>` one newline: the author's own text, as
 * long as it was. Hidden URL parts (`<span class="invisible">https://</span>`) are kept: the
 * full URL was posted.
 */
export function htmlToPostText(html: string): HtmlPost {
  const root = parseDocument(html) as unknown as HtmlNode;
  const state = { out: '', pendingBlock: false, link: undefined as string | undefined };
  const emit = (chunk: string) => {
    // Source indentation between blocks is not copy.
    if (state.pendingBlock && chunk.trim() === '') return;
    if (state.pendingBlock && state.out) state.out = withoutTrailingSpace(state.out) + '\n\n';
    state.pendingBlock = false;
    state.out += chunk;
  };
  const walk = (node: HtmlNode) => {
    if (node.type === 'text') {
      emit((node.data ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (SKIPPED.has(name)) return;
    if (name === 'br') {
      emit('\n');
      return;
    }
    if (name === 'a' && state.link === undefined) state.link = callToAction(node.attribs ?? {});
    const block = BLOCKS.has(name);
    if (block) state.pendingBlock = true;
    for (const child of node.children ?? []) walk(child);
    if (block) state.pendingBlock = true;
  };
  walk(root);
  return { text: tidyPostText(state.out), ...(state.link ? { link: state.link } : {}) };
}

function withoutTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\n')) end--;
  return text.slice(0, end);
}

function callToAction(attribs: Record<string, string>): string | undefined {
  const href = attribs.href;
  if (!href || !/^https?:\/\//i.test(href)) return undefined;
  const marks = `${attribs.class ?? ''} ${attribs.rel ?? ''}`;
  return /\b(?:mention|hashtag|tag|u-url)\b/.test(marks) ? undefined : href;
}
