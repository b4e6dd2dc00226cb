// Post length as each platform counts it (SPEC.md §7 Lengths): X by twitter-text's
// weighted length (URLs 23, CJK and emoji 2), Mastodon with every URL as 23, everything
// else in user-perceived characters (graphemes).
import { createRequire } from 'node:module';

export const PLATFORM_LIMITS: Readonly<Record<string, number>> = {
  x: 280,
  twitter: 280,
  bluesky: 300,
  mastodon: 500,
  threads: 500,
  linkedin: 3000,
  instagram: 2200,
  facebook: 63206,
};

type TwitterText = { parseTweet(text: string): { weightedLength: number } };
let twitterText: TwitterText | undefined;
// twitter-text is CommonJS only; loaded when an X channel is checked.
const loadTwitterText = () => (twitterText ??= createRequire(import.meta.url)('twitter-text') as TwitterText);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const URL = /https?:\/\/[^\s]+/g;

function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

export function postLength(text: string, platform: string | undefined): number {
  switch (platform) {
    case 'x':
    case 'twitter':
      return loadTwitterText().parseTweet(text).weightedLength;
    case 'mastodon': {
      const urls = text.match(URL) ?? [];
      return graphemeCount(text.replace(URL, '')) + urls.length * 23;
    }
    default:
      return graphemeCount(text);
  }
}
