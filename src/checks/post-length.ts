// Post length as each platform counts it (SPEC.md §7 Lengths).
//  - X: the weighted length X documents (./x-length.ts: every URL 23, CJK and emoji 2, text
//    NFC-normalized first).
//  - Mastodon: as its server validates a status (StatusLengthValidator): each http(s) URL that
//    twitter-text's extractor finds (./post-urls.ts) counts 23, a remote mention `@user@domain` counts as
//    `@user`, and the rest is counted in grapheme clusters.
//  - Every other platform, or none: user-perceived characters (grapheme clusters), so 👍🏽 or a
//    family emoji is 1 and `&amp;` (already decoded by the readers) is 1.
import { findUrls } from './post-urls.js';
import { xWeightedLength } from './x-length.js';

/** Default post limits by platform name (lower case); the spec owns the table. */
export { PLATFORM_MAX_LENGTH as PLATFORM_LIMITS } from '../spec/resolve.js';

const URL_PLACEHOLDER = 'x'.repeat(23);

export function postLength(text: string, platform: string | undefined): number {
  switch (platform?.toLowerCase()) {
    case 'x':
    case 'twitter':
      return xWeightedLength(text);
    case 'mastodon':
      return mastodonLength(text);
    default:
      return graphemeCount(text);
  }
}

// Mastodon's Account::MENTION_RE: the domain of a remote mention is not shown, so not counted.
const REMOTE_MENTION = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?)@[\p{L}\p{N}_.-]+[\p{L}\p{N}_]/giu;

function mastodonLength(text: string): number {
  let countable = text;
  if (text.includes('://')) {
    // Like Mastodon, put a 23-character placeholder where each URL was, then count the whole.
    countable = '';
    let from = 0;
    for (const { indices } of findUrls(text, { withoutScheme: false })) {
      countable += text.slice(from, indices[0]) + URL_PLACEHOLDER;
      from = indices[1];
    }
    countable += text.slice(from);
  }
  return graphemeCount(countable.replace(REMOTE_MENTION, '@$1'));
}

// Made on first need: creating it costs ~10 ms, and X posts and ASCII text never need it.
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = () => (graphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' }));
// Printable ASCII, tabs and line feeds: one character each, no segmenter needed.
const SIMPLE = /^[\x20-\x7e\n\t]*$/;
// Intl.Segmenter slows 20-30× on strings past 65,535 characters (FACTS.md): count long text
// in windows. Each window's last cluster may run past the cut, so it is counted with the next.
const WINDOW = 8192;

export function graphemeCount(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  let count = 0;
  let start = 0;
  while (text.length - start > WINDOW) {
    let segments = 0;
    let lastStart = 0;
    for (const { index } of graphemes().segment(text.slice(start, start + WINDOW))) {
      segments++;
      lastStart = index;
    }
    if (lastStart === 0) {
      // One cluster longer than a window (thousands of combining marks): count it once.
      count++;
      start += WINDOW;
    } else {
      count += segments - 1;
      start += lastStart;
    }
  }
  for (const _ of graphemes().segment(text.slice(start))) count++;
  return count;
}
