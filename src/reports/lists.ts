// Array helpers for report formats, which handle hundreds of thousands of findings: a spread
// into a call's arguments (`push(...lines)`, `Math.max(...widths)`) puts every element on the
// stack and fails with "Maximum call stack size exceeded" past about 100,000. These loop.

/** The largest of `values`, or `floor` when there are none (or all are smaller). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** Appends every item to `target` (in place), returning it. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
