// What each rule id means, in one place, for every report that explains rules to a reader
// (SARIF rule descriptors, JUnit test cases, the markdown and HTML reports). The texts
// follow SPEC.md §4 and §7.
import type { Severity } from '../spec/types.js';
import { DOCS_URL } from '../version.js';
import type { RuleId } from './types.js';

/** The check that reports a rule: one JUnit test case per channel and check. */
export type CheckName = 'messages' | 'facts' | 'terms' | 'lengths' | 'cross-channel' | 'sources' | 'exceptions' | 'spec';

export const CHECK_NAMES: readonly CheckName[] = ['messages', 'facts', 'terms', 'lengths', 'cross-channel', 'sources', 'exceptions', 'spec'];

export interface RuleInfo {
  id: RuleId;
  check: CheckName;
  /** Before a message's, fact's or term's own `severity` overrides it. */
  defaultSeverity: Severity;
  /** One line: what happened. */
  summary: string;
  /** A paragraph: when the rule fires and what to do about it. */
  help: string;
  /** The rule's page in the repository's docs (docs/rules/<id>.md): what fires it, what does not, how to fix it. */
  helpUri: string;
}

/** Where a rule id's page is: docs/rules/<id>.md of the repository named in package.json. */
export const ruleDocUrl = (id: string): string => `${DOCS_URL}/rules/${encodeURIComponent(id)}.md`;

/** Severity of each rule's findings unless a message, fact or term sets its own (SPEC.md §7). */
export const DEFAULT_SEVERITY: Readonly<Record<RuleId, Severity>> = Object.freeze({
  'message-missing': 'error',
  'message-negated': 'error',
  'fact-mismatch': 'error',
  'fact-missing': 'error',
  'term-required': 'error',
  'length-exceeded': 'error',
  'source-error': 'error',
  'message-drift': 'warning',
  'term-variant': 'warning',
  'term-avoid': 'warning',
  'cross-channel-conflict': 'warning',
  'exception-unused': 'warning',
  'exception-expired': 'warning',
  'spec-warning': 'info',
});

type RuleText = Omit<RuleInfo, 'id' | 'defaultSeverity' | 'helpUri'>;

// A Record, so the compiler refuses a rule id without its text; key order is the report order.
const TEXTS: Record<RuleId, RuleText> = {
  'message-missing': {
    check: 'messages',
    summary: 'A key message is not said in a channel that requires it',
    help: 'No readable source of the channel says the key message in its text, an alias or a translation, not even in a reworded form. A channel is what one audience sees as a whole, so one source saying it is enough. Add the message to the channel\'s copy, or narrow the message\'s `channels` in the spec if this audience should not hear it.',
  },
  'message-drift': {
    check: 'messages',
    summary: 'A key message is reworded below its similarity threshold',
    help: 'The closest wording in the channel is recognisably the key message but scores below its `min_similarity`. Bring the copy back to the spec\'s wording, or, if the new wording is approved, add it to the message\'s `aliases`.',
  },
  'message-negated': {
    check: 'messages',
    summary: 'A channel says the opposite of a key message',
    help: 'The channel states the key message with the opposite polarity (for example "shipping is not free" against "Free shipping"). The audience is told the reverse of the campaign: fix the copy, or the spec if the offer changed.',
  },
  'fact-mismatch': {
    check: 'facts',
    summary: 'A stated value differs from the spec',
    help: 'A value of the fact\'s type that belongs to the fact (next to one of its `near` words, or shaped like its code or URL) differs from the spec after normalization: money as amount and currency, percents as numbers, dates as days, URLs without scheme, query or trailing slash, codes case-insensitively. Correct the copy, or the spec\'s `value` if the offer changed.',
  },
  'fact-missing': {
    check: 'facts',
    summary: 'A required fact is not stated in this channel',
    help: 'The fact\'s `required` list names this channel, but none of its readable sources states the fact. State it in the copy, or remove the channel from `required`.',
  },
  'term-variant': {
    check: 'terms',
    summary: 'A variant spelling is used instead of the canonical term',
    help: 'The copy uses one of the term\'s `instead_of` spellings, matched exactly as written on word boundaries. Write the canonical spelling given by `use`.',
  },
  'term-avoid': {
    check: 'terms',
    summary: 'A phrase the spec says to avoid is used',
    help: 'The copy contains a phrase from an `avoid` list (case-insensitive, whole words). Rephrase it; such phrases are usually legal or brand risks.',
  },
  'term-required': {
    check: 'terms',
    summary: 'A required phrase is absent',
    help: 'No readable source of the channel contains the phrase that a `require` term asks for (case-insensitive, whole words), such as an unsubscribe link\'s text in an email. Add it to the copy.',
  },
  'length-exceeded': {
    check: 'lengths',
    summary: "A post is longer than its platform's limit",
    help: 'A social post is longer than the channel\'s `max_length` or its platform\'s limit, counted as the platform counts (on X every URL is 23 and CJK characters and emoji are 2). Shorten the post; the platform would cut or refuse it.',
  },
  'cross-channel-conflict': {
    check: 'cross-channel',
    summary: 'Two channels state different values for the same thing',
    help: 'Two channels attach different values of the same type to the same context words (for example "returns within 30 days" against "within 14 days"), and no spec fact covers them. The finding is on the channel that disagrees with most others. Align the copy, and consider adding a fact to the spec so the value is checked everywhere.',
  },
  'source-error': {
    check: 'sources',
    summary: 'A source could not be read, so its check is incomplete',
    help: 'The file is missing or unreadable, a glob matched nothing, a URL could not be fetched, or the content could not be parsed. The rest of the campaign is still checked, but nothing in this source was. Fix the path or the file; a channel none of whose sources could be read is reported as unknown, never as missing anything.',
  },
  'exception-unused': {
    check: 'exceptions',
    summary: 'A spec exception matched no finding',
    help: 'An entry of the spec\'s `exceptions` list accepted no finding in this run: the drift it accepted was fixed, or the entry no longer matches. Remove it so it cannot hide a future problem.',
  },
  'exception-expired': {
    check: 'exceptions',
    summary: 'A spec exception has expired',
    help: 'An entry of the spec\'s `exceptions` list is past its `expires` date, so the findings it accepted count again. Fix the drift, or renew the exception with a new date and reason.',
  },
  'spec-warning': {
    check: 'spec',
    summary: 'The spec loads but cannot work as written',
    help: 'An item of the spec can never do what it says: a fact with no `near` words and no `required` channels matches nothing, a `near` word that no source contains claims no value, a message required in a channel whose language it has no wording for cannot be found there, a term variant equal to its canonical spelling flags every correct use. The finding points at the line; `check --strict` refuses such a spec (exit 2).',
  },
};

export const RULES: readonly RuleInfo[] = Object.freeze(
  (Object.keys(TEXTS) as RuleId[]).map((id) => Object.freeze({ id, defaultSeverity: DEFAULT_SEVERITY[id], ...TEXTS[id], helpUri: ruleDocUrl(id) })),
);

const BY_ID = new Map<string, RuleInfo>(RULES.map((rule) => [rule.id, rule]));

/** Metadata of a rule id; undefined for an id this version does not know. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

/** Index of a rule id in RULES (SARIF's ruleIndex), -1 when unknown. */
export function ruleIndex(id: string): number {
  const rule = BY_ID.get(id);
  return rule ? RULES.indexOf(rule) : -1;
}
