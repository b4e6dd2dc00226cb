// The library API: everything the CLI does, callable from code and tests.
export {
  check,
  checkDocuments,
  checkSpec,
  checkState,
  CHECKS,
  merge,
  reportFromStates,
  StateFileError,
  UsageError,
  type CheckOptions,
  type Shard,
  type SourceEvent,
  type StateFile,
} from './check.js';
export type { CampaignState, SourceState, MessageSighting, FactSighting, Statement } from './campaign/state.js';
export { loadSpec, parseSpec } from './spec/load.js';
export { SpecError } from './spec/errors.js';
export type { Spec } from './spec/types.js';
export type { Document, Part, Role } from './documents/types.js';
export type { Finding, Report, RuleId } from './findings/types.js';
export { readSource } from './sources/read.js';
export { normalizeDocument } from './normalize/index.js';
export { formatReport, formatters } from './reports/index.js';
