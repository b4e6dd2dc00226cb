// The campaign-wide half of a run: the rules that look across a channel's sources (or across
// channels) decided from the folded state alone, once every source has been checked.
import { DEFAULT_SEVERITY } from '../findings/rules.js';
import type { CoverageEntry, Finding } from '../findings/types.js';
import type { Message, Spec } from '../spec/types.js';
import type { CampaignState, ChannelMessage, PlacedStatement } from './state.js';
import { agrees } from '../checks/facts.js';

export interface CampaignContext {
  spec: Spec;
  state: CampaignState;
  /** Selected channel names in spec order. */
  channels: readonly string[];
  /** Selected channels with at least one readable source: only these can miss anything. */
  readable: ReadonlySet<string>;
  report(finding: Finding): void;
}

const round = (score: number) => Math.round(score * 100) / 100;

/** message-missing / message-drift and the coverage matrix: message id -> channel -> cell. */
export function messageRules(context: CampaignContext): Record<string, Record<string, CoverageEntry>> {
  const coverage: Record<string, Record<string, CoverageEntry>> = {};
  for (const message of context.spec.messages) {
    const row: Record<string, CoverageEntry> = (coverage[message.id] = {});
    for (const channel of context.channels) {
      if (!message.channels.includes(channel)) continue;
      if (!context.readable.has(channel)) {
        row[channel] = { status: 'unknown' };
        continue;
      }
      row[channel] = coverageCell(message, channel, context.state.messages[message.id]?.[channel], context);
    }
  }
  return coverage;
}

// A channel is what one audience sees as a whole: any source of it may say the message.
function coverageCell(message: Message, channel: string, seen: ChannelMessage | undefined, context: CampaignContext): CoverageEntry {
  if (seen?.present) return { status: 'present', score: round(seen.present.score), source: seen.present.source };
  if (seen?.negated) return { status: 'negated', score: seen.negated.score, source: seen.negated.source };
  if (seen?.drift) {
    context.report(seen.drift.finding);
    return { status: 'drift', score: seen.drift.score, source: seen.drift.source };
  }
  const score = seen?.local ?? 0;
  const untranslated = seen?.untranslated ?? [];
  context.report({
    rule: 'message-missing',
    severity: message.severity ?? DEFAULT_SEVERITY['message-missing'],
    channel,
    subject: message.id,
    expected: untranslated.length ? message.text : (seen?.wording?.text ?? message.text),
    message: `Key message "${message.id}" is not said in channel "${channel}"${untranslated.map((l) => `; no ${l} translation of this message: add translations.${l} to check this channel`).join('')}`,
  });
  return { status: 'missing', ...(score > 0 ? { score: round(score) } : {}) };
}

export function factRules(context: CampaignContext): void {
  for (const fact of context.spec.facts) {
    for (const channel of context.channels) {
      const required = fact.required.includes(channel) && context.readable.has(channel);
      if (!required || context.state.factsStated[fact.id]?.includes(channel)) continue;
      context.report({
        rule: 'fact-missing',
        severity: fact.severity ?? DEFAULT_SEVERITY['fact-missing'],
        channel,
        subject: fact.id,
        expected: fact.value,
        message: `"${fact.id}" (${fact.value}) is not stated in channel "${channel}"`,
      });
    }
  }
}

export function termRules(context: CampaignContext): void {
  for (const term of context.spec.terms) {
    if (term.kind !== 'require') continue;
    for (const channel of context.channels) {
      if (!term.channels.includes(channel) || !context.readable.has(channel)) continue;
      if (context.state.termsSeen[term.require]?.includes(channel)) continue;
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

/**
 * cross-channel-conflict: a value the spec does not cover, with the same context words,
 * stated differently by different channels ("returns within 30 days" on the site, "within
 * 14 days" in the newsletter).
 */
export function crossChannelRules(context: CampaignContext): void {
  if (!context.spec.rules.crossChannel) return;
  const topics = Object.keys(context.state.statements).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const topic of topics) reportConflicts(topic.split('|')[1], context.state.statements[topic], context);
}

type Said = PlacedStatement & { channel: string; key: string };

function reportConflicts(words: string, byChannel: Record<string, Record<string, PlacedStatement>>, context: CampaignContext): void {
  // A channel that itself states several values here (a price list) says nothing clear.
  const clear: Said[] = [];
  for (const channel of context.channels) {
    const values = Object.hasOwn(byChannel, channel) ? Object.entries(byChannel[channel]) : [];
    if (values.length === 1) clear.push({ ...values[0][1], channel, key: values[0][0] });
  }
  if (new Set(clear.map((s) => s.key)).size < 2) return;
  const same = (a: Said, b: Said) => agrees(a, b.key) || agrees(b, a.key);
  // An ambiguous date (bare `en`, "3/7/2026") agrees with every channel that states one of its readings.
  if (clear.some((s) => s.alternatives) && clear.every((s) => clear.every((o) => same(s, o)))) return;
  const votes = new Map<string, Said[]>();
  for (const s of clear) votes.set(s.key, [...(votes.get(s.key) ?? []), s]);
  // Most channels win; on a tie the value stated first in spec order, so the later channel is flagged.
  const [, winners] = [...votes].reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const reference = winners[0];
  for (const s of clear) {
    if (same(s, reference)) continue;
    context.report({
      rule: 'cross-channel-conflict',
      severity: DEFAULT_SEVERITY['cross-channel-conflict'],
      channel: s.channel,
      source: s.source,
      subject: words,
      expected: `${reference.key} (${reference.channel})`,
      found: s.key,
      excerpt: s.excerpt,
      highlight: s.highlight,
      location: s.location,
      message: `"${s.raw}" (${words}) differs from ${reference.raw} in channel "${reference.channel}"`,
    });
  }
}
