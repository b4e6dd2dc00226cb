// Types for scripts/spec-reference.mjs, so the test can import it.
export const SCHEMA_FILE: string;
export const DOC_FILE: string;
export const BEGIN: string;
export const END: string;
export interface KeyRow {
  path: string;
  key: string;
  required: boolean;
  type: string;
  default: string;
  description: string;
}
export function keyRows(schema: object): KeyRow[];
export function specReference(schema: object): string;
export function anchor(path: string, key: string): string;
export function updatedDoc(doc: string, schema: object): string;
