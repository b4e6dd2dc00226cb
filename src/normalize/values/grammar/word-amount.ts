// Amounts written in words right before or right after a unit: "siebenunddreißig Prozent",
// "five million yen", "percent of twenty-two". The words are read from the unit outwards,
// and the longest run of words that forms one number wins; a run that is not one number
// ("one two", "and five") is not read at all.
import { primaryLanguage } from '../../language.js';
import { numberLexicon, numberTokens, parseFractionPhrase, parseNumberPhrase, type NumberLexicon } from './number-words.js';

export interface WordAmount {
  start: number;
  end: number;
  value: number;
}

const MAX_WORDS = 32;
const WORD = /[\p{L}\p{M}'’]+/u;
// French writes 80 as "quatre-vingt(s)": one number word, not four times twenty.
const QUATRE_VINGT = /^quatre-vingts?$/i;

interface Word {
  text: string;
  start: number;
  end: number;
}

const SEPARATOR = /[\s\-\u2010\u2011]/;

/** Words (letters only), each after one space or hyphen, read backwards from `end`. */
function wordsBefore(text: string, end: number): Word[] {
  const words: Word[] = [];
  let i = end;
  while (words.length < MAX_WORDS && i > 0 && SEPARATOR.test(text[i - 1])) {
    const j = i - 1;
    let k = j;
    while (k > 0 && WORD.test(text[k - 1])) k--;
    if (k === j) break;
    words.unshift({ text: text.slice(k, j), start: k, end: j });
    i = k;
  }
  return words;
}

/** Words (letters only), each after one space or hyphen, read forwards from `start`. */
function wordsAfter(text: string, start: number): Word[] {
  const words: Word[] = [];
  let i = start;
  while (words.length < MAX_WORDS && i < text.length && SEPARATOR.test(text[i])) {
    const j = i + 1;
    let k = j;
    while (k < text.length && WORD.test(text[k])) k++;
    if (k === j) break;
    words.push({ text: text.slice(j, k), start: j, end: k });
    i = k;
  }
  return words;
}

/** Joins "quatre" "vingt" into the one word "quatre-vingt" before reading. */
function phrase(words: Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? `${words[i].text}-${words[i + 1].text}` : '';
    if (QUATRE_VINGT.test(pair)) {
      out.push(pair.replace('-', '').toLowerCase());
      i++;
    } else out.push(words[i].text);
  }
  return out;
}

/** The language's number words, then English ones ("thirty percent" turns up in any copy). */
function lexiconsOf(language: string): NumberLexicon[] {
  const primary = primaryLanguage(language);
  return [...new Set([numberLexicon(primary), numberLexicon('en')])].filter((l): l is NumberLexicon => l !== undefined);
}

function parseIn(words: Word[], lexicons: NumberLexicon[], fractions: boolean): number | undefined {
  if (isArticleOnly(words)) return undefined;
  for (const lexicon of lexicons) {
    const value = parseNumberPhrase(phrase(words), lexicon) ?? (fractions ? parseFractionPhrase(phrase(words), lexicon) : undefined);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Whether the word before a run continues the number or makes it part of something else:
 * a number word the reader could not take with the run (read all of it or none of it), or a
 * fraction's "over" ("uno sobre tres por ciento" is a third, not three).
 */
function continues(word: Word | undefined, lexicons: NumberLexicon[]): boolean {
  if (!word || /^(?:a|an|un|une|una|een|ein|eine|einen|einem|einer)$/i.test(word.text)) return false;
  if (/^(?:sobre|over|durch|sur|op)$/i.test(word.text)) return true;
  return lexicons.some((l) => {
    const tokens = numberTokens([word.text], l);
    return tokens !== undefined && tokens.some((t) => t.kind === 'value' || t.kind === 'multiplier');
  });
}

/** A number read from words alone must be more than an article: "a dollar" is not "1 dollar". */
function isArticleOnly(words: Word[]): boolean {
  return words.length === 1 && /^(?:a|an)$/i.test(words[0].text);
}

/** The number written in words that ends at `end` (before a unit), the longest one. */
export function wordAmountBefore(text: string, end: number, language: string, options: { fractions?: boolean } = {}): WordAmount | undefined {
  const lexicons = lexiconsOf(language);
  const words = wordsBefore(text, end);
  for (let from = 0; from < words.length; from++) {
    const run = words.slice(from);
    const value = parseIn(run, lexicons, options.fractions ?? false);
    if (value === undefined) continue;
    if (continues(words[from - 1], lexicons) || /[/^]$/.test(text.slice(Math.max(0, run[0].start - 2), run[0].start).trim())) return undefined;
    return { start: run[0].start, end: run[run.length - 1].end, value };
  }
  return undefined;
}

/** The number written in words that starts at `start` (after a unit or a joiner), the longest one. */
export function wordAmountAfter(text: string, start: number, language: string): WordAmount | undefined {
  const lexicons = lexiconsOf(language);
  const words = wordsAfter(text, start);
  for (let to = words.length; to > 0; to--) {
    const run = words.slice(0, to);
    const value = parseIn(run, lexicons, false);
    if (value !== undefined) return { start: run[0].start, end: run[run.length - 1].end, value };
  }
  return undefined;
}
