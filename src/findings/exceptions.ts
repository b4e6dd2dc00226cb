// Accepted exceptions: a known drift the campaign owner has signed off is still reported
// (as info, marked suppressed), so reviewers see it, but it never fails a run. Exceptions
// rot silently unless they are checked too: one that expired or matched nothing is reported.
import type { InlineDisable } from '../documents/types.js';
import type { Exception } from '../spec/types.js';
import type { Finding } from './types.js';

export interface ExceptionContext {
  /** Today as YYYY-MM-DD: an exception applies up to and including its expires day. */
  today: string;
  /** Channels this run checked: exceptions for the others are neither used nor unused. */
  channels: readonly string[];
  /** Where the spec is, for pointing at the exception: its file name relative to its folder. */
  specSource: string;
  /** Inline storefront-disable comments of the sources read, applied like exceptions. */
  inline?: ReadonlyArray<{ source: string; channel: string; disables: readonly InlineDisable[] }>;
}

function covers(disable: InlineDisable, finding: Finding): boolean {
  const line = finding.location?.line;
  return line !== undefined && line >= disable.from && line <= disable.to && (!disable.rules.length || disable.rules.includes(finding.rule));
}

const INLINE_REASON = 'accepted by an inline storefront-disable comment';

function matches(exception: Exception, finding: Finding): boolean {
  return (
    exception.rule === finding.rule &&
    exception.channel === finding.channel &&
    (exception.subject === undefined || exception.subject === finding.subject) &&
    (exception.source === undefined || exception.source === finding.source)
  );
}

function describe(exception: Exception): string {
  return `${exception.rule} in ${exception.channel}${exception.subject !== undefined ? ` for "${exception.subject}"` : ''}${exception.source !== undefined ? ` (${exception.source})` : ''}`;
}

/** Marks accepted findings and adds one finding per expired or unused exception. */
export function applyExceptions(findings: Finding[], exceptions: readonly Exception[], context: ExceptionContext): Finding[] {
  const used = new Set<Exception>();
  const live = exceptions.filter((e) => e.expires === undefined || e.expires >= context.today);
  const inlineUsed = new Set<InlineDisable>();
  const out = findings.map((finding) => {
    if (finding.suppressed) return finding;
    const inline = context.inline?.find((d) => d.source === finding.source)?.disables.find((d) => covers(d, finding));
    if (inline) {
      inlineUsed.add(inline);
      return { ...finding, severity: 'info' as const, suppressed: { reason: inline.reason ?? INLINE_REASON, severity: finding.severity } };
    }
    const exception = live.find((e) => matches(e, finding));
    if (!exception) return finding;
    used.add(exception);
    return { ...finding, severity: 'info' as const, suppressed: { reason: exception.reason, severity: finding.severity } };
  });
  for (const exception of exceptions) {
    if (used.has(exception) || !context.channels.includes(exception.channel)) continue;
    const expired = !live.includes(exception);
    out.push({
      rule: expired ? 'exception-expired' : 'exception-unused',
      severity: 'warning',
      channel: exception.channel,
      source: context.specSource,
      subject: exception.subject ?? exception.rule,
      ...(expired ? { expected: `until ${exception.expires}`, found: context.today } : {}),
      message: expired
        ? `The exception for ${describe(exception)} expired on ${exception.expires}: renew it with a new date or fix the copy`
        : `The exception for ${describe(exception)} matched no finding: remove it, or correct its rule, subject or source`,
      ...(exception.at ? { location: { part: 'exceptions', line: exception.at.line, column: exception.at.column } } : {}),
    });
  }
  for (const { source, channel, disables } of context.inline ?? []) {
    if (!context.channels.includes(channel)) continue;
    for (const disable of disables) {
      if (inlineUsed.has(disable)) continue;
      const what = disable.rules.length ? disable.rules.join(', ') : 'every rule';
      out.push({
        rule: 'exception-unused',
        severity: 'warning',
        channel,
        source,
        subject: disable.rules.join(', ') || 'storefront-disable',
        message: `The inline storefront-disable for ${what} (lines ${disable.from}–${disable.to === Number.MAX_SAFE_INTEGER ? 'end' : disable.to}) matched no finding: remove it, or correct its rules`,
        location: { part: 'comment', line: disable.at.line, column: disable.at.column },
      });
    }
  }
  return out;
}
