// Scale words and percent words per language, as data. A scale word multiplies the amount
// written before it ("75 millions", "2,5 Mio.", "1,45 mil millones", "5 tys. zł"); a percent
// word makes the amount a percentage ("20 Prozent", "10 por ciento", "cent pour cent").
import { primaryLanguage } from '../../language.js';

/** Scale words by primary language; `*` is read in every language. Case-sensitive entries are marked. */
const SCALES: Record<string, ReadonlyArray<readonly [string, number]>> = {
  '*': [['k', 1e3], ['K', 1e3], ['M', 1e6], ['bn', 1e9], ['mln', 1e6], ['mld', 1e9]],
  en: [
    ['thousand', 1e3], ['million', 1e6], ['millions', 1e6], ['mn', 1e6], ['mio', 1e6], ['billion', 1e9], ['billions', 1e9],
    ['trillion', 1e12], ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7],
  ],
  de: [
    ['Tsd.', 1e3], ['tausend', 1e3], ['Mio.', 1e6], ['Mio', 1e6], ['Million', 1e6], ['Millionen', 1e6], ['Mrd.', 1e9], ['Mrd', 1e9],
    ['Milliarde', 1e9], ['Milliarden', 1e9], ['Billion', 1e12], ['Billionen', 1e12],
  ],
  fr: [['mille', 1e3], ['million', 1e6], ['millions', 1e6], ['M', 1e6], ['Md', 1e9], ['Mds', 1e9], ['milliard', 1e9], ['milliards', 1e9]],
  es: [
    ['mil', 1e3], ['millón', 1e6], ['millon', 1e6], ['millones', 1e6], ['MM', 1e6], ['mil millones', 1e9], ['millardo', 1e9], ['millardos', 1e9],
    ['billón', 1e12], ['billones', 1e12],
  ],
  nl: [['duizend', 1e3], ['mln.', 1e6], ['miljoen', 1e6], ['mld.', 1e9], ['miljard', 1e9]],
  pl: [['tys.', 1e3], ['tys', 1e3], ['tysięcy', 1e3], ['mln.', 1e6], ['milion', 1e6], ['miliony', 1e6], ['milionów', 1e6], ['mld.', 1e9], ['miliard', 1e9], ['miliardów', 1e9]],
};

/** Percent words by primary language ("%" and "％" are read everywhere). */
const PERCENT_WORDS: Record<string, readonly string[]> = {
  en: ['percent', 'percents', 'per cent', 'percentage', 'pct'],
  de: ['prozent', 'prozentpunkte', 'prozentpunkten'],
  fr: ['pour cent', 'pour-cent', 'pourcent', 'pourcents', 'pourcentage', 'pourcentages'],
  es: ['por ciento', 'por cien', 'porciento'],
  nl: ['procent', 'percent', 'procentpunt', 'procentpunten'],
  pl: ['procent', 'procenty', 'procentów', 'proc.', 'prc.'],
  he: ['אחוזים', 'אחוזי', 'אחוז'],
};

/** Words that open a percentage read before its number: "percent of 10", "pourcentage de vingt", "percentage van 30". */
export const PERCENT_OF: Record<string, string> = {
  en: '(?:percents?|per cent|percentage) of',
  fr: '(?:pourcentages?|pourcents?) (?:de|des|du)',
  nl: 'percentage van',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bySpecificity = (a: string, b: string) => b.length - a.length;

/** The languages whose words are read for a tag: its own, or all when it has none here. */
function languagesOf(language: string, table: Record<string, unknown>): string[] {
  const primary = primaryLanguage(language);
  return primary in table ? [primary] : Object.keys(table).filter((k) => k !== '*');
}

export interface ScaleWords {
  /** Regex source (no captures) of every scale word for the language. */
  source: string;
  /** The factor of a written scale word; undefined when unknown. */
  factor(written: string): number | undefined;
}

const scaleCache = new Map<string, ScaleWords>();

/** Scale words read in `language`: its own, English ones (copy borrows "million") and the shared abbreviations. */
export function scaleWords(language: string): ScaleWords {
  const key = primaryLanguage(language);
  const cached = scaleCache.get(key);
  if (cached) return cached;
  // A language without scale words of its own (he) reads the shared and English ones only.
  const own = key in SCALES ? [key] : [];
  const entries = [...new Set(['*', 'en', ...own])].flatMap((l) => SCALES[l] ?? []);
  // A lower-case entry is read in any case ("Millions", "MILLONES"); a mixed one as written ("M", "Mio.").
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  for (const [word, value] of entries) {
    if (word === word.toLowerCase() && word.length > 1) folded.set(word, folded.get(word) ?? value);
    else exact.set(word, exact.get(word) ?? value);
  }
  const alternatives = [...exact.keys(), ...folded.keys()]
    .sort(bySpecificity)
    .map((w) => (exact.has(w) ? escape(w) : caseless(w)).replace(/ /g, '\\s'));
  const words: ScaleWords = {
    // A word is not followed by a letter or digit unless it ends with its full stop ("Mio."):
    // one lookaround after the alternation, since many in it are slow to compile.
    source: `(?:${alternatives.join('|')})(?:(?<=\\.)|(?![\\p{L}\\p{N}]))`,
    factor: (written) => exact.get(written.replace(/\s+/g, ' ')) ?? folded.get(written.toLowerCase().replace(/\s+/g, ' ')),
  };
  scaleCache.set(key, words);
  return words;
}

const percentCache = new Map<string, string>();

/** Regex source of the percent words read in `language` (every language's when it has none here). */
export function percentWords(language: string): string {
  const key = primaryLanguage(language);
  const cached = percentCache.get(key);
  if (cached !== undefined) return cached;
  // English words are read in every language: "30 percent" is common in copy of any tongue.
  const words = [...new Set(['en', ...languagesOf(language, PERCENT_WORDS)].flatMap((l) => PERCENT_WORDS[l] ?? []))].sort(bySpecificity);
  const source = words.map((w) => caseless(w).replace(/ /g, '[\\s-]')).join('|');
  percentCache.set(key, source);
  return source;
}

/** A word matched in any case through an explicit class per letter (the surrounding pattern may be case-sensitive). */
export function caseless(word: string): string {
  return [...word].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? escape(ch) : `[${ch.toLowerCase()}${ch.toUpperCase()}]`)).join('');
}
