// Findings travel unchanged from the checks to every report format.
import type { FailOn, Severity } from '../spec/types.js';
import type { FactRow } from './fact-matrix.js';

export type RuleId =
  | 'message-missing'
  | 'message-drift'
  | 'message-negated'
  | 'fact-mismatch'
  | 'fact-missing'
  | 'term-variant'
  | 'term-avoid'
  | 'term-required'
  | 'length-exceeded'
  | 'cross-channel-conflict'
  | 'source-error'
  | 'exception-unused'
  | 'exception-expired'
  | 'spec-warning';

export interface Location {
  /** The part's role: subject, body, heading, post, ... */
  part: string;
  line?: number;
  column?: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  channel: string;
  /** Source id; absent for a channel-wide finding (e.g. missing in every source). */
  source?: string;
  subject?: string;
  expected?: string;
  found?: string;
  excerpt?: string;
  /** [start, end) of the offending words inside `excerpt`, for highlighting. */
  highlight?: [number, number];
  /** One-line human explanation. */
  message: string;
  location?: Location;
  /** Set when a spec exception accepted this finding: it is then info and never fails. */
  suppressed?: { reason: string; severity: Severity };
  /** On the one finding that stands for the rest of a capped group: how many were not listed. */
  omitted?: number;
  /** A mechanical correction in the source file (term variants): replace range with this text. */
  fix?: Fix;
}

/** Replace [start, end) of the source file (1-based lines and UTF-16 columns) with `replacement`. */
export interface Fix {
  replacement: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export type CoverageStatus = 'present' | 'drift' | 'negated' | 'missing' | 'unknown';

export interface CoverageEntry {
  status: CoverageStatus;
  score?: number;
  source?: string;
}

export type SourceStatus = 'ok' | 'error';

export interface SourceSummary {
  id: string;
  channel: string;
  kind: string;
  status: SourceStatus;
  language: string;
  /** One-line reason when status is error. */
  error?: string;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings accepted by a spec exception (counted in infos too); they never fail. */
  suppressed?: number;
  sources: number;
  failedSources: number;
  passed: boolean;
}

export interface Report {
  version: 1;
  campaign: string;
  /** Spec path as given relative to the working directory (forward slashes). */
  spec: string;
  summary: Summary;
  sources: SourceSummary[];
  findings: Finding[];
  /** message id -> channel -> entry */
  coverage: Record<string, Record<string, CoverageEntry>>;
  /** Channel names in spec order (for tables); not part of the JSON contract's required keys. */
  channels: string[];
  /** Facts × channels: what each channel states for each fact (additive to the JSON contract). */
  facts?: FactRow[];
  /** The fail-on level the run was judged by (internal: JUnit fails only what fails the run). Default error. */
  failOn?: FailOn;
}
