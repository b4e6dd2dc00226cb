// How every text format writes one cell of the fact matrix: a mark for the status and the
// value(s) stated, so pretty, markdown and HTML agree on what a reader sees.
import type { FactCell, FactRow, FactStatus } from '../findings/fact-matrix.js';

export const FACT_MARK: Readonly<Record<FactStatus, string>> = {
  agrees: '✓',
  differs: '✗',
  'not-stated': '–',
  'not-required': '',
  unknown: '?',
};

export const FACT_LEGEND = '✓ agrees · ✗ differs · – not stated (required) · blank: not stated, not required · ? unknown (no readable source)';

/** Distinct values of a cell, normalized (49.99 USD, 2026-04-30), as facts compare them. */
export function cellValues(cell: FactCell): string[] {
  return [...new Set(cell.values.map((v) => v.value))];
}

/** "✓ $49.99" / "✗ $59.99" / "–": at most `max` values, then "+N". */
export function factCellText(cell: FactCell, max = 2): string {
  const values = cellValues(cell);
  const shown = values.slice(0, max).join(', ');
  const more = values.length > max ? ` +${values.length - max}` : '';
  return [FACT_MARK[cell.status], shown + more].filter(Boolean).join(' ');
}

/** Channels of the matrix in report order. */
export function factChannels(rows: readonly FactRow[], channels: readonly string[]): string[] {
  const order = [...channels];
  for (const row of rows) for (const ch of Object.keys(row.channels)) if (!order.includes(ch)) order.push(ch);
  return order;
}
