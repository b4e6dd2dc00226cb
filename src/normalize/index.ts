// The normalize stage: each part of a document becomes folded text with sentences, tokens
// (with lemmas, stop-word and negation flags) and the values it states.
import { mapped } from '../arrays.js';
import type { Document, Part } from '../documents/types.js';
import { foldCase, foldText, rawSpan, stripDiacritics, type FoldedText } from './fold.js';
import { detectLanguage, isAuto, type DetectedLanguage } from './language.js';
import { isNegationCue, negationCues } from './negation.js';
import { copyOf, RecurringTexts } from './recurring.js';
import { hasCheapStems, lemmatize } from './lemma.js';
import { splitSentences, splitWords } from './segment.js';
import { stopwordsOf } from './stopwords.js';
import { extractValues, type Value } from './values/index.js';

export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower-cased (locale-aware) surface form. */
  readonly norm: string;
  /**
   * A cheap suffix-stripped key without diacritics: enough to tell which sentences may say
   * a message, including one typed without Polish letters ("zamowienia").
   */
  readonly stem: string;
  /** The stem's number (see stemNumber): what indexes over stems count by. */
  readonly stemNumber: number;
  /** The lemma; computed on first use, since lemmatizing every word is the slowest step. */
  readonly lemma: string;
  /** `norm` and `lemma` without diacritics ("zł" -> "zl"): keys for copy typed without them. */
  readonly bare: string;
  readonly bareLemma: string;
  readonly stop: boolean;
  readonly negation: boolean;
}

/** What tokens of one language share: looked up once per language, not once per word. */
interface LanguageTraits {
  language: string;
  cheapStems: boolean;
  stopwords: ReadonlySet<string>;
  /** Every word seen in this language, described once (see WordInfo). */
  words: Map<string, WordInfo>;
}

const traitsByLanguage = new Map<string, LanguageTraits>();
function traitsOf(language: string): LanguageTraits {
  let traits = traitsByLanguage.get(language);
  if (!traits) traitsByLanguage.set(language, (traits = { language, cheapStems: hasCheapStems(language), stopwords: stopwordsOf(language), words: new Map() }));
  return traits;
}

/**
 * What a word is in a language, wherever it stands: its stem, stop-word flag and lemma are
 * worked out once per distinct word, and every token of it shares them. A page repeats its
 * words (and a site its pages), so this is a fraction of the work and memory of doing it per token.
 */
class WordInfo {
  private cachedLemma?: string;
  private cachedBareLemma?: string;
  private cachedBare?: string;
  private cachedCanNegate?: boolean;
  readonly stem: string;
  readonly stemNumber: number;
  readonly stop: boolean;
  private readonly language: string;
  constructor(
    readonly norm: string,
    traits: LanguageTraits,
  ) {
    this.language = traits.language;
    this.stem = stripDiacritics(traits.cheapStems ? this.lemma : roughStem(norm));
    this.stemNumber = stemNumber(this.stem);
    this.stop = traits.stopwords.has(norm);
  }
  get lemma(): string {
    return (this.cachedLemma ??= lemmatize(this.norm, this.language));
  }
  get bare(): string {
    return (this.cachedBare ??= stripDiacritics(this.norm));
  }
  get bareLemma(): string {
    return (this.cachedBareLemma ??= stripDiacritics(this.lemma));
  }
  /** Whether the word can negate at all (isNegationCue); whether it does is read in its sentence. */
  get canNegate(): boolean {
    return (this.cachedCanNegate ??= isNegationCue(this.norm, this.language));
  }
}

// Distinct words a language keeps described; past it the table starts again (equal words then
// get equal but separate descriptions, which changes nothing but memory). A word longer than
// any real one (a run of letters with no space) is described but not kept.
const WORDS_PER_LANGUAGE = 200_000;
const REMEMBERED_WORD_LENGTH = 64;

function wordInfo(norm: string, traits: LanguageTraits): WordInfo {
  if (norm.length > REMEMBERED_WORD_LENGTH) return new WordInfo(norm, traits);
  let info = traits.words.get(norm);
  if (!info) {
    if (traits.words.size >= WORDS_PER_LANGUAGE) traits.words.clear();
    // A copy of its own: the word may be a slice that would keep its whole page alive.
    const word = copyOf(norm);
    traits.words.set(word, (info = new WordInfo(word, traits)));
  }
  return info;
}

class WordToken implements Token {
  constructor(
    readonly start: number,
    readonly end: number,
    /** What the word is, shared by every token of it. */
    readonly word: WordInfo,
    /** Whether this word negates, in context ("not only" does not; "nie ma żadnych" once). */
    readonly negation: boolean,
  ) {}
  get norm(): string {
    return this.word.norm;
  }
  get stem(): string {
    return this.word.stem;
  }
  get stemNumber(): number {
    return this.word.stemNumber;
  }
  get stop(): boolean {
    return this.word.stop;
  }
  get lemma(): string {
    return this.word.lemma;
  }
  get bare(): string {
    return this.word.bare;
  }
  get bareLemma(): string {
    return this.word.bareLemma;
  }
}

// Every stem seen in this process gets a number, once per distinct word (WordInfo): indexes
// over stems (which sentences hold which, which messages a part may say) count in arrays by
// it instead of hashing each token's stem again.
const stemNumbers = new Map<string, number>();

/** The number of a stem, the same for every token and wording with it in this process. */
export function stemNumber(stem: string): number {
  let number = stemNumbers.get(stem);
  if (number === undefined) stemNumbers.set(copyOf(stem), (number = stemNumbers.size));
  return number;
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
  /**
   * A number for a sentence seen to recur (its text, in this language): sentences with equal
   * numbers have equal tokens. Numbers are never reused; a sentence said once has none.
   */
  recurring?: number;
}

export interface NormalizedPart {
  part: Part;
  /** Index of the part in its document. */
  index: number;
  /** The language the part was read in: the document's, or its own post's when detected. */
  language: string;
  folded: FoldedText;
  sentences: Sentence[];
  /** Values stated in the folded text, minus those shown struck-through. */
  values: Value[];
}

export interface NormalizedDocument {
  doc: Document;
  /**
   * The document's language as a BCP 47 tag: `doc.language`, or the detected one when that
   * is "auto" (the fallback's when the copy says too little). Checks and reports use this,
   * never `doc.language`, which may be "auto".
   */
  language: string;
  /** What detection found, when `doc.language` was "auto"; absent otherwise. */
  detected?: DetectedLanguage;
  parts: NormalizedPart[];
}

export interface NormalizeOptions {
  /** Year for dates written without one. */
  year?: number;
  /** The language when detection cannot tell (`language: auto` on too little copy); default "en". */
  fallbackLanguage?: string;
}

/** Locale-aware lower case (see foldCase: Turkish dotted İ). */
export function lowerCase(text: string, language: string): string {
  return foldCase(text, language);
}

export function tokenize(text: string, language: string, start = 0, end = text.length): Token[] {
  const spans = splitWords(text, start, end);
  const words = mapped(spans, (span) => lowerCase(text.slice(span.start, span.end), language));
  const traits = traitsOf(language);
  const infos = mapped(words, (word) => wordInfo(word, traits));
  const negations = negationCues(words, language, (i) => infos[i].canNegate);
  return mapped(spans, (span, i) => new WordToken(span.start, span.end, infos[i], negations[i]));
}

/** A sentence's words by offset from its start: what tokenize gives for its text, on any page. */
interface SentenceWords {
  /** Per word: start and end from the sentence's start, and 1 where it negates. */
  places: Int32Array;
  words: WordInfo[];
  /** The sentence's number (Sentence.recurring). */
  id: number;
}

let lastSentenceId = 0;

// Sentences recur across a site's pages (navigation, footers, shared blocks; on the bench
// three in four), and a sentence's words depend on nothing but its text and language: a
// recurring one's are found once. Sentences up to 1,024 characters, 512k characters in all.
const sentenceWords = new RecurringTexts<SentenceWords>(1024, 1 << 19);

/** The sentence text[start, end) with its tokens, through the table of sentences already read. */
function readSentence(text: string, language: string, start: number, end: number): Sentence {
  const sentence = text.slice(start, end);
  // A sentence seen for the first time cannot be in the table: it is looked up only after that.
  const recurs = sentenceWords.recurs(sentence, language);
  const known = recurs ? sentenceWords.get(sentence, language) : undefined;
  if (known) {
    const { places, words, id } = known;
    const tokens = mapped(words, (word, i) => new WordToken(start + places[3 * i], start + places[3 * i + 1], word, places[3 * i + 2] === 1));
    return { start, end, tokens, recurring: id };
  }
  const tokens = tokenize(text, language, start, end) as WordToken[];
  if (!recurs) return { start, end, tokens };
  const places = new Int32Array(3 * tokens.length);
  tokens.forEach((t, i) => places.set([t.start - start, t.end - start, t.negation ? 1 : 0], 3 * i));
  const id = ++lastSentenceId;
  sentenceWords.keep(sentence, language, { places, words: mapped(tokens, (t) => t.word), id });
  return { start, end, tokens, recurring: id };
}

export function normalizePart(part: Part, index: number, language: string, options: NormalizeOptions = {}): NormalizedPart {
  const { folded, sentences, values } = readText(part.text, language, options.year);
  const shown = part.muted?.length ? values.filter((value) => !isMuted(part, rawSpan(folded, value.start, value.end))) : values;
  return { part, index, language, folded, sentences, values: shown };
}

/** What a part's text reads as in a language: the same for every part with that text. */
interface TextReading {
  folded: FoldedText;
  sentences: Sentence[];
  values: Value[];
}

// Parts recur across a site's pages far more than whole pages do (a menu item, a button, a
// footer line: three in five parts of the bench), so a recurring text is read once. Texts up
// to 1,024 characters, 256k characters in all. A kept reading holds far more than its text
// (offsets, tokens, values, and what checks attach to it: word codes, indexes), ~80 bytes of
// memory a character: at 512k, two threads' full tables made the bench's peak memory at 10x
// ~40 MB higher (382-398 MB against 346-354), for no measured gain in time. The bench at 1x
// never fills even this one.
const textReadings = new RecurringTexts<TextReading>(1024, 1 << 18);

function readText(text: string, language: string, year: number | undefined): TextReading {
  const scope = `${language}\u0001${year ?? ''}`;
  // A text seen for the first time cannot be in the table: it is looked up only after that.
  const recurs = textReadings.recurs(text, scope);
  const known = recurs ? textReadings.get(text, scope) : undefined;
  if (known) return known;
  // A kept reading must not hold on to the page the text was cut from: it is read from a copy.
  const folded = foldText(recurs ? copyOf(text) : text);
  const sentences = mapped(splitSentences(folded.text, language), (span) => readSentence(folded.text, language, span.start, span.end));
  const reading = { folded, sentences, values: valuesOf(folded.text, sentences, language, year) };
  if (recurs) textReadings.keep(text, scope, reading);
  return reading;
}

// A part's values are read sentence by sentence, so that a sentence met before in another
// part is read once: sentences recur across a site's pages far more than the parts around
// them (on the bench, of the 4.6 million characters of distinct parts, 2.0 million are in
// sentences not read before). A value is its sentence's: SPEC's facts claim values within a
// sentence, and the splitter keeps a date, an amount or a URL in one (abbreviations, dotted
// ordinals, dates and URLs end none). Reading each part whole gives the same values on the
// bench's 23,352 distinct parts (measured) and every text of the corpus (tested). A recurring
// sentence's values are kept by its number, which its words' look-up gave it (readSentence):
// no second look-up by text. Up to 512k characters of sentences, then the table starts again.
const valuesBySentence = new Map<number, { year: number | undefined; values: readonly Value[] }>();
const KEPT_SENTENCE_CHARACTERS = 1 << 19;
let keptSentenceCharacters = 0;

function valuesOf(text: string, sentences: readonly Sentence[], language: string, year: number | undefined): Value[] {
  // A text of spaces alone has no sentence, and no value.
  const values: Value[] = [];
  for (const sentence of sentences) {
    const { start } = sentence;
    for (const value of sentenceValues(text, sentence, language, year)) values.push(start === 0 ? value : { ...value, start: value.start + start, end: value.end + start });
  }
  return values;
}

function sentenceValues(text: string, { start, end, recurring }: Sentence, language: string, year: number | undefined): readonly Value[] {
  const kept = recurring === undefined ? undefined : valuesBySentence.get(recurring);
  if (kept && kept.year === year) return kept.values;
  const sentence = text.slice(start, end);
  if (recurring === undefined) return extractValues(sentence, { language, year });
  // Kept values (their raw text) must not hold on to the page: read from a copy.
  const values = extractValues(copyOf(sentence), { language, year });
  if (keptSentenceCharacters + sentence.length > KEPT_SENTENCE_CHARACTERS) {
    valuesBySentence.clear();
    keptSentenceCharacters = 0;
  }
  valuesBySentence.set(recurring, { year, values });
  keptSentenceCharacters += sentence.length;
  return values;
}

// Keyed by the sentences, which parts with the same text and language share.
const partTokenLists = new WeakMap<readonly Sentence[], readonly Token[]>();

/** Every token of the part in one list, sentence after sentence (made once per text read). */
export function partTokens(np: NormalizedPart): readonly Token[] {
  if (np.sentences.length === 1) return np.sentences[0].tokens;
  let tokens = partTokenLists.get(np.sentences);
  if (!tokens) partTokenLists.set(np.sentences, (tokens = concatTokens(np.sentences)));
  return tokens;
}

// A loop, not flatMap: this runs once per part read, and flatMap's generic path costs ~1% of a
// run. Holey, as a sentence's own tokens are (see arrays.ts): the same code reads both.
function concatTokens(sentences: readonly Sentence[]): Token[] {
  let count = 0;
  for (const s of sentences) count += s.tokens.length;
  const tokens = new Array<Token>(count);
  let k = 0;
  for (const s of sentences) for (const t of s.tokens) tokens[k++] = t;
  return tokens;
}

function isMuted(part: Part, [start, end]: [number, number]): boolean {
  return (part.muted ?? []).some(([from, to]) => start < to && end > from);
}

export function normalizeDocument(doc: Document, options: NormalizeOptions = {}): NormalizedDocument {
  if (!isAuto(doc.language)) {
    return { doc, language: doc.language, parts: mapped(doc.parts, (part, index) => normalizePart(part, index, doc.language, options)) };
  }
  const { language, detected, byUnit } = resolveAuto(doc, options.fallbackLanguage ?? 'en');
  const parts = mapped(doc.parts, (part, index) => normalizePart(part, index, (part.unit && byUnit.get(part.unit)) || language, options));
  return { doc, language, detected, parts };
}

/** A post or mail this long is detected on its own; shorter ones take the document's language. */
const OWN_UNIT_LETTERS = 40;

/**
 * `language: auto`: the document's language is detected on its copy as a whole. A feed, an
 * mbox or a social export may mix languages post by post, so each unit (post, message) long
 * enough to tell is detected on its own as well and read in its own language; a short one
 * ("Kup teraz!") takes the document's.
 */
function resolveAuto(doc: Document, fallback: string): { language: string; detected: DetectedLanguage; byUnit: Map<string, string> } {
  const detected = detectLanguage(doc.parts.map((p) => p.text).join('\n'), fallback);
  const byUnit = new Map<string, string>();
  const units = new Map<string, string[]>();
  for (const part of doc.parts) if (part.unit) units.set(part.unit, [...(units.get(part.unit) ?? []), part.text]);
  if (units.size > 1) {
    for (const [unit, texts] of units) {
      const text = texts.join('\n');
      if ((text.match(/\p{L}/gu)?.length ?? 0) < OWN_UNIT_LETTERS) continue;
      const own = detectLanguage(text, detected.language);
      if (own.confidence > 0) byUnit.set(unit, own.language);
    }
  }
  return { language: detected.language, detected, byUnit };
}