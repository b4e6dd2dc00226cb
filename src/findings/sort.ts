// One total order for findings so the same inputs give the same report byte for byte.
// Strings compare by code unit, never by locale.
import type { Finding } from './types.js';

const cmp = (a: string | number | undefined, b: string | number | undefined): number => {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
};

export function sortFindings(findings: Finding[], channelOrder: readonly string[]): Finding[] {
  const rank = (channel: string) => {
    const i = channelOrder.indexOf(channel);
    return i < 0 ? channelOrder.length : i;
  };
  return [...findings].sort(
    (a, b) =>
      rank(a.channel) - rank(b.channel) ||
      cmp(a.source, b.source) ||
      cmp(a.location?.line, b.location?.line) ||
      cmp(a.location?.column, b.location?.column) ||
      cmp(a.rule, b.rule) ||
      cmp(a.subject, b.subject) ||
      cmp(a.found, b.found) ||
      cmp(a.excerpt, b.excerpt) ||
      cmp(a.message, b.message),
  );
}
