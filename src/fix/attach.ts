// A term variant has one right spelling, so its correction is mechanical: the finding carries
// it (replacement and range) for `storefront fix`, reviewdog suggestions and SARIF fixes.
// The range starts where the finding points and spans the variant as found on that line;
// `fix` checks the file's text there before changing anything.
import type { Finding } from '../findings/types.js';

/** Parts read from attributes other than alt: a fix would edit markup, not copy. */
const ATTRIBUTE_PARTS = new Set(['description', 'og', 'offer']);

export function withFixes(findings: Finding[]): Finding[] {
  return findings.map((finding) => {
    const { rule, location, found, expected, source } = finding;
    if (rule !== 'term-variant' || !location?.line || !location.column || !found || expected === undefined) return finding;
    if (!source || /^https?:\/\//i.test(source) || ATTRIBUTE_PARTS.has(location.part) || found.includes('\n')) return finding;
    const start = { line: location.line, column: location.column };
    return { ...finding, fix: { replacement: expected, range: { start, end: { line: start.line, column: start.column + found.length } } } };
  });
}
