// Cues that turn a statement into its opposite, in English, Polish, Hebrew and German (the
// words are data, in negation-words.ts). Matched
// against lower-cased, folded word tokens (’ already folded to ', ״ to ").
//
// Two levels:
// - isNegationCue(token): can this word negate at all? Hebrew one-letter prefixes are
//   read off ("ולא", "שאין", "וללא"), but never ones that make another word ("מלא" is
//   "full", "כלא" "prison", "הלא" a rhetorical "isn't it").
// - negationCues(words): which words in a sentence do negate. Marketing idioms that only
//   look negative are not cues ("not only", "don't miss", "nie przegap", "אין כמו",
//   "אל תפספסו"), and in Polish and Hebrew negative concord counts once: "nie ma żadnych
//   opłat" and "מעולם לא" are one negation, not two that cancel.
import { mapped } from '../arrays.js';
import { foldText } from './fold.js';
import { NEGATION_WORDS, type NegationWords } from './negation-words.js';
import { isHebrewLetter, splitWords } from './segment.js';

type Language = keyof typeof NEGATION_WORDS;
const LANGUAGES = Object.keys(NEGATION_WORDS) as Language[];

const byLanguage = <T>(pick: (words: NegationWords) => T) => Object.fromEntries(LANGUAGES.map((l) => [l, pick(NEGATION_WORDS[l])])) as Record<Language, T>;
const CUES = byLanguage((w) => w.cues);
const CONCORD = byLanguage<ReadonlySet<string>>((w) => new Set(w.concord));
const CONCORD_REACH = 5;

// Hebrew prefixes that may stand before a negator: ו (and), ש/כש/מש (that, when, since).
const HEBREW_PREFIX = /^ו?(?:ש|כש|מש)?/;
// "אל" negates an imperative or future verb ("אל תחכו"), which starts with ת; otherwise it is "to".
const HEBREW_AL = /^ו?אל$/;

const BY_LANGUAGE = byLanguage<ReadonlySet<string>>((w) => new Set(w.cues));
const ALL = new Set(Object.values(CUES).flat());

function primary(language: string): string {
  return (typeof language === 'string' ? language : '').toLowerCase().split(/[-_]/)[0];
}

// Asked once per word: the answer per tag is remembered (a run sees a handful of tags).
const knownByTag = new Map<string, Language | undefined>();

export function knownLanguage(language: string): Language | undefined {
  if (knownByTag.has(language)) return knownByTag.get(language);
  const p = primary(language);
  const known = p === 'iw' ? 'he' : (LANGUAGES as string[]).includes(p) ? (p as Language) : undefined;
  if (typeof language === 'string' && knownByTag.size < 256) knownByTag.set(language, known);
  return known;
}
const known = knownLanguage;

function hasCue(token: string, cues: ReadonlySet<string>): boolean {
  if (cues.has(token)) return true;
  if (!isHebrewLetter(token.charCodeAt(0))) return false;
  const prefix = HEBREW_PREFIX.exec(token)![0];
  return prefix.length > 0 && cues.has(token.slice(prefix.length)) && CUES.he.includes(token.slice(prefix.length));
}

/**
 * Whether a lower-cased word can negate. A language without its own list uses all lists
 * (better a cue too many in untagged copy than a missed "not").
 */
export function isNegationCue(token: string, language: string): boolean {
  return isCueIn(token, known(language));
}

function isCueIn(token: string, lang: Language | undefined): boolean {
  if (typeof token !== 'string' || token === '') return false;
  if (hasCue(token, lang ? BY_LANGUAGE[lang] : ALL)) return true;
  // "n't" or "n’t" at the end, tested without a pattern: asked of every word read.
  return (lang === 'en' || lang === undefined) && (token.endsWith("n't") || token.endsWith('n’t'));
}

/**
 * For each lower-cased word of one sentence, whether it negates there. Same length as
 * `words`. Context decides what isNegationCue cannot: idioms, "אל" before a verb, "no."
 * before a number, and negative concord. `canNegate(i)`: isNegationCue of the i-th word, when
 * the caller knows it already (tokenizing asks it once per distinct word, not per word read).
 */
export function negationCues(words: readonly string[], language: string, canNegate?: (index: number) => boolean): boolean[] {
  const lang = known(language);
  const flags = mapped(words, canNegate ? (_word, i) => canNegate(i) : (word) => isCueIn(word, lang));
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1] ?? '';
    if (!flags[i]) {
      if ((lang === 'he' || lang === undefined) && HEBREW_AL.test(words[i]) && /^ת[\u05D0-\u05EA]{2,}/.test(next)) flags[i] = true;
      if (!flags[i]) continue;
    }
    if (isIdiom(words, i, lang)) flags[i] = false;
    // "No. 1 in running": the abbreviation of "number".
    else if (words[i] === 'no' && /^\d/.test(next)) flags[i] = false;
  }
  if (lang && CONCORD[lang].size > 0) {
    const concord = CONCORD[lang];
    for (let i = 0; i < words.length; i++) {
      if (!flags[i] || !concord.has(words[i])) continue;
      for (let k = Math.max(0, i - CONCORD_REACH); k <= Math.min(words.length - 1, i + CONCORD_REACH); k++) {
        if (k !== i && flags[k] && !concord.has(words[k])) {
          flags[i] = false;
          break;
        }
      }
    }
  }
  return flags;
}

function isIdiom(words: readonly string[], i: number, lang: Language | undefined): boolean {
  const next = words[i + 1];
  if (next === undefined) return false;
  const languages: Language[] = lang ? [lang] : LANGUAGES;
  for (const l of languages) {
    if (NEGATION_WORDS[l].idiomNext.some((w) => next.startsWith(w))) return true;
    if (NEGATION_WORDS[l].idiomPair.some(([a, b]) => next === a && words[i + 2] === b)) return true;
  }
  return false;
}

export type Polarity = 'negated' | 'affirmative';

/**
 * The polarity of one sentence: negated when an odd number of its words negate
 * ("not without fees" is affirmative). `text` may be raw or folded.
 */
export function sentencePolarity(text: string, language: string): Polarity {
  if (typeof text !== 'string' || text === '') return 'affirmative';
  const plain = foldText(text).text;
  const words = splitWords(plain).map((span) => lower(plain.slice(span.start, span.end), language));
  const count = negationCues(words, language).filter(Boolean).length;
  return count % 2 === 1 ? 'negated' : 'affirmative';
}

function lower(word: string, language: string): string {
  try {
    return word.toLocaleLowerCase(language || 'en');
  } catch {
    return word.toLowerCase();
  }
}
