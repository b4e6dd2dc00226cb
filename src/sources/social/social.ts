// Social sources: every post becomes one `post` part. Picks the format from the file name
// (and an X archive from its `window.YTD.` prefix), then decodes each post's text.
import path from 'node:path';
import { LineIndex, type Anchor, type Part } from '../../documents/types.js';
import { readCsvPosts } from './social-csv.js';
import { parseLocatedJson } from './social-json.js';
import { findPosts, isTextKey, type RawPost } from './social-posts.js';
import { htmlToPostText } from './social-html.js';
import { decodeBytes, decodeEntities, tidyLine, tidyPostText } from './social-text.js';
import { parseLocatedYaml } from './social-yaml.js';
import { POST_MARKER } from '../inline-disables.js';
import { SourceError, type SourceInput } from '../types.js';

/** What the spec may say about a social source: `{ file, column }` names a CSV's text column. */
export interface SocialOptions {
  column?: string;
}

// `window.YTD.tweets.part0 = [ … ]` (older archives: `tweet`, later parts `part1`, …).
const ARCHIVE_PREFIX = /^\s*window\.YTD\.[\w$]+\.part\d+\s*=\s*/;

export function readSocial(input: SourceInput): Part[] {
  const text = decodeBytes(input.bytes);
  const name = input.name.toLowerCase();
  const ext = path.extname(name);
  const archive = ARCHIVE_PREFIX.exec(text.slice(0, 200));
  let posts: Array<RawPost | undefined>;
  if (archive) posts = findPosts(parseLocatedJson(text, isTextKey, { start: archive[0].length, allowSemicolon: true }));
  else if (ext === '.json') posts = findPosts(parseLocatedJson(text, isTextKey));
  else if (ext === '.yaml' || ext === '.yml') posts = findPosts(parseLocatedYaml(text));
  else if (ext === '.csv') posts = readCsvPosts(text, { column: input.column });
  else if (ext === '.txt') return readTextPosts(text);
  else if (ext === '.js') throw new SourceError('not an X archive file: expected it to start with "window.YTD.tweets.part0 = ["');
  else throw new SourceError(`cannot read "${ext || input.name}" social files (expected .json, .yaml, .yml, .csv, .txt or an X archive tweets.js)`);
  return toParts(text, posts);
}

function toParts(text: string, posts: Array<RawPost | undefined>): Part[] {
  let lines: LineIndex | undefined;
  const parts: Part[] = [];
  posts.forEach((post, index) => {
    if (!post) return;
    let postText: string;
    let href = post.href;
    if (post.html) {
      const flattened = htmlToPostText(post.text);
      postText = flattened.text;
      href ??= flattened.link;
    } else postText = tidyPostText(decodeEntities(post.text));
    if (!postText) return;
    const anchors: Anchor[] = [];
    if (post.offset !== undefined) anchors.push({ at: 0, ...(lines ??= new LineIndex(text)).position(post.offset) });
    parts.push({ role: 'post', text: postText, anchors, unit: post.unit ?? `#${index + 1}`, ...(href ? { href } : {}) });
  });
  return parts;
}

const SEPARATOR = /^[ \t]*---[ \t]*$/;

/**
 * Posts separated by lines of `---`; a file without one is a single post. Each kept line is
 * anchored to its own line in the file, so a location inside a long post stays close.
 */
function readTextPosts(text: string): Part[] {
  const parts: Part[] = [];
  const lines = text.split(/\r\n?|\n/);
  let block: Array<{ text: string; line: number }> = [];
  let index = 0;
  const flush = () => {
    index++;
    const part = textPost(block, index);
    if (part) parts.push(part);
    block = [];
  };
  lines.forEach((line, i) => {
    if (SEPARATOR.test(line)) flush();
    else block.push({ text: line, line: i + 1 });
  });
  flush();
  return parts;
}

function textPost(block: Array<{ text: string; line: number }>, index: number): Part | undefined {
  let first = 0;
  let last = block.length - 1;
  while (first <= last && block[first].text.trim() === '') first++;
  while (last >= first && block[last].text.trim() === '') last--;
  // A trailing storefront-disable marker is an instruction to storefront, not copy.
  if (last >= first && POST_MARKER.test(block[last].text)) last--;
  while (last >= first && block[last].text.trim() === '') last--;
  if (first > last) return undefined;
  const anchors: Anchor[] = [];
  const kept: string[] = [];
  let at = 0;
  for (const { text, line } of block.slice(first, last + 1)) {
    const tidy = tidyLine(text);
    const indent = text.length - text.replace(/^[ \t\f\v]+/, '').length;
    anchors.push({ at, line, column: indent + 1 });
    // Where a run of spaces was collapsed or an entity decoded, the line and the file step again.
    for (const step of tidy.steps) anchors.push({ at: at + step.at, line, column: step.column });
    kept.push(tidy.text);
    at += tidy.text.length + 1;
  }
  return { role: 'post', text: kept.join('\n'), anchors, unit: `#${index}` };
}
