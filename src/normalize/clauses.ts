// Clauses inside a sentence: a negation reaches only to the end of its own clause. A
// comma, semicolon, colon, dash, bracket, line break or emoji closes a clause, and so does
// a conjunction ("but", "and", "ale", "אבל", "aber"): "no problem 🙂, our dietitians…",
// "Free shipping - no code needed". A clause opened by a condition word ("if", "jeśli",
// "אם", "wenn") or ending in a question mark states no claim: "If you're not ready…".
import { knownLanguage } from './negation.js';
import { NEGATION_WORDS } from './negation-words.js';

export interface Clause {
  /** Token indexes [from, to) in the token list the clauses were read from. */
  from: number;
  to: number;
  /** False for a condition or a question: the clause asks or supposes, it does not claim. */
  asserted: boolean;
}

interface WordSpan {
  norm: string;
}

// Punctuation (and emoji) between two words that closes the clause of the first.
// A full stop the sentence segmenter did not take for a sentence end (". 12,000 teams") too.
const CLOSES = /[,;:!?…—–()[\]{}|•·\n\r\u2028\u2029]|\.(?:\s|$)|(?:^|\s)[-‐‑‒]+(?:\s|$)|\p{Extended_Pictographic}/u;
const QUESTION = /[?？؟]/;

const ALL_OPENERS = new Set(Object.values(NEGATION_WORDS).flatMap((w) => w.clauseOpeners));
const ALL_CONDITIONS = new Set(Object.values(NEGATION_WORDS).flatMap((w) => w.conditions));

function wordsOf(language: string) {
  const lang = knownLanguage(language);
  if (!lang) return { openers: ALL_OPENERS, conditions: ALL_CONDITIONS };
  return { openers: new Set(NEGATION_WORDS[lang].clauseOpeners), conditions: new Set(NEGATION_WORDS[lang].conditions) };
}

/**
 * The clauses of one sentence's words. `gap(i)` is the text between word i-1 and word i as
 * written (a line break folds to a space, so the caller reads it from the raw text), and
 * `gap(words.length)` what follows the last word up to the sentence's end.
 */
export function splitClauses(words: readonly WordSpan[], gap: (i: number) => string, language: string): Clause[] {
  const { openers, conditions } = wordsOf(language);
  const clauses: Clause[] = [];
  let from = 0;
  const close = (to: number) => {
    if (to <= from) return;
    const asserted = !conditions.has(words[from].norm) && !QUESTION.test(gap(to));
    clauses.push({ from, to, asserted });
    from = to;
  };
  for (let i = 1; i < words.length; i++) {
    if (CLOSES.test(gap(i)) || openers.has(words[i].norm)) close(i);
  }
  close(words.length);
  return clauses;
}
