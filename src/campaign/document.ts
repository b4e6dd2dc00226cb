// The per-source half of a run: one source read (or not), normalized and checked, giving its
// SourceState. This is what runs in a worker thread; nothing here looks at another source.
import { yearOf } from '../checks/facts.js';
import { crossChannelCheck } from '../checks/cross-channel.js';
import { factsCheck } from '../checks/facts.js';
import { lengthsCheck } from '../checks/lengths.js';
import { messagesCheck } from '../checks/messages.js';
import { termsCheck } from '../checks/terms.js';
import { DEFAULT_SEVERITY, type DocumentCheck, type DocumentContext } from '../checks/types.js';
import type { Document } from '../documents/types.js';
import type { Finding, SourceSummary } from '../findings/types.js';
import { normalizeDocument } from '../normalize/index.js';
import { isAuto } from '../normalize/language.js';
import type { Spec } from '../spec/types.js';
import { nearWordsIn } from '../spec/warnings.js';
import { emptySourceState, type SourceState } from './state.js';

/** Every check, in the order their findings are reported within a source. */
export const CHECKS: readonly DocumentCheck[] = [messagesCheck, factsCheck, termsCheck, lengthsCheck, crossChannelCheck];

/** What the report says about a source before it is read. */
export type SourceBase = Pick<SourceSummary, 'id' | 'channel' | 'kind' | 'language'>;

function sourceError(base: SourceBase, reason: string, line?: number, column?: number): Finding {
  const where = line ? `:${line}${column ? `:${column}` : ''}` : '';
  return {
    rule: 'source-error',
    severity: DEFAULT_SEVERITY['source-error'],
    channel: base.channel,
    source: base.id,
    found: reason,
    message: `Cannot read ${base.id}${where}: ${reason}`,
    ...(line ? { location: { part: 'file', line, ...(column ? { column } : {}) } } : {}),
  };
}

/** A source that could not be read: its error is its whole state. */
export function unreadableState(base: SourceBase, reason: string, line?: number, column?: number): SourceState {
  return emptySourceState({ ...base, status: 'error', error: reason }, [sourceError(base, reason, line, column)]);
}

/** One readable document checked against the spec. */
export function checkDocumentState(spec: Spec, document: Document): SourceState {
  const base: SourceBase = { id: document.source, channel: document.channel, kind: document.kind, language: document.language };
  const findings = (document.problems ?? []).map((p) => sourceError(base, p.reason, p.line, p.column));
  // A repost is someone else's words shared: shown in extract, never held to the spec.
  const own = document.parts.some((p) => p.label === 'repost') ? { ...document, parts: document.parts.filter((p) => p.label !== 'repost') } : document;
  // With language auto everywhere, copy too short to tell is taken to be English.
  const doc = normalizeDocument(own, { year: yearOf(spec), fallbackLanguage: isAuto(spec.language) ? 'en' : spec.language });
  // Report the language the source was read in: the detected one where the spec said auto.
  const state = emptySourceState({ ...base, language: doc.language, status: 'ok' }, findings);
  const context: DocumentContext = { spec, doc, state, report: (finding) => findings.push(finding) };
  for (const check of CHECKS) check.checkDocument(context);
  if (document.disables?.length) state.disables = document.disables;
  const nearSeen = nearWordsIn(spec, doc);
  if (nearSeen.length) state.nearSeen = nearSeen;
  return state;
}
