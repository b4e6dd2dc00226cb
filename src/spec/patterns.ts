// Limits on the globs a spec writes (file patterns, a sitemap's include/exclude). picomatch
// turns `*` into a regular expression that backtracks: a dozen `*` in one segment against a
// long name runs for minutes, synchronously. No real pattern needs more than a few per segment.
import type { Spec } from './types.js';
import type { SpecLocator, Segment } from './errors.js';

export const MAX_WILDCARDS_PER_SEGMENT = 4;
export const MAX_WILDCARDS = 16;
export const MAX_PATTERN_LENGTH = 1024;

/** Why a glob is refused, or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `a pattern is at most ${MAX_PATTERN_LENGTH} characters long (this one has ${pattern.length})`;
  let total = 0;
  for (const segment of pattern.split('/')) {
    if (segment === '**') continue; // any depth of folders: no backtracking within a name
    // A run of stars is one wildcard; each ? is one; extglobs (+(…), @(…)) count as one more.
    const count = (segment.match(/\*+|\?|[+@!]\(/g) ?? []).length;
    if (count > MAX_WILDCARDS_PER_SEGMENT) return `too many wildcards in "${segment.slice(0, 60)}": at most ${MAX_WILDCARDS_PER_SEGMENT} * or ? between two slashes`;
    total += count;
  }
  if (total > MAX_WILDCARDS) return `too many wildcards: at most ${MAX_WILDCARDS} * or ? in one pattern`;
  return undefined;
}

/** Refuses, at its line, the first pattern of the spec that is over the limits. */
export function checkPatterns(spec: Spec, raw: unknown, at: SpecLocator): void {
  for (const channel of spec.channels) {
    channel.sources.forEach((source, i) => {
      const where: Segment[] = ['channels', channel.name, 'sources', i];
      const written = (raw as { channels?: Record<string, { sources?: unknown[] }> }).channels?.[channel.name]?.sources?.[i];
      const objectForm = typeof written === 'object' && written !== null;
      const patterns: Array<[string, Segment[]]> =
        source.type === 'glob'
          ? [[source.pattern, objectForm ? [...where, 'file'] : where]]
          : source.type === 'sitemap'
            ? [...source.include.map((p, j): [string, Segment[]] => [p, [...where, 'include', j]]), ...source.excludeUrls.map((p, j): [string, Segment[]] => [p, [...where, 'exclude', j]])]
            : [];
      for (const [pattern, path] of patterns) {
        const problem = patternProblem(pattern);
        if (problem) throw at.error(path, problem);
      }
    });
  }
}
