// term-variant / term-avoid / term-required (SPEC.md §7 Terms).
import type { NormalizedPart } from '../normalize/index.js';
import { foldText, stripDiacritics } from '../normalize/fold.js';
import type { Term } from '../spec/types.js';
import { quote } from './excerpt.js';
import { DEFAULT_SEVERITY, type Check, type CheckContext } from './types.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase on word boundaries: never inside a longer word ("secure" has no "cure"). */
export function phrasePattern(phrase: string, caseSensitive: boolean): RegExp {
  const body = foldText(phrase).text.split(' ').map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${body}(?![\\p{L}\\p{N}\\p{M}])`, caseSensitive ? 'gu' : 'giu');
}

// A variant spelled inside a URL, an e-mail address or an @handle is an identifier, not copy.
const IDENTIFIERS = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|example|pl|il|de|uk|shop|store)(?:\/\S*)?/giu;

function identifierSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(IDENTIFIERS)].map((m) => [m.index, m.index + m[0].length]);
}

function occurrences(np: NormalizedPart, pattern: RegExp, skipIdentifiers: boolean): Array<[number, number]> {
  const text = np.folded.text;
  const skip = skipIdentifiers ? identifierSpans(text) : [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) {
    const span: [number, number] = [m.index, m.index + m[0].length];
    if (!skip.some(([a, b]) => span[0] >= a && span[1] <= b)) out.push(span);
  }
  return out;
}

function applies(term: Term, channel: string): boolean {
  return term.channels.includes(channel);
}

export const termsCheck: Check = {
  rules: ['term-variant', 'term-avoid', 'term-required'],
  run(context) {
    for (const term of context.spec.terms) {
      if (term.kind === 'use') runVariants(term, context);
      else if (term.kind === 'avoid') runAvoid(term, context);
      else runRequire(term, context);
    }
  },
};

function eachPart(context: CheckContext, term: Term, visit: (np: NormalizedPart, source: string, channel: string) => void): void {
  for (const doc of context.docs) {
    if (!applies(term, doc.doc.channel)) continue;
    for (const np of doc.parts) visit(np, doc.doc.source, doc.doc.channel);
  }
}

/**
 * The listed variants, plus the canonical term typed without its diacritics ("Wyprzedaz" for
 * "Wyprzedaż", "zl" for "zł"): a keyboard slip, never a different word, so it is a variant
 * whether or not the spec lists it.
 */
function variantsOf(term: Extract<Term, { kind: 'use' }>): Array<{ variant: string; pattern: RegExp; note: string }> {
  const listed = term.insteadOf.map((variant) => ({ variant, pattern: phrasePattern(variant, true), note: '' }));
  const bare = stripDiacritics(foldText(term.use).text);
  if (bare === foldText(term.use).text || term.insteadOf.some((v) => foldText(v).text === bare)) return listed;
  return [...listed, { variant: bare, pattern: phrasePattern(bare, true), note: ' (typed without diacritics)' }];
}

function runVariants(term: Extract<Term, { kind: 'use' }>, context: CheckContext): void {
  const variants = variantsOf(term);
  eachPart(context, term, (np, source, channel) => {
    for (const { variant, pattern, note } of variants) {
      for (const [start, end] of occurrences(np, pattern, true)) {
        context.report({
          rule: 'term-variant',
          severity: term.severity ?? DEFAULT_SEVERITY['term-variant'],
          channel,
          source,
          subject: term.use,
          expected: term.use,
          found: np.folded.text.slice(start, end),
          ...quote(np, start, end),
          message: `Write "${term.use}", not "${variant}"${note}`,
        });
      }
    }
  });
}

function runAvoid(term: Extract<Term, { kind: 'avoid' }>, context: CheckContext): void {
  const phrases = term.avoid.map((phrase) => ({ phrase, pattern: phrasePattern(phrase, false) }));
  eachPart(context, term, (np, source, channel) => {
    for (const { phrase, pattern } of phrases) {
      for (const [start, end] of occurrences(np, pattern, false)) {
        context.report({
          rule: 'term-avoid',
          severity: term.severity ?? DEFAULT_SEVERITY['term-avoid'],
          channel,
          source,
          subject: phrase,
          found: np.folded.text.slice(start, end),
          ...quote(np, start, end),
          message: `Avoid "${phrase}"`,
        });
      }
    }
  });
}

function runRequire(term: Extract<Term, { kind: 'require' }>, context: CheckContext): void {
  const pattern = phrasePattern(term.require, false);
  for (const channel of context.channels) {
    if (!applies(term, channel) || !context.readable.has(channel)) continue;
    const found = context.docs.some(
      (d) => d.doc.channel === channel && d.parts.some((np) => occurrences(np, pattern, false).length > 0),
    );
    if (!found) {
      context.report({
        rule: 'term-required',
        severity: term.severity ?? DEFAULT_SEVERITY['term-required'],
        channel,
        subject: term.require,
        expected: term.require,
        message: `"${term.require}" is required in channel "${channel}" but never appears`,
      });
    }
  }
}
