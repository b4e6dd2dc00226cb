// Sentences and word tokens for any language. Intl.Segmenter finds sentence ends; a
// regular expression finds words where spaces separate them (faster than the word
// segmenter, FACTS.md), and Intl.Segmenter's dictionary does where they do not (Thai, CJK).

import { primaryLanguage } from './language.js';
import { dateRunsAcross } from './values/date.js';
import { urlRunsAcross } from './values/url.js';

export interface Span {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

// A word that ICU takes for a sentence's end, and that is none, is recognised by a pattern over
// the end of the sentence alone (an end-anchored pattern still tries every start): `reach`
// characters hold the longest such word with its dot and the character before it. A pattern
// comes in two forms: for a sentence no longer than that (the word may open it), and within.
interface EndWord {
  reach: number;
  opening: RegExp;
  within: RegExp;
}

function endWord(word: string, reach: number, flags = ''): EndWord {
  return { reach, opening: new RegExp(`(?:^|[\\s(])${word}\\.$`, flags), within: new RegExp(`[\\s(]${word}\\.$`, flags) };
}

/** Whether text[start, end) ends, spaces aside, in the word (so the segmenter's break there is not one). */
function endsIn(text: string, start: number, end: number, { reach, opening, within }: EndWord): boolean {
  let last = end;
  while (last > start && /\s/.test(text[last - 1])) last--;
  const from = Math.max(start, last - reach);
  return (from === start ? opening : within).test(text.slice(from, last));
}

// Intl.Segmenter ends a sentence after these; FACTS.md: "Dr. | Kowalski", "Jan. | 5".
const ABBREVIATION = endWord('(?:[A-Za-z]|Dr|Mr|Mrs|Ms|Prof|St|Sr|Jr|vs|etc|e\\.g|i\\.e|approx|incl|excl|Inc|Ltd|Co|No|Nr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|ul|np|tzw|godz|proc|ok|zł|gr)', 12, 'i');

// Languages that write an ordinal number with a dot after it ("am 16. April", "der 3.
// Jobtag", "3. miejsce"). ICU ends a sentence at a dot followed by a capital, so in these a
// date ("Dienstag, 4. Juni 2019") and an ordinal before a noun were cut in two; a number of
// one to three digits with its dot does not end a sentence in them.
const DOTTED_ORDINAL_LANGUAGES = new Set(['de', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'da', 'nb', 'nn', 'no', 'fi', 'et', 'lv', 'hu', 'is', 'fo', 'tr']);
const ORDINAL = endWord('\\d{1,3}', 5);

// Intl.Segmenter slows badly on strings over 65,535 characters (FACTS.md); split first.
const CHUNK = 20_000;

// Where a sentence can end (Unicode's sentence rules, UAX #29): after a sentence terminator
// ("." "!" "?" "。" "।"…) or a line or paragraph separator, nowhere else. Text without any is one
// sentence, and asking ICU costs microseconds a call whatever the text's length: half of a page's
// parts (a button, a heading, a menu item) have none. Checked against ICU on every code point;
// the tests hold it to every punctuation, space, format and mark character of the BMP.
const MAY_END_SENTENCE = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;

export function splitSentences(text: string, language: string): Span[] {
  const spans: Span[] = [];
  if (text.length <= CHUNK && !MAY_END_SENTENCE.test(text)) {
    keepTrimmed(text, { start: 0, end: text.length }, spans);
    return spans;
  }
  const ordinals = DOTTED_ORDINAL_LANGUAGES.has(primaryLanguage(language));
  for (const chunk of chunks(text)) {
    let pending: Span | undefined;
    const chunkText = text.slice(chunk.start, chunk.end);
    const segments = sentenceSegmenter(language).segment(chunkText);
    // Sentence after sentence by containing(): the same boundaries as iterating the segments
    // (tested on the bench's and the corpus's texts), in three quarters of the time.
    for (let next = 0; next < chunkText.length; ) {
      const seg = segments.containing(next)!;
      next = seg.index + seg.segment.length;
      const start = chunk.start + seg.index;
      const end = chunk.start + next;
      // No sentence ends inside a value: ICU ends one after "?" or "!" even with no space after
      // it (inside a URL's query, "…/summer?utm_source=copy"), and at a dot before a capital or
      // a digit (inside a date, "October. 2", "16. Nov. 2016"). A value is read in its sentence.
      if (pending && (endsIn(text, pending.start, pending.end, ABBREVIATION) || urlRunsAcross(text, pending.end) || (ordinals && endsIn(text, pending.start, pending.end, ORDINAL)) || dateRunsAcross(text, pending.end, language))) {
        pending.end = end;
        continue;
      }
      if (pending) keepTrimmed(text, pending, spans);
      pending = { start, end };
    }
    if (pending) keepTrimmed(text, pending, spans);
  }
  return spans;
}

/** Adds the span, its whitespace trimmed off both ends, to `spans` unless nothing is left. */
function keepTrimmed(text: string, span: Span, spans: Span[]): void {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
}

function chunks(text: string): Span[] {
  if (text.length <= CHUNK) return [{ start: 0, end: text.length }];
  const out: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const cut = text.lastIndexOf('. ', end);
      if (cut > start) end = cut + 2;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

// A word: letters/marks/digits joined by inner apostrophes, hyphens or decimal points;
// Hebrew gershayim (folded to ") inside a word belongs to it (ש"ח, צה"ל).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’.,-]|"(?=\p{L}))[\p{L}\p{M}\p{N}]+)*/gu;

const WORD_AT = new RegExp(WORD.source, 'uy');
const WORD_START = /[\p{L}\p{N}]/uy;

// Scripts written without spaces between words: a regular expression would see a whole
// sentence as one word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let wordSegmenter: Intl.Segmenter | undefined;

/** Whether a UTF-16 code is one of the Hebrew alphabet's letters (א-ת, final forms included). */
export const isHebrewLetter = (code: number): boolean => code >= 0x05d0 && code <= 0x05ea;

export function splitWords(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  const slice = text.slice(start, end);
  if (UNSPACED.test(slice)) {
    // The root locale's segmenter carries every script's dictionary; the tag adds nothing.
    wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const seg of wordSegmenter.segment(slice)) {
      if (seg.isWordLike) out.push({ start: start + seg.index, end: start + seg.index + seg.segment.length });
    }
    return out;
  }
  // Word starts found by character code where it is ASCII, each word's end by a sticky match
  // on the whole text: no match object per word. A word reaching the end is matched again on
  // the slice, where the pattern's lookahead cannot see past it.
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    let opens: boolean;
    if (code < 0x80) opens = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    else {
      WORD_START.lastIndex = i;
      opens = WORD_START.test(text);
    }
    if (!opens) {
      i++;
      continue;
    }
    WORD_AT.lastIndex = i;
    WORD_AT.test(text);
    let wordEnd = WORD_AT.lastIndex;
    if (wordEnd >= end) {
      WORD_AT.lastIndex = i - start;
      WORD_AT.test(slice);
      wordEnd = start + WORD_AT.lastIndex;
    }
    out.push({ start: i, end: wordEnd });
    i = wordEnd;
  }
  return out;
}
