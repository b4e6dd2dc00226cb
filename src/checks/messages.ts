// message-missing / message-drift / message-negated, and the coverage matrix.
// A channel is what one audience sees as a whole: any source of it may say the message.
import type { MessageSighting } from '../campaign/state.js';
import type { NormalizedDocument, NormalizedPart } from '../normalize/index.js';
import type { Message, Spec } from '../spec/types.js';
import { quote } from './excerpt.js';
import { detectLanguage, isAuto, primaryLanguage, sameLanguage } from '../normalize/language.js';
import { bestScore, matchInPart, NOTHING_ABOVE, placedMatch, prepareWording, WordingIndex, type Above, type MessageMatch, type Wording } from './match-message.js';
import { isRecognisable, mayContradict, sortByPolarity } from './polarity.js';
import { DEFAULT_SEVERITY, type DocumentCheck, type DocumentContext } from './types.js';

/**
 * Below this a window is not "recognisably the message": missing, not drift. Windows only
 * count at all when they share at least 40% of the message's content words, so the floor
 * can sit low enough to catch "Free delivery for orders above $50" (0.47) as drift.
 */
export function driftFloor(minSimilarity: number): number {
  return Math.max(0.4, minSimilarity - 0.35);
}

const wordingCache = new WeakMap<Message, Map<string, Wording[]>>();
// One Wording object per text and language, whichever tag asked for it ("pl" or "pl-PL"):
// matching compares wordings by identity.
const preparedCache = new WeakMap<Message, Map<string, Wording>>();

function prepared(message: Message, text: string, language: string): Wording {
  let byKey = preparedCache.get(message);
  if (!byKey) preparedCache.set(message, (byKey = new Map()));
  const key = `${language}\u0000${text}`;
  let wording = byKey.get(key);
  if (!wording) byKey.set(key, (wording = prepareWording(text, language)));
  return wording;
}
const specLanguages = new WeakMap<Spec, string>();

/** The language the spec's messages are written in; with `language: auto`, detected on them. */
export function specLanguage(spec: Spec): string {
  if (!isAuto(spec.language)) return spec.language;
  let language = specLanguages.get(spec);
  if (!language) {
    language = detectLanguage(spec.messages.flatMap((m) => [m.text, ...m.aliases]).join('\n'), 'en').language;
    specLanguages.set(spec, language);
  }
  return language;
}

/** The translation for a language: an exact tag first ("pt-BR"), else the same primary language ("pl" for "pl-PL"). */
function translationFor(message: Message, language: string): Array<[string, string]> {
  const entries = Object.entries(message.translations);
  const exact = entries.filter(([tag]) => tag.toLowerCase() === language.toLowerCase());
  return exact.length ? exact : entries.filter(([tag]) => sameLanguage(tag, language));
}

/**
 * The wordings a copy in `language` is held against: the text and aliases when that is the
 * spec's language, and the translation into it. Empty: the message has no wording in that
 * language, and copy in it cannot be judged for drift.
 */
export function wordingsFor(message: Message, spec: Spec, language: string): Wording[] {
  let byLanguage = wordingCache.get(message);
  if (!byLanguage) wordingCache.set(message, (byLanguage = new Map()));
  let wordings = byLanguage.get(language);
  if (!wordings) {
    const base = specLanguage(spec);
    wordings = sameLanguage(base, language) ? [message.text, ...message.aliases].map((text) => prepared(message, text, base)) : [];
    for (const [tag, text] of translationFor(message, language)) wordings.push(prepared(message, text, tag));
    byLanguage.set(language, wordings);
  }
  return wordings;
}

const allWordingsCache = new WeakMap<Message, Wording[]>();

/** Every wording in every language: saying the message in any of them counts (SPEC §7). */
function allWordings(message: Message, spec: Spec): Wording[] {
  let every = allWordingsCache.get(message);
  if (every) return every;
  const base = specLanguage(spec);
  const seen = new Set<Wording>(wordingsFor(message, spec, base));
  for (const tag of Object.keys(message.translations)) for (const w of wordingsFor(message, spec, tag)) seen.add(w);
  allWordingsCache.set(message, (every = [...seen]));
  return every;
}

interface SpecWordings {
  /** Every wording of every message, indexed by stem (see WordingIndex). */
  index: WordingIndex;
  /** The messages each wording belongs to. */
  owners: Map<Wording, Message[]>;
}

const specWordings = new WeakMap<Spec, SpecWordings>();

function wordingsOfSpec(spec: Spec): SpecWordings {
  let found = specWordings.get(spec);
  if (found) return found;
  const owners = new Map<Wording, Message[]>();
  for (const message of spec.messages) for (const wording of allWordings(message, spec)) owners.set(wording, [...(owners.get(wording) ?? []), message]);
  specWordings.set(spec, (found = { index: new WordingIndex(owners.keys()), owners }));
  return found;
}

interface DocumentCandidates {
  /** Per message, the parts (in order) where one of its wordings may be said. */
  parts: Map<Message, NormalizedPart[]>;
  /** The languages the document's parts are read in. */
  languages: Set<string>;
}

const documentCandidates = new WeakMap<NormalizedDocument, DocumentCandidates>();

/**
 * Which parts may say which message, found once per document: each part is asked once for
 * its candidate wordings, instead of once per message (most parts have none).
 */
function candidatesOf(spec: Spec, doc: NormalizedDocument): DocumentCandidates {
  let found = documentCandidates.get(doc);
  if (found) return found;
  const { index, owners } = wordingsOfSpec(spec);
  found = { parts: new Map(), languages: new Set(doc.parts.map((np) => np.language)) };
  for (const np of doc.parts) {
    for (const wording of index.candidatesIn(np)) {
      for (const message of owners.get(wording) ?? []) {
        const parts = found.parts.get(message);
        if (!parts) found.parts.set(message, [np]);
        else if (parts[parts.length - 1] !== np) parts.push(np);
      }
    }
  }
  documentCandidates.set(doc, found);
  return found;
}

type PartMatch = MessageMatch & { partIndex: number };

interface SourceMatch {
  doc: NormalizedDocument;
  /** Best window against any wording, as written: decides "present". */
  plain?: PartMatch;
  /** Best window against a wording in the part's own language: decides "drift". */
  local?: PartMatch;
  opposite?: PartMatch;
  /** Languages of parts that have no wording in their language (primary subtags). */
  untranslated: Set<string>;
}

function better<T extends MessageMatch>(a: T | undefined, b: T | undefined, rank: (m: MessageMatch) => number): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return rank(b) > rank(a) ? b : a;
}

const asWritten = (m: MessageMatch) => m.score;
const typedBare = (m: MessageMatch) => (m.bareScore ?? 0) > m.score;

/**
 * Up to which rank a window of the wording's own polarity (plain) or of the opposite one
 * cannot change what the source shows so far, so the window search need not score it:
 * - a window replaces the source's "said" window only when it scores strictly more as
 *   written, and its drift window (own wordings only) or its contradiction only when it ranks
 *   strictly higher; its score is never above its rank;
 * - sortByPolarity may turn an opposite window into an agreeing one (so it competes as
 *   plain), and a plain one into a contradiction only where `mayFlip` (the message denies
 *   something, or the part holds a negation or contrast word).
 * Nothing found yet is -Infinity: no mark. Which window a part offers changes only where
 * this one would not have counted anyway (matchInPart's marks), so the source's result is
 * the one every window scored gives. The marks are the part's, the same for each of its
 * groups: marks lower in one group than another could make a window the part's best that was
 * not, and that one might then be turned round where the first could not.
 */
function unchangedUpTo(result: SourceMatch, ownWording: boolean, mayFlip: boolean): Above {
  const said = result.plain ? result.plain.score : -Infinity;
  const drift = ownWording ? (result.local ? bestScore(result.local) : -Infinity) : Infinity;
  const contradiction = result.opposite ? bestScore(result.opposite) : -Infinity;
  const asPlain = Math.min(said, drift);
  return { plain: mayFlip ? Math.min(asPlain, contradiction) : asPlain, opposite: Math.min(asPlain, contradiction) };
}

/**
 * The source's best windows for the message. `unmarked`: every window at or above the floor
 * is scored, none passed over for what the source has shown already (the reference the
 * property tests hold the marks to; the result is the same).
 */
export function matchMessageInDocument(message: Message, spec: Spec, doc: NormalizedDocument, unmarked = false): SourceMatch {
  const result: SourceMatch = { doc, untranslated: new Set() };
  const every = allWordings(message, spec);
  // Windows below the drift floor decide nothing, so the index never scores them.
  const floor = driftFloor(message.minSimilarity);
  const { index } = wordingsOfSpec(spec);
  const { parts, languages } = candidatesOf(spec, doc);
  for (const language of languages) if (wordingsFor(message, spec, language).length === 0) result.untranslated.add(primaryLanguage(language));
  for (const np of parts.get(message) ?? []) {
    const own = wordingsFor(message, spec, np.language);
    const candidates = index.candidatesIn(np);
    for (const wording of every) {
      if (!candidates.has(wording)) continue;
      const above = unmarked ? NOTHING_ABOVE : unchangedUpTo(result, own.includes(wording), mayContradict(np, wording));
      const { plain, opposite } = sortByPolarity(np, matchInPart(np, wording, floor, above), floor);
      const at = (m: MessageMatch | undefined): PartMatch | undefined => m && placedMatch(m, np.index);
      // Copy typed without diacritics can only ever be drift: it never competes to be "said".
      if (plain && !typedBare(plain)) result.plain = better(result.plain, at(plain), asWritten);
      // Drift is a rewording of the message, not another sentence sharing a word with it.
      if (own.includes(wording) && plain && (plain.score >= message.minSimilarity || isRecognisable(np, plain, floor))) result.local = better(result.local, at(plain), bestScore);
      result.opposite = better(result.opposite, at(opposite), bestScore);
    }
  }
  return result;
}

const round = (score: number) => Math.round(score * 100) / 100;

export const messagesCheck: DocumentCheck = {
  rules: ['message-missing', 'message-drift', 'message-negated'],
  checkDocument(context) {
    for (const message of context.spec.messages) checkMessage(message, context);
  },
};

const said = (message: Message, m: SourceMatch) => !!m.plain && saidBy(m.plain, m.opposite, message.minSimilarity);
// A contradiction is one even in a source that also says the message elsewhere (a page's
// hero says it, its FAQ denies it); only a fragment of a better-fitting window is not one.
const contradicted = (message: Message, m: SourceMatch) => !!m.opposite && bestScore(m.opposite) >= driftFloor(message.minSimilarity) && !outweighed(m.opposite, m.plain);
const severityOf = (message: Message, rule: 'message-missing' | 'message-drift' | 'message-negated') => message.severity ?? DEFAULT_SEVERITY[rule];

/**
 * One message in one document: a contradiction is reported here (it is worth saying
 * wherever it is, even beside a correct statement elsewhere); where the channel must say the
 * message, what this source offers towards its coverage cell goes to the state, and the
 * campaign rules (src/campaign/messages.ts) pick the channel's best.
 */
function checkMessage(message: Message, context: DocumentContext): void {
  const { doc, spec } = context;
  const channel = doc.doc.channel;
  const m = matchMessageInDocument(message, spec, doc);
  if (contradicted(message, m)) {
    const np = doc.parts[m.opposite!.partIndex];
    context.report({
      rule: 'message-negated',
      severity: severityOf(message, 'message-negated'),
      channel,
      source: doc.doc.source,
      subject: message.id,
      expected: m.opposite!.wording.text,
      found: np.folded.text.slice(m.opposite!.start, m.opposite!.end),
      ...quote(np, m.opposite!.start, m.opposite!.end),
      message: `Key message "${message.id}" is contradicted (said with the opposite polarity)`,
    });
  }
  if (!message.channels.includes(channel)) return;
  const sighting: MessageSighting = {
    local: m.local ? bestScore(m.local) : 0,
    untranslated: [...m.untranslated].sort(),
    wording: wordingsFor(message, spec, doc.language)[0]?.text ?? message.text,
  };
  if (said(message, m)) sighting.present = m.plain!.score;
  if (contradicted(message, m)) sighting.negated = round(bestScore(m.opposite!));
  if (m.local && bestScore(m.local) >= driftFloor(message.minSimilarity)) {
    const match = m.local;
    // Copy typed without diacritics shows its score as written: 1.00 would read as "fine".
    const score = typedBare(match) ? match.score : bestScore(match);
    const np = doc.parts[match.partIndex];
    sighting.drift = {
      rank: bestScore(match),
      score: round(score),
      finding: {
        rule: 'message-drift',
        severity: severityOf(message, 'message-drift'),
        channel,
        source: doc.doc.source,
        subject: message.id,
        expected: match.wording.text,
        found: np.folded.text.slice(match.start, match.end),
        ...quote(np, match.start, match.end),
        message: driftMessage(message, match),
      },
    };
  }
  context.state.messages[message.id] = sighting;
}

/**
 * A window says the message when it scores as written (not only once diacritics are
 * dropped), and is not a fragment of a longer negated statement that fits better:
 * "dostawa nie jest darmowa przy zamówieniach powyżej 200 zł" contains "zamówieniach
 * powyżej 200 zł", which alone scores 0.75 against the message.
 */
function saidBy(plain: PartMatch, opposite: PartMatch | undefined, min: number): boolean {
  if (plain.score < min || typedBare(plain)) return false;
  if (!opposite || opposite.partIndex !== plain.partIndex) return true;
  const overlaps = opposite.start < plain.end && plain.start < opposite.end;
  return !(overlaps && bestScore(opposite) > plain.score);
}

/** The opposite window lies inside a better window of the message's own polarity in the same part. */
function outweighed(opposite: PartMatch, plain: PartMatch | undefined): boolean {
  if (!plain || plain.partIndex !== opposite.partIndex || typedBare(plain)) return false;
  return opposite.start < plain.end && plain.start < opposite.end && plain.score > bestScore(opposite);
}

function driftMessage(message: Message, match: MessageMatch): string {
  const needs = message.minSimilarity;
  if (match.bareScore !== undefined && match.bareScore >= needs) {
    return `Key message "${message.id}" is written without diacritics (similarity ${round(match.bareScore).toFixed(2)} ignoring them, ${round(match.score).toFixed(2)} as written, needs ${needs})`;
  }
  return `Key message "${message.id}" is reworded (similarity ${round(bestScore(match)).toFixed(2)}, needs ${needs})`;
}
