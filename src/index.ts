// The library API: everything the CLI does, callable from code and tests.
export { check, checkDocuments, checkSpec, CHECKS, UsageError, type CheckOptions } from './check.js';
export { loadSpec, parseSpec } from './spec/load.js';
export { SpecError } from './spec/errors.js';
export type { Spec } from './spec/types.js';
export type { Document, Part, Role } from './documents/types.js';
export type { Finding, Report, RuleId } from './findings/types.js';
export { readSource } from './sources/read.js';
export { normalizeDocument } from './normalize/index.js';
export { formatReport, formatters } from './reports/index.js';
