// term-variant / term-avoid / term-required (SPEC.md §7 Terms).
// One pass per distinct part text for every term (term-matcher.ts), and its identifiers found once.
import type { Finding } from '../findings/types.js';
import type { NormalizedPart } from '../normalize/index.js';
import { stripDiacritics, type FoldedText } from '../normalize/fold.js';
import type { Term } from '../spec/types.js';
import { quote } from './excerpt.js';
import { phraseText, PhraseTrie, type PhraseMatch } from './term-matcher.js';
import { DEFAULT_SEVERITY, type DocumentCheck } from './types.js';

type UseTerm = Extract<Term, { kind: 'use' }>;

/** What a span spelled like a phrase would say, once its case is known. */
type Entry =
  | {
      kind: 'use';
      term: UseTerm;
      order: number;
      phrase: string;
      /** The phrase folded as copy is: the span as written must equal it to match exactly. */
      spelled: string;
      as: 'canonical' | 'variant' | 'bare' | 'hashtag';
      anyCase: boolean;
    }
  | { kind: 'avoid'; term: Extract<Term, { kind: 'avoid' }>; order: number; phrase: string }
  | { kind: 'require'; term: Extract<Term, { kind: 'require' }>; order: number; phrase: string };

/** One reading of a span: the canonical spelling (nothing to say) or a variant of it. */
interface Claim {
  start: number;
  end: number;
  order: number;
  canonical: boolean;
  /** Among equal spans of one term: the canonical spelling, then a listed variant, then another casing. */
  rank: number;
  term: UseTerm;
  /** The variant as the spec lists it, or the span as written for an unlisted casing. */
  variant: string;
  note: string;
}

const oneSpaced = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Whether every other casing of the canonical term is a variant: `case: exact`; by default,
 * when everything `instead_of` lists is only another casing of it (the spec says casing is
 * what matters), `case: listed` keeps to the listed spellings.
 */
export function flagsEveryCasing(term: UseTerm): boolean {
  if (term.case) return term.case === 'exact';
  const canonical = phraseText(term.use);
  const lower = canonical.toLowerCase();
  return term.insteadOf.length > 0 && term.insteadOf.every((v) => phraseText(v).toLowerCase() === lower && phraseText(v) !== canonical);
}

function dictionary(terms: readonly Term[]): PhraseTrie<Entry> {
  const trie = new PhraseTrie<Entry>();
  terms.forEach((term, order) => {
    if (term.kind === 'avoid') for (const phrase of term.avoid) trie.add(phrase, { kind: 'avoid', term, order, phrase });
    else if (term.kind === 'require') trie.add(term.require, { kind: 'require', term, order, phrase: term.require });
    else {
      const anyCase = flagsEveryCasing(term);
      const add = (phrase: string, as: 'canonical' | 'variant' | 'bare' | 'hashtag') =>
        trie.add(phrase, { kind: 'use', term, order, phrase, spelled: oneSpaced(phraseText(phrase)), as, anyCase });
      const canonical = phraseText(term.use);
      add(term.use, 'canonical');
      for (const variant of term.insteadOf) add(variant, 'variant');
      // The canonical term typed without its diacritics ("Wyprzedaz" for "Wyprzedaż", "zl"
      // for "zł"): a keyboard slip, never a different word, so a variant whether listed or not.
      const bare = stripDiacritics(canonical);
      if (bare !== canonical && !term.insteadOf.some((v) => phraseText(v) === bare)) add(bare, 'bare');
      // A hashtag cannot hold a space: "#NimbusPro" is how "Nimbus Pro" is tagged, not a variant.
      const tag = canonical.replace(/\s+/g, '');
      if (tag !== canonical) add(tag, 'hashtag');
    }
  });
  return trie;
}

const dictionaries = new WeakMap<readonly Term[], PhraseTrie<Entry>>();
function dictionaryOf(terms: readonly Term[]): PhraseTrie<Entry> {
  let trie = dictionaries.get(terms);
  if (!trie) dictionaries.set(terms, (trie = dictionary(terms)));
  return trie;
}

// Parts with one text (and language) share one folded text: normalize reads a recurring text
// (a menu, a footer, a shared block) once. Its phrase matches and identifiers, which depend on
// nothing else, are found once too, whatever page it stands on.
const matchesByText = new WeakMap<PhraseTrie<Entry>, WeakMap<FoldedText, Array<PhraseMatch<Entry>>>>();
function matchesIn(trie: PhraseTrie<Entry>, folded: FoldedText): Array<PhraseMatch<Entry>> {
  let byText = matchesByText.get(trie);
  if (!byText) matchesByText.set(trie, (byText = new WeakMap()));
  let matches = byText.get(folded);
  if (!matches) byText.set(folded, (matches = trie.scan(folded.text)));
  return matches;
}

const identifiersByText = new WeakMap<FoldedText, Identifiers>();
function identifiersIn(folded: FoldedText): Identifiers {
  let identifiers = identifiersByText.get(folded);
  if (!identifiers) identifiersByText.set(folded, (identifiers = new Identifiers(folded.text)));
  return identifiers;
}

// A variant spelled inside a URL, an e-mail address or an @handle is an identifier, not copy.
// Tried in this order at each place: a URL, an e-mail address, an @handle, a bare domain.
const URL_FORM = String.raw`(?:https?:\/\/|www\.)\S+`;
const EMAIL_FORM = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const HANDLE_FORM = String.raw`@\w+`;
const DOMAIN_TLDS = 'com|net|org|io|co|example|pl|il|de|uk|shop|store';
const DOMAIN_FORM = String.raw`\b[\w-]+(?:\.[\w-]+)*\.(?:${DOMAIN_TLDS})(?:\/\S*)?`;
const IDENTIFIERS = new RegExp([URL_FORM, EMAIL_FORM, HANDLE_FORM, DOMAIN_FORM].join('|'), 'giu');
// Without the two forms that need an "@": the same matches in a text without one, and none
// of the e-mail form's tries at every letter (a text with no "@" is most of them).
const IDENTIFIERS_WITHOUT_AT = new RegExp([URL_FORM, DOMAIN_FORM].join('|'), 'giu');
// What every match of IDENTIFIERS_WITHOUT_AT holds: "://" or "www." (a URL), or a dot before a
// listed top-level domain (a bare domain), matched as the forms match them (ignoring case the
// Unicode way: "ſ" is an "s"). Most copy has none, and is then not searched: the forms try a
// match at every word, the gate only where a colon, a "w" (either case) or a dot stands.
const MAY_HAVE_IDENTIFIER = new RegExp(String.raw`:\/\/|www\.|\.(?:${DOMAIN_TLDS})`, 'iu');

/** The identifier spans of `text` as [start, end) pairs, in order and disjoint; `gated: false` searches every text (the reference). */
export function identifierSpans(text: string, gated = true): Array<[number, number]> {
  const pattern = text.includes('@') ? IDENTIFIERS : !gated || MAY_HAVE_IDENTIFIER.test(text) ? IDENTIFIERS_WITHOUT_AT : undefined;
  return pattern ? Array.from(text.matchAll(pattern), (m): [number, number] => [m.index, m.index + m[0].length]) : [];
}

/** The part's identifier spans, in order and disjoint: a span lies in one if the last starting at or before it covers it. */
class Identifiers {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  constructor(text: string) {
    for (const [start, end] of identifierSpans(text)) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }
  covers(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= start) (found = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found >= 0 && this.ends[found] >= end;
  }
}

/** How a use-term entry reads the span as written, if at all. */
function claimOf(entry: Extract<Entry, { kind: 'use' }>, written: string, text: string, start: number, end: number): Claim | undefined {
  const { term, anyCase } = entry;
  const exact = written === entry.spelled;
  const claim = (rank: number, variant: string, note = ''): Claim => ({ start, end, order: entry.order, canonical: rank === 3, rank, term, variant, note });
  switch (entry.as) {
    case 'canonical':
      if (exact) return claim(3, entry.phrase);
      return anyCase ? claim(1, written, ' (another casing)') : undefined;
    case 'hashtag':
      if (text[start - 1] !== '#') return undefined;
      if (exact) return claim(3, entry.phrase);
      return anyCase ? claim(1, written, ' (another casing)') : undefined;
    case 'variant':
      // Listed spellings only as written, even under case: exact ("run fast" is plain English).
      return exact ? claim(2, entry.phrase) : undefined;
    case 'bare':
      if (!exact && !anyCase) return undefined;
      return claim(exact ? 2 : 1, exact ? entry.phrase : written, ' (typed without diacritics)');
  }
}

/**
 * One span, one reading: the longest claim wins, then the term listed later (a later entry
 * refines an earlier one, as in Vale's vocabularies), then the canonical spelling, then a
 * listed variant, then another casing. A span read as a canonical spelling says nothing, and covers what it overlaps.
 */
function resolve<T extends { start: number; end: number; order: number }>(claims: T[], rank: (c: T) => number, length: number): T[] {
  // Most parts with a term have one, or a few apart: each is kept, in order, so there is
  // nothing to rank, sort or flag (no table of the part's length either).
  let apart = true;
  for (let k = 1; k < claims.length && apart; k++) apart = claims[k].start >= claims[k - 1].end;
  if (apart) return claims;
  const ranked = [...claims].sort((a, b) => b.end - b.start - (a.end - a.start) || b.order - a.order || rank(b) - rank(a) || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: T[] = [];
  for (const c of ranked) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = !taken[i];
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Per document: variants and avoided phrases are reported where they stand; the required
 * terms the document contains go to its state, and term-required is decided once every
 * source is read (src/campaign/rules.ts).
 */
export const termsCheck: DocumentCheck = {
  rules: ['term-variant', 'term-avoid', 'term-required'],
  checkDocument({ spec, doc, state, report }) {
    if (spec.terms.length === 0) return;
    const trie = dictionaryOf(spec.terms);
    const seen = new Set<string>();
    for (const np of doc.parts) {
      const matches = matchesIn(trie, np.folded);
      if (matches.length) checkPart(np, doc.doc.source, doc.doc.channel, matches, report, seen);
    }
    for (const term of seen) if (!state.termsSeen.includes(term)) state.termsSeen.push(term);
  },
};

/** One part's variants and avoided phrases, reported; the required terms it contains, added to `seen`. */
function checkPart(np: NormalizedPart, source: string, channel: string, matches: Array<PhraseMatch<Entry>>, report: (finding: Finding) => void, seen: Set<string>): void {
  const text = np.folded.text;
  let identifiers: Identifiers | undefined;
  const claims: Claim[] = [];
  const avoided: Array<{ start: number; end: number; order: number; phrase: string; term: Extract<Term, { kind: 'avoid' }> }> = [];
  for (const { start, end, entries } of matches) {
    const written = oneSpaced(text.slice(start, end));
    for (const entry of entries) {
      if (!entry.term.channels.includes(channel)) continue;
      if (entry.kind === 'require') {
        seen.add(entry.term.require);
      } else if (entry.kind === 'avoid') {
        avoided.push({ start, end, order: entry.order, phrase: entry.phrase, term: entry.term });
      } else {
        identifiers ??= identifiersIn(np.folded);
        if (identifiers.covers(start, end)) continue;
        const claim = claimOf(entry, written, text, start, end);
        if (claim) claims.push(claim);
      }
    }
  }
  for (const c of resolve(claims, (c) => c.rank, text.length)) {
    if (c.canonical) continue;
    report({
      rule: 'term-variant',
      severity: c.term.severity ?? DEFAULT_SEVERITY['term-variant'],
      channel,
      source,
      subject: c.term.use,
      expected: c.term.use,
      found: text.slice(c.start, c.end),
      ...quote(np, c.start, c.end),
      message: `Write "${c.term.use}", not "${c.variant}"${c.note}`,
    });
  }
  for (const a of resolve(avoided, () => 0, text.length)) {
    report({
      rule: 'term-avoid',
      severity: a.term.severity ?? DEFAULT_SEVERITY['term-avoid'],
      channel,
      source,
      subject: a.phrase,
      found: text.slice(a.start, a.end),
      ...quote(np, a.start, a.end),
      message: `Avoid "${a.phrase}"`,
    });
  }
}
