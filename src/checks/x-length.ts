// A post's length as X counts it: the weighted length of X's published counting rules
// (twitter-text's configuration v3, docs.x.com "Counting characters"). The text is
// NFC-normalized; every URL counts 23; an emoji sequence (skin tones, ZWJ families, flags,
// keycaps) counts 2 however many code points it takes; every other code point counts 1 in the
// ranges below (Latin, Greek, Cyrillic, Hebrew, Arabic, … general punctuation) and 2 outside
// them (CJK, most symbols, anything beyond the Basic Multilingual Plane).
import { findUrls } from './post-urls.js';

/** Code point ranges that weigh one character; everything else weighs two. */
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const URL_LENGTH = 23;

const weightOf = (codeUnit: number) => (LIGHT_RANGES.some(([from, to]) => codeUnit >= from && codeUnit <= to) ? 1 : 2);

// An emoji sequence as Unicode lists it (RGI: ZWJ sequences, skin tones, flags, keycaps), else
// a pictograph with its presentation selector or skin tone. A lone pictograph is weighed like
// any character (© is 1, as X counts it), and pictographs that Unicode does not join are
// counted one by one.
// (The `v` flag, for RGI_Emoji, is newer than the compiler's target: built from a string.)
// Tried only where an emoji can start: RGI_Emoji tried at every position costs ~0.7 ms a post.
// Built on first use: parsing and compiling RGI_Emoji's ~3,700 strings costs ~0.1 s.
let emojiAtRegExp: RegExp | undefined;
const emojiAt = () => (emojiAtRegExp ??= new RegExp(String.raw`\p{RGI_Emoji}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})|[#*0-9]\uFE0F?\u20E3`, 'yv'));
const EMOJI_START = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[#*0-9](?=\uFE0F?\u20E3)/gu;
// What can follow the first code point inside an emoji sequence: a presentation selector,
// a joiner, a keycap, a skin tone, a tag, the second half of a flag.
const CONTINUES = /[\uFE0F\u200D\u20E3\p{Emoji_Modifier}\u{E0020}-\u{E007F}\p{Regional_Indicator}]/uy;

/** [start, end) of each emoji sequence, in order, none overlapping. */
function emojiSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  EMOJI_START.lastIndex = 0;
  for (let start = EMOJI_START.exec(text); start; start = EMOJI_START.exec(text)) {
    // A lone code point (👟, not 👍🏽 or ❤️) weighs the same as a span or as a character: 2,
    // except © and ®, which alone are no RGI emoji. Only a sequence needs RGI_Emoji.
    CONTINUES.lastIndex = start.index + start[0].length;
    if (!CONTINUES.test(text)) continue;
    const at = emojiAt();
    at.lastIndex = start.index;
    const emoji = at.exec(text);
    if (!emoji) continue;
    spans.push([start.index, start.index + emoji[0].length]);
    EMOJI_START.lastIndex = start.index + emoji[0].length;
  }
  return spans;
}

export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  // Where each URL and emoji sequence starts, and where it ends.
  const entities = new Map<number, number>();
  for (const { indices } of findUrls(normalized, { withoutScheme: true })) entities.set(indices[0], -indices[1]);
  for (const [start, end] of emojiSpans(normalized)) if (!entities.has(start)) entities.set(start, end);
  let length = 0;
  for (let i = 0; i < normalized.length; i++) {
    const end = entities.get(i);
    if (end !== undefined) {
      // URLs are stored as negative ends, emoji as positive ones.
      length += end < 0 ? URL_LENGTH : 2;
      i = Math.abs(end) - 1;
      continue;
    }
    const unit = normalized.charCodeAt(i);
    // A surrogate pair is one code point beyond the BMP, which is outside every light range.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length) {
      const next = normalized.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        length += 2;
        continue;
      }
    }
    length += weightOf(unit);
  }
  return length;
}
