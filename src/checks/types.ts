// A check reads normalized documents and the spec, and reports findings. Checks never
// change documents; campaign-wide checks see every document at once.
import type { CoverageEntry, Finding, RuleId } from '../findings/types.js';
import type { NormalizedDocument } from '../normalize/index.js';
import type { Severity, Spec } from '../spec/types.js';

export interface CheckContext {
  spec: Spec;
  /** Readable documents of the selected channels, in spec order. */
  docs: NormalizedDocument[];
  /** Selected channels with at least one readable source: only these can miss anything. */
  readable: ReadonlySet<string>;
  /** Selected channel names in spec order. */
  channels: readonly string[];
  report(finding: Finding): void;
  /** message id -> channel -> status; filled by the messages check. */
  coverage: Record<string, Record<string, CoverageEntry>>;
}

export interface Check {
  /** The rules this check can report. */
  rules: readonly RuleId[];
  run(context: CheckContext): void;
}

export const DEFAULT_SEVERITY: Readonly<Record<RuleId, Severity>> = {
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
};
