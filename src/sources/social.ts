// Social exports: each post is its own part (role "post") with its id as `unit`.
// JSON/YAML arrays and wrappers, Twitter API v1.1 and premium search, Mastodon statuses,
// ActivityPub outboxes, X archives (tweets.js), CSV exports and plain text.
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeHTML } from 'entities';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Anchor, Part } from '../documents/types.js';
import { decodeText } from './decode.js';
import { htmlToText } from './social-html.js';
import { SourceError, type SourceInput } from './types.js';

const TEXT_FIELDS = ['text', 'message', 'content', 'post', 'body', 'caption', 'copy', 'full_text'];
const LINK_FIELDS = ['link', 'url', 'href'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Post {
  text: string;
  id?: string;
  href?: string;
  anchor?: Omit<Anchor, 'at'>;
}

const isObj = (v: Json | undefined): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function field(obj: Obj, names: readonly string[]): Json | undefined {
  const keys = Object.keys(obj);
  for (const name of names) {
    const key = keys.find((k) => k.toLowerCase() === name);
    if (key !== undefined && obj[key] !== null && obj[key] !== '') return obj[key];
  }
  return undefined;
}

/** One post out of an object in any of the shapes we know. */
function postOf(item: Json): Post | undefined | null {
  if (typeof item === 'string') return { text: item };
  if (!isObj(item)) return undefined;
  if (item.type === 'Announce' || (item.reblog !== undefined && item.reblog !== null)) return null; // a boost is someone else's copy
  if (item.type === 'Create' && isObj(item.object)) return postOf(item.object);
  if (isObj(item.tweet)) return postOf(item.tweet);
  const extended = isObj(item.extended_tweet) ? item.extended_tweet.full_text : undefined;
  const value = extended ?? field(item, TEXT_FIELDS);
  if (typeof value !== 'string') return undefined;
  // Mastodon and ActivityPub carry HTML content; everything else is plain text.
  const html = typeof item.content === 'string' && value === item.content && /<[a-z][^>]*>/i.test(value);
  const id = item.id_str ?? item.id ?? item.url;
  const urls = isObj(item.entities) && Array.isArray(item.entities.urls) ? item.entities.urls : [];
  const expanded = urls.map((u) => (isObj(u) ? u.expanded_url : undefined)).find((u) => typeof u === 'string');
  const link = field(item, LINK_FIELDS) ?? expanded;
  return {
    text: html ? htmlToText(value) : decodeHTML(value),
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
    href: typeof link === 'string' ? link : undefined,
  };
}

function postsOf(data: Json): Json[] {
  if (Array.isArray(data)) return data;
  if (isObj(data)) {
    for (const key of ['posts', 'results', 'statuses', 'orderedItems', 'items', 'data']) {
      if (Array.isArray(data[key])) return data[key] as Json[];
    }
    if (isObj(data.first) && Array.isArray(data.first.orderedItems)) return data.first.orderedItems;
  }
  throw new SourceError('no posts: expected a list of posts, or an object with "posts", "results", "statuses" or "orderedItems"');
}

function toParts(posts: Array<Post | undefined | null>): Part[] {
  const parts: Part[] = [];
  posts.forEach((post, i) => {
    if (!post || !post.text.trim()) return;
    const part: Part = { role: 'post', text: post.text.trim(), unit: post.id ?? `#${i + 1}`, anchors: post.anchor ? [{ at: 0, ...post.anchor }] : [] };
    if (post.href) part.href = post.href;
    parts.push(part);
  });
  return parts;
}

/** JSON and YAML through one parser, which keeps each node's position for anchors. */
function readStructured(text: string, what: string): Part[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new SourceError(`invalid ${what}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')}`, pos?.line, pos?.col);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as Json;
  const items = postsOf(data);
  const nodes = listNode(doc.contents as YamlNode | null);
  return toParts(
    items.map((item, i) => {
      const post = postOf(item);
      const node = nodes?.[i];
      const textNode = node && isMap(node) ? node.items.find((pair) => TEXT_FIELDS.includes(String((pair.key as { value?: unknown })?.value).toLowerCase()))?.value : node;
      const offset = (textNode as YamlNode | undefined)?.range?.[0];
      if (post && offset !== undefined) {
        const p = lineCounter.linePos(offset);
        post.anchor = { line: p.line, column: p.col };
      }
      return post;
    }),
  );
}

function listNode(node: YamlNode | null): YamlNode[] | undefined {
  if (isSeq(node)) return node.items as YamlNode[];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = String((pair.key as { value?: unknown })?.value);
      if (['posts', 'results', 'statuses', 'orderedItems', 'items', 'data'].includes(key) && isSeq(pair.value)) return pair.value.items as YamlNode[];
    }
  }
  return undefined;
}

function readCsv(text: string, column?: string): Part[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(text, { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new SourceError(`invalid CSV: ${e.message.split('\n')[0]}`, e.lines);
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const names = header.record.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const textIndex = column ? names.indexOf(column) : TEXT_FIELDS.map((f) => lower.indexOf(f)).find((i) => i >= 0) ?? -1;
  if (textIndex < 0) {
    const wanted = column ? `column "${column}"` : `a text column (${TEXT_FIELDS.slice(0, 7).join(', ')})`;
    throw new SourceError(`no ${wanted} in the CSV header (found: ${names.join(', ')})`, 1);
  }
  const linkIndex = LINK_FIELDS.map((f) => lower.indexOf(f)).find((i) => i >= 0) ?? -1;
  const idIndex = lower.indexOf('id');
  return toParts(
    rows.map(({ record, info }, i) => ({
      text: record[textIndex] ?? '',
      id: idIndex >= 0 && record[idIndex] ? record[idIndex] : `#${i + 1}`,
      href: linkIndex >= 0 && record[linkIndex] ? record[linkIndex] : undefined,
      anchor: { line: info.lines - (record[textIndex]?.split('\n').length ?? 1) + 1, column: 1 },
    })),
  );
}

function readTxt(text: string): Part[] {
  const posts: Post[] = [];
  let buffer: string[] = [];
  let start = 1;
  const flush = () => {
    const body = buffer.join('\n').trim();
    if (body) {
      const lead = buffer.findIndex((l) => l.trim());
      posts.push({ text: body, anchor: { line: start + lead, column: 1 } });
    }
    buffer = [];
  };
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*---\s*$/.test(line)) {
      flush();
      start = i + 2;
    } else buffer.push(line);
  });
  flush();
  return toParts(posts);
}

export function readSocial(input: SourceInput): Part[] {
  const name = input.name.toLowerCase();
  const text = decodeText(input, 'text');
  if (name.endsWith('.csv')) return readCsv(text, input.column);
  if (name.endsWith('.txt')) return readTxt(text);
  if (name.endsWith('.js') || /^\s*window\.YTD\./.test(text)) {
    // An X archive: "window.YTD.tweets.part0 = [ ... ]" — JSON after the assignment.
    const at = text.indexOf('=');
    if (at < 0 || !/^\s*window\.YTD\./.test(text)) throw new SourceError('not an X archive: expected "window.YTD.tweets.part0 = [...]"');
    return readStructured(' '.repeat(at + 1) + text.slice(at + 1), 'X archive');
  }
  return readStructured(text, name.endsWith('.json') ? 'JSON' : 'YAML');
}
