// From a campaign state to the report: the campaign-wide rules, the spec's exceptions, one
// total order. Everything here reads the state, never a document, so `merge` runs it on the
// states shards wrote exactly as a single run does on its own.
import path from 'node:path';
import { capFindings } from '../findings/cap.js';
import { keyOfFact } from '../checks/facts.js';
import { applyExceptions } from '../findings/exceptions.js';
import { factMatrix, type FactRow, type FactSighting } from '../findings/fact-matrix.js';
import { specWarningFindings } from '../findings/spec-warnings.js';
import { withFixes } from '../fix/attach.js';
import { unusedNearWords } from '../spec/warnings.js';
import { sortFindings } from '../findings/sort.js';
import { summarize } from '../findings/summary.js';
import type { Finding, Report } from '../findings/types.js';
import type { FailOn, Spec } from '../spec/types.js';
import { crossChannelRules, factRules, messageRules, termRules, type CampaignContext } from './rules.js';
import type { CampaignState } from './state.js';

export interface ReportOptions {
  /** Selected channel names in spec order. */
  channels: readonly string[];
  /** The spec as the report names it (relative to the working directory). */
  specName: string;
  /** Overrides the spec's rules.fail_on. */
  failOn?: FailOn;
  /** Today as YYYY-MM-DD, for exceptions' expiry (default: the clock's UTC date). */
  today?: string;
  /** Findings listed per rule and source, then one "+N more" (default 10000; 0: all). */
  maxFindings?: number;
}

export function reportFromState(spec: Spec, state: CampaignState, options: ReportOptions): Report {
  const placed = [...state.sources].sort((a, b) => a.order - b.order);
  const sources = placed.map((s) => s.source);
  const findings: Finding[] = placed.flatMap((s) => s.findings);
  const context: CampaignContext = {
    spec,
    state,
    channels: options.channels,
    readable: new Set(sources.filter((s) => s.status === 'ok').map((s) => s.channel)),
    report: (finding) => findings.push(finding),
  };
  const coverage = messageRules(context);
  factRules(context);
  termRules(context);
  crossChannelRules(context);
  const specSource = path.basename(spec.file);
  const unusedNear = unusedNearWords(spec, new Set(state.nearSeen ?? []), context.readable);
  findings.push(...specWarningFindings([...(spec.warnings ?? []), ...unusedNear], options.channels, specSource));

  const failOn = options.failOn ?? spec.rules.failOn;
  const accepted = applyExceptions(findings, spec.exceptions, {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    channels: options.channels,
    specSource,
    inline: placed.filter((s) => s.disables?.length).map((s) => ({ source: s.source.id, channel: s.source.channel, disables: s.disables! })),
  });
  const sorted = sortFindings(withFixes(accepted), options.channels);
  return {
    version: 1,
    campaign: spec.campaign,
    spec: options.specName,
    summary: summarize(sorted, sources, failOn),
    sources,
    findings: capFindings(sorted, options.maxFindings),
    coverage,
    facts: factRows(spec, state, options.channels, context.readable, sorted),
    channels: [...options.channels],
    failOn,
  };
}

/** The facts × channels matrix, from the values each channel's sources stated (first sighting of each). */
function factRows(spec: Spec, state: CampaignState, channels: readonly string[], readable: ReadonlySet<string>, findings: readonly Finding[]): FactRow[] {
  const keys = new Map<string, string>();
  for (const fact of spec.facts) {
    const key = keyOfFact(fact, spec);
    if (key) keys.set(fact.id, key);
  }
  const sightings: FactSighting[] = [];
  for (const channel of channels) {
    const byFact = Object.hasOwn(state.factSightings, channel) ? state.factSightings[channel] : {};
    for (const [fact, values] of Object.entries(byFact)) {
      // In the run's source order and their place in it: the record's own key order is the
      // order sources happened to finish in, which differs between runs and threads.
      const placed = Object.entries(values).sort(([, a], [, b]) => a.order - b.order || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
      for (const [value, s] of placed) sightings.push({ fact, channel, source: s.source, value, raw: s.raw, location: s.location });
    }
  }
  return factMatrix({ facts: spec.facts, keys, channels, readable, sightings, findings });
}
