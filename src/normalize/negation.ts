// Cues that turn a statement into its opposite, in English, Polish and Hebrew. Matched
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
import { foldText } from './fold.js';
import { splitWords } from './segment.js';

type Language = 'en' | 'pl' | 'he';

/** Words that negate on their own. */
const CUES: Record<Language, readonly string[]> = {
  en: [
    'not', 'no', 'never', 'without', 'none', 'nothing', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'nope',
    // Contractions typed without the apostrophe, common in posts.
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'hasnt', 'havent', 'hadnt', 'wouldnt', 'shouldnt', 'couldnt', 'aint',
  ],
  pl: [
    'nie', 'bez', 'beze', 'brak', 'braku', 'nigdy', 'ani', 'nic', 'niczego', 'nikt', 'nikogo', 'nigdzie',
    ...inflect('żadn', ['y', 'a', 'e', 'ego', 'ej', 'emu', 'ą', 'ym', 'ych', 'ymi']), 'żaden',
    // Typed without diacritics: still the same word to a reader.
    ...inflect('zadn', ['a', 'e', 'ego', 'ej', 'emu', 'ym', 'ych', 'ymi']), 'zaden',
  ],
  he: ['לא', 'אין', 'ללא', 'בלי', 'בלא', 'אינו', 'אינה', 'אינם', 'אינן', 'איננו', 'איננה', 'אינני', 'אינך', 'אינכם', 'אינכן', 'מעולם'],
};

/**
 * Words that negate only together with a core negator, or alone when none is near: the
 * concord items of Polish ("nigdy", "żadnych") and Hebrew ("מעולם").
 */
const CONCORD: Record<Language, ReadonlySet<string>> = {
  en: new Set(),
  pl: new Set(['nigdy', 'ani', 'nic', 'niczego', 'nikt', 'nikogo', 'nigdzie', 'żaden', 'zaden', ...inflect('żadn', ['y', 'a', 'e', 'ego', 'ej', 'emu', 'ą', 'ym', 'ych', 'ymi']), ...inflect('zadn', ['a', 'e', 'ego', 'ej', 'emu', 'ym', 'ych', 'ymi'])]),
  he: new Set(['מעולם']),
};
const CONCORD_REACH = 5;

/**
 * Words after a cue that make it an idiom rather than a negation, as prefixes of the next
 * word: "not only", "no doubt", "don't miss", "nie tylko", "nie przegap", "לא רק", "אין כמו".
 */
const NOT_NEGATING_NEXT: Record<Language, readonly string[]> = {
  en: ['only', 'just', 'merely', 'doubt', 'wonder', 'matter', 'question', 'miss', 'wait', 'hesitate', 'forget'],
  pl: ['tylko', 'jedynie', 'przegap', 'czekaj', 'zwlekaj', 'zapomnij', 'zapomnijcie', 'wahaj'],
  he: ['רק', 'כמו', 'ספק', 'תפספס', 'לפספס', 'תחכ', 'לחכות', 'תשכח', 'לשכוח', 'תהסס'],
};
/** Two-word idioms after a cue: "nie ma jak" / "nie ma to jak" ("nothing like"). */
const NOT_NEGATING_PAIR: Record<Language, ReadonlyArray<readonly [string, string]>> = {
  en: [],
  pl: [['ma', 'jak'], ['ma', 'to']],
  he: [],
};

// Hebrew prefixes that may stand before a negator: ו (and), ש/כש/מש (that, when, since).
const HEBREW_PREFIX = /^ו?(?:ש|כש|מש)?/;
// "אל" negates an imperative or future verb ("אל תחכו"), which starts with ת; otherwise it is "to".
const HEBREW_AL = /^ו?אל$/;

const BY_LANGUAGE: Record<Language, ReadonlySet<string>> = { en: new Set(CUES.en), pl: new Set(CUES.pl), he: new Set(CUES.he) };
const ALL = new Set(Object.values(CUES).flat());

function inflect(stem: string, endings: readonly string[]): string[] {
  return endings.map((ending) => stem + ending);
}

function primary(language: string): string {
  return (typeof language === 'string' ? language : '').toLowerCase().split(/[-_]/)[0];
}

function known(language: string): Language | undefined {
  const p = primary(language);
  return p === 'en' || p === 'pl' || p === 'he' ? p : p === 'iw' ? 'he' : undefined;
}

function hasCue(token: string, cues: ReadonlySet<string>): boolean {
  if (cues.has(token)) return true;
  if (!/^[\u05D0-\u05EA]/.test(token)) return false;
  const prefix = HEBREW_PREFIX.exec(token)![0];
  return prefix.length > 0 && cues.has(token.slice(prefix.length)) && CUES.he.includes(token.slice(prefix.length));
}

/**
 * Whether a lower-cased word can negate. A language without its own list uses all lists
 * (better a cue too many in untagged copy than a missed "not").
 */
export function isNegationCue(token: string, language: string): boolean {
  if (typeof token !== 'string' || token === '') return false;
  const lang = known(language);
  if (hasCue(token, lang ? BY_LANGUAGE[lang] : ALL)) return true;
  return (lang === 'en' || lang === undefined) && /n['’]t$/.test(token);
}

/**
 * For each lower-cased word of one sentence, whether it negates there. Same length as
 * `words`. Context decides what isNegationCue cannot: idioms, "אל" before a verb, "no."
 * before a number, and negative concord.
 */
export function negationCues(words: readonly string[], language: string): boolean[] {
  const lang = known(language);
  const flags = words.map((w) => isNegationCue(w, language));
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
  if (lang === 'pl' || lang === 'he') {
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
  const languages: Language[] = lang ? [lang] : ['en', 'pl', 'he'];
  for (const l of languages) {
    if (NOT_NEGATING_NEXT[l].some((w) => next.startsWith(w))) return true;
    if (NOT_NEGATING_PAIR[l].some(([a, b]) => next === a && words[i + 2] === b)) return true;
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
