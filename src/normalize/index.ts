// The normalize stage: each part of a document becomes folded text with sentences, tokens
// (with lemmas, stop-word and negation flags) and the values it states.
import type { Document, Part } from '../documents/types.js';
import { foldText, rawSpan, type FoldedText } from './fold.js';
import { isNegationCue } from './negation.js';
import { lemmatize } from './lemma.js';
import { splitSentences, splitWords } from './segment.js';
import { isStopword } from './stopwords.js';
import { extractValues, type Value } from './values/index.js';

export interface Token {
  start: number;
  end: number;
  /** Lower-cased (locale-aware) surface form. */
  norm: string;
  /** A cheap suffix-stripped key: enough to tell which sentences may say a message. */
  stem: string;
  /** The lemma; computed on first use, since lemmatizing every word is the slowest step. */
  readonly lemma: string;
  stop: boolean;
  negation: boolean;
}

class WordToken implements Token {
  private cachedLemma?: string;
  readonly stem: string;
  readonly stop: boolean;
  readonly negation: boolean;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly norm: string,
    private readonly language: string,
  ) {
    this.stem = roughStem(norm);
    this.stop = isStopword(norm, language);
    this.negation = isNegationCue(norm, language);
  }
  get lemma(): string {
    return (this.cachedLemma ??= lemmatize(this.norm, this.language));
  }
}

/** Drops common inflection endings; "shoes"/"shoe", "running"/"run(n)" meet closely enough. */
export function roughStem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ings?|ed|es|s|ą|ę|y|a|e|i|o)$/u, '');
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

export interface NormalizedPart {
  part: Part;
  /** Index of the part in its document. */
  index: number;
  folded: FoldedText;
  sentences: Sentence[];
  /** Values stated in the folded text, minus those shown struck-through. */
  values: Value[];
}

export interface NormalizedDocument {
  doc: Document;
  parts: NormalizedPart[];
}

export interface NormalizeOptions {
  /** Year for dates written without one. */
  year?: number;
}

export function lowerCase(text: string, language: string): string {
  try {
    return text.toLocaleLowerCase(language);
  } catch {
    return text.toLowerCase();
  }
}

export function tokenize(text: string, language: string, start = 0, end = text.length): Token[] {
  return splitWords(text, start, end).map((span) => new WordToken(span.start, span.end, lowerCase(text.slice(span.start, span.end), language), language));
}

export function normalizePart(part: Part, index: number, language: string, options: NormalizeOptions = {}): NormalizedPart {
  const folded = foldText(part.text);
  const sentences = splitSentences(folded.text, language).map((span) => ({
    ...span,
    tokens: tokenize(folded.text, language, span.start, span.end),
  }));
  const values = extractValues(folded.text, { language, year: options.year }).filter(
    (value) => !isMuted(part, rawSpan(folded, value.start, value.end)),
  );
  return { part, index, folded, sentences, values };
}

function isMuted(part: Part, [start, end]: [number, number]): boolean {
  return (part.muted ?? []).some(([from, to]) => start < to && end > from);
}

export function normalizeDocument(doc: Document, options: NormalizeOptions = {}): NormalizedDocument {
  return { doc, parts: doc.parts.map((part, index) => normalizePart(part, index, doc.language, options)) };
}
