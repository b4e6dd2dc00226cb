// message-missing / message-drift / message-negated, and the coverage matrix.
// A channel is what one audience sees as a whole: any source of it may say the message.
import type { CoverageEntry } from '../findings/types.js';
import type { NormalizedDocument } from '../normalize/index.js';
import type { Message, Spec } from '../spec/types.js';
import { quote } from './excerpt.js';
import { matchInPart, prepareWording, type MessageMatch, type Wording } from './match-message.js';
import { DEFAULT_SEVERITY, type Check, type CheckContext } from './types.js';

/**
 * Below this a window is not "recognisably the message": missing, not drift. Windows only
 * count at all when they share at least 40% of the message's content words, so the floor
 * can sit low enough to catch "Free delivery for orders above $50" (0.47) as drift.
 */
export function driftFloor(minSimilarity: number): number {
  return Math.max(0.4, minSimilarity - 0.35);
}

function primary(language: string): string {
  return language.toLowerCase().split('-')[0];
}

const wordingCache = new WeakMap<Message, Map<string, Wording[]>>();

/** The text and aliases, plus the translation for the channel's language when there is one. */
export function wordingsFor(message: Message, spec: Spec, language: string): Wording[] {
  let byLanguage = wordingCache.get(message);
  if (!byLanguage) wordingCache.set(message, (byLanguage = new Map()));
  let wordings = byLanguage.get(language);
  if (!wordings) {
    wordings = [message.text, ...message.aliases].map((text) => prepareWording(text, spec.language));
    for (const [lang, text] of Object.entries(message.translations)) {
      if (primary(lang) === primary(language)) wordings.push(prepareWording(text, lang));
    }
    byLanguage.set(language, wordings);
  }
  return wordings;
}

interface SourceMatch {
  doc: NormalizedDocument;
  plain?: MessageMatch & { partIndex: number };
  opposite?: MessageMatch & { partIndex: number };
}

function better<T extends { score: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

export function matchMessageInDocument(message: Message, spec: Spec, doc: NormalizedDocument): SourceMatch {
  const result: SourceMatch = { doc };
  for (const wording of wordingsFor(message, spec, doc.doc.language)) {
    for (const np of doc.parts) {
      const { plain, opposite } = matchInPart(np, wording);
      result.plain = better(result.plain, plain && { ...plain, partIndex: np.index });
      result.opposite = better(result.opposite, opposite && { ...opposite, partIndex: np.index });
    }
  }
  return result;
}

const round = (score: number) => Math.round(score * 100) / 100;

export const messagesCheck: Check = {
  rules: ['message-missing', 'message-drift', 'message-negated'],
  run(context) {
    for (const message of context.spec.messages) runMessage(message, context);
  },
};

function runMessage(message: Message, context: CheckContext): void {
  const floor = driftFloor(message.minSimilarity);
  const row: Record<string, CoverageEntry> = (context.coverage[message.id] = {});
  const severity = (rule: 'message-missing' | 'message-drift' | 'message-negated') => message.severity ?? DEFAULT_SEVERITY[rule];

  for (const channel of context.channels) {
    const required = message.channels.includes(channel);
    const matches = context.docs.filter((d) => d.doc.channel === channel).map((d) => matchMessageInDocument(message, context.spec, d));
    // A contradiction is worth saying wherever it is, even beside a correct statement elsewhere.
    for (const m of matches) {
      const said = m.plain && m.plain.score >= message.minSimilarity;
      if (m.opposite && m.opposite.score >= floor && !said) {
        const np = m.doc.parts[m.opposite.partIndex];
        const q = quote(np, m.opposite.start, m.opposite.end);
        context.report({
          rule: 'message-negated',
          severity: severity('message-negated'),
          channel,
          source: m.doc.doc.source,
          subject: message.id,
          expected: message.text,
          found: np.folded.text.slice(m.opposite.start, m.opposite.end),
          ...q,
          message: `Key message "${message.id}" is contradicted (said with the opposite polarity)`,
        });
      }
    }
    if (!required) continue;
    if (!context.readable.has(channel)) {
      row[channel] = { status: 'unknown' };
      continue;
    }
    const best = matches.reduce<SourceMatch | undefined>((a, b) => ((b.plain?.score ?? -1) > (a?.plain?.score ?? -1) ? b : a), undefined);
    const negated = matches.find((m) => m.opposite && m.opposite.score >= floor && !(m.plain && m.plain.score >= message.minSimilarity));
    const score = best?.plain?.score ?? 0;
    if (best?.plain && score >= message.minSimilarity) {
      row[channel] = { status: 'present', score: round(score), source: best.doc.doc.source };
    } else if (negated?.opposite) {
      row[channel] = { status: 'negated', score: round(negated.opposite.score), source: negated.doc.doc.source };
    } else if (best?.plain && score >= floor) {
      row[channel] = { status: 'drift', score: round(score), source: best.doc.doc.source };
      const np = best.doc.parts[best.plain.partIndex];
      context.report({
        rule: 'message-drift',
        severity: severity('message-drift'),
        channel,
        source: best.doc.doc.source,
        subject: message.id,
        expected: best.plain.wording.text,
        found: np.folded.text.slice(best.plain.start, best.plain.end),
        ...quote(np, best.plain.start, best.plain.end),
        message: `Key message "${message.id}" is reworded (similarity ${round(score).toFixed(2)}, needs ${message.minSimilarity})`,
      });
    } else {
      row[channel] = { status: 'missing', ...(score > 0 ? { score: round(score) } : {}) };
      context.report({
        rule: 'message-missing',
        severity: severity('message-missing'),
        channel,
        subject: message.id,
        expected: message.text,
        message: `Key message "${message.id}" is not said in channel "${channel}"`,
      });
    }
  }
}
