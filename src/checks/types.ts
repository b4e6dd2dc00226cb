// A check reads normalized documents and the spec, and reports findings. Checks never
// change documents; campaign-wide checks see every document at once.
import type { FactSighting } from '../findings/fact-matrix.js';
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
  /** Every statement of a fact, right or wrong, for the fact matrix (the facts check calls it). */
  sightFact?: (sighting: FactSighting) => void;
}

export interface Check {
  /** The rules this check can report. */
  rules: readonly RuleId[];
  run(context: CheckContext): void;
}

// The table lives with the rules' other metadata; the checks read it from there.
export { DEFAULT_SEVERITY } from '../findings/rules.js';
