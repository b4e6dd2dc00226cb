// Where the parts of a message, fact or term are written, kept for warnings and errors
// about them: each near word, each example.
import { pathToString, type Segment, type SpecLocator } from './errors.js';
import type { SpecExample, SpecPosition } from './types.js';

export interface RawExamples {
  match?: string[];
  no_match?: string[];
}

export function nearPositions(at: SpecLocator, fact: number, near: string[]): { nearAt?: SpecPosition[] } {
  const positions = near.map((_, j) => at.position(['facts', fact, 'near', j]));
  return positions.every((p): p is SpecPosition => p !== undefined) && positions.length ? { nearAt: positions } : {};
}

/** `{ examples }` in file order with where each is written, or nothing. */
export function examplesOf(raw: RawExamples | undefined, where: Segment[], at: SpecLocator): { examples?: SpecExample[] } {
  if (!raw) return {};
  const examples: SpecExample[] = (['match', 'no_match'] as const).flatMap((expect) =>
    (raw[expect] ?? []).map((text, j) => {
      const path = [...where, 'examples', expect, j];
      const position = at.position(path);
      return { text, expect, path: pathToString(path), ...(position ? { at: position } : {}) };
    }),
  );
  return examples.length ? { examples } : {};
}
