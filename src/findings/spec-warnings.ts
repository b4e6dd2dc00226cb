// Spec warnings as findings: info, on the spec file at the warned line, so every report
// shows them next to the findings they would otherwise silently fail to produce.
import type { SpecWarning } from '../spec/warnings.js';
import { DEFAULT_SEVERITY } from './rules.js';
import type { Finding } from './types.js';

/** One `spec-warning` finding per warning; a warning about no one channel sits on the first. */
export function specWarningFindings(warnings: readonly SpecWarning[], channels: readonly string[], specSource: string): Finding[] {
  return warnings
    .filter((w) => w.channel === undefined || channels.includes(w.channel))
    .map((w) => ({
      rule: 'spec-warning' as const,
      severity: DEFAULT_SEVERITY['spec-warning'],
      channel: w.channel ?? channels[0] ?? '',
      source: specSource,
      subject: w.path,
      message: w.message,
      ...(w.at ? { location: { part: 'spec', line: w.at.line, column: w.at.column } } : {}),
    }));
}
