// Folds typography so that equal copy compares equal, keeping a map back to the raw text:
// findings must point at the words as written, so no step may lose offsets.

export interface FoldedText {
  /** NFKC, quotes and dashes folded, invisible marks removed, whitespace collapsed. */
  text: string;
  /** toRaw[i] is the offset in the raw text of folded character i; toRaw[text.length] = raw length. */
  toRaw: Int32Array;
  /** The raw text, so that a span's end can step back over invisible marks. */
  raw?: string;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u05F3\u02BC]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u05F4\u00AB\u00BB]/;
// U+05BE is the Hebrew maqaf, the hyphen of Hebrew words.
const DASHES = /[\u05BE\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
// Zero-width, bidi controls (LRM/RLM/ALM, embeddings, isolates), soft hyphen, BOM: invisible
// in copy, but they break matching. RTL copy is full of them around numbers and Latin words.
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const COMBINING = /\p{M}/u;
// Hebrew points and cantillation (niqqud, te'amim): optional in modern copy, so "שָׁלוֹם" and
// "שלום" must compare equal. Only marks: maqaf, paseq and sof pasuq in this block are not.
const HEBREW_POINT = /[\u0591-\u05C7]/u;
const SPACE = /\s/;

function foldChar(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch;
}

/**
 * NFKC is applied per cluster (a code point and its combining marks) rather than to the
 * whole string so that every output character keeps the raw offset of its cluster.
 */
export function foldText(raw: string): FoldedText {
  let text = '';
  // Sized for the usual case (folding rarely lengthens text: "…" -> "...", NFKC ligatures),
  // grown when it does: no array regrown a push at a time.
  let toRaw = new Int32Array(raw.length + 16);
  let size = 0;
  const map = (at: number) => {
    if (size === toRaw.length) {
      const grown = new Int32Array(toRaw.length * 2);
      grown.set(toRaw);
      toRaw = grown;
    }
    toRaw[size++] = at;
  };
  let pendingSpace = -1;
  // Whether a character above U+00FF was written: only then must the text be stored wide.
  let wide = false;
  let i = 0;
  while (i < raw.length) {
    const start = i;
    const code = raw.charCodeAt(i);
    // Plain ASCII not followed by a combining mark (most copy): NFKC and the folds leave it
    // as it is, so only whitespace needs a look.
    if (code < 0x80 && !combiningAt(raw, i + 1)) {
      if (isAsciiSpace(code)) {
        if (pendingSpace < 0) pendingSpace = start;
        i++;
        continue;
      }
      if (pendingSpace >= 0 && text.length > 0) {
        text += ' ';
        map(pendingSpace);
      }
      pendingSpace = -1;
      // The whole run of such characters at once: one string append, not one per character.
      // A single space between two of them is part of the run: it folds to itself, mapped to
      // itself, as it would on its own (so a line of plain copy is one append, not two a word).
      i++;
      while (i < raw.length) {
        const next = raw.charCodeAt(i);
        if (next === 0x20 && i + 1 < raw.length) {
          const after = raw.charCodeAt(i + 1);
          if (after < 0x80 && !isAsciiSpace(after) && !combiningAt(raw, i + 2)) {
            i += 2;
            continue;
          }
        }
        if (next >= 0x80 || isAsciiSpace(next) || combiningAt(raw, i + 1)) break;
        i++;
      }
      text += raw.slice(start, i);
      for (let k = start; k < i; k++) map(k);
      continue;
    }
    const cp = raw.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    while (i < raw.length) {
      const next = raw.codePointAt(i)!;
      const ch = String.fromCodePoint(next);
      if (!COMBINING.test(ch)) break;
      i += next > 0xffff ? 2 : 1;
    }
    const cluster = raw.slice(start, i);
    if (INVISIBLE.test(cluster)) continue;
    for (const ch of cluster.normalize('NFKC')) {
      if (HEBREW_POINT.test(ch) && COMBINING.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (pendingSpace < 0) pendingSpace = start;
        continue;
      }
      if (pendingSpace >= 0 && text.length > 0) {
        text += ' ';
        map(pendingSpace);
      }
      pendingSpace = -1;
      const folded = foldChar(ch);
      wide ||= folded.charCodeAt(0) > 0xff;
      text += folded;
      for (let k = 0; k < folded.length; k++) map(start);
    }
  }
  map(raw.length);
  return { text: wide ? text : narrow(text), toRaw: toRaw.subarray(0, size), raw };
}

/**
 * The same characters, all at or below U+00FF, stored one byte each. V8 stores a string two
 * bytes a character when the string it was cut from had any character above U+00FF: one "€"
 * or "✓" on a page makes every part of it wide, and so every sentence, word and value cut from
 * those parts. A wide string costs twice the memory, and a pattern with a large class (\p{L},
 * a word's letters) calls out of its compiled code for each character it tests in one: on the
 * bench, nearly every text was wide though 95% of its characters were ASCII.
 */
function narrow(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}

const isAsciiSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d);

/** Whether a combining mark starts at `i` (all marks are at U+0300 or above). */
function combiningAt(raw: string, i: number): boolean {
  if (i >= raw.length || raw.charCodeAt(i) < 0x300) return false;
  return COMBINING.test(String.fromCodePoint(raw.codePointAt(i)!));
}

/** Raw [start, end) of a folded [start, end). */
export function rawSpan(folded: FoldedText, start: number, end: number): [number, number] {
  const rawStart = folded.toRaw[start];
  // The end maps through the last character so that a multi-char cluster is not cut.
  const rawEnd = end > start ? nextRawBoundary(folded, end - 1) : rawStart;
  return [rawStart, rawEnd];
}

function nextRawBoundary(folded: FoldedText, last: number): number {
  const at = folded.toRaw[last];
  let end = folded.toRaw[folded.toRaw.length - 1];
  for (let k = last + 1; k < folded.toRaw.length; k++) {
    if (folded.toRaw[k] !== at) {
      end = folded.toRaw[k];
      break;
    }
  }
  // A bidi mark right after the span ("₪49.90\u2069") was dropped, not folded: leave it out.
  const raw = folded.raw;
  if (raw) while (end > at + 1 && INVISIBLE.test(raw[end - 1])) end--;
  return end;
}

// The only languages whose lower case differs from the root locale's (Unicode SpecialCasing:
// dotted and dotless i in Turkish and Azeri, Lithuanian dots); elsewhere the plain,
// much faster toLowerCase gives the same string.
const LOCALE_CASED = new Set(['tr', 'az', 'lt']);

/**
 * Lower case by the copy's language: Turkish "İstanbul" is "istanbul" in tr. Elsewhere "İ"
 * lower-cases to "i" plus a combining dot (U+0307); the dot is dropped so that matching
 * is unaffected. An unknown tag falls back to the root locale.
 */
export function foldCase(text: string, language: string): string {
  let lower: string;
  if (!LOCALE_CASED.has(language.slice(0, 2).toLowerCase())) lower = text.toLowerCase();
  else {
    try {
      lower = text.toLocaleLowerCase(language);
    } catch {
      lower = text.toLowerCase();
    }
  }
  return lower.includes('\u0307') ? lower.replace(/i\u0307/g, 'i') : lower;
}

// Letters that carry a diacritic but have no canonical decomposition, so NFD cannot split them.
const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ı: 'i', ħ: 'h', ŧ: 't' };
// Only the combining diacritics of Latin, Greek and Cyrillic: in other scripts (Devanagari,
// Thai) marks are vowels, not decoration.
const MARKS = /[\u0300-\u036F]/g;
const PLAIN = /^[\x00-\x7F]*$/;

/**
 * The text as typed on a keyboard without diacritics ("zł" -> "zl", "dostawę" -> "dostawe").
 * Used to recognise copy typed without them, never to match as if they were equal.
 * Not offset-preserving: only for comparison keys.
 */
export function stripDiacritics(text: string): string {
  if (PLAIN.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[łŁđĐøØıħŧ]/g, (ch) => UNDECOMPOSABLE[ch])
    .normalize('NFC');
}
