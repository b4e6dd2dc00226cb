// A check reads normalized documents and the spec, and reports findings. Checks never
// change documents. Each check looks at one document at a time and notes what the
// campaign-wide rules need in the source's state (src/campaign/); those rules run once
// every source has been checked, on that state alone.
import type { SourceState } from '../campaign/state.js';
import type { Finding, RuleId } from '../findings/types.js';
import type { NormalizedDocument } from '../normalize/index.js';
import type { Spec } from '../spec/types.js';

/** What a check sees of one document. */
export interface DocumentContext {
  spec: Spec;
  doc: NormalizedDocument;
  report(finding: Finding): void;
  /** What the campaign-wide rules will need from this source: the check fills its own fields. */
  state: SourceState;
}

export interface DocumentCheck {
  /** The rules this check can report. */
  rules: readonly RuleId[];
  checkDocument(context: DocumentContext): void;
}

// The table lives with the rules' other metadata; the checks read it from there.
export { DEFAULT_SEVERITY } from '../findings/rules.js';
