// `language: auto` on the Polish and Hebrew examples: every source is detected as the
// language its channel declares, the report says so per source, and the findings are the
// ones the declared languages give.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/check.js';
import { loadSpec } from '../../src/spec/load.js';

const specOf = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}/storefront.yaml`, import.meta.url));
const brief = (findings: Array<{ rule: string; channel: string; source?: string; subject?: string }>) => findings.map((f) => `${f.rule} ${f.channel} ${f.source ?? ''} ${f.subject ?? ''}`);

describe.each(['example-pl', 'example-he'])('language auto on %s', (name) => {
  it('detects each source as its declared language and finds the same drifts', async () => {
    const declared = await loadSpec(specOf(name));
    const expected = await checkSpec(declared, { offline: true, today: '2026-04-01' });
    const auto = await checkSpec(
      { ...declared, channels: declared.channels.map((c) => ({ ...c, language: 'auto' })) },
      { offline: true, today: '2026-04-01' },
    );
    const declaredLanguage = Object.fromEntries(declared.channels.map((c) => [c.name, c.language]));
    expect(auto.sources.map((s) => [s.id, s.language])).toEqual(auto.sources.map((s) => [s.id, declaredLanguage[s.channel]]));
    expect(expected.sources.length).toBeGreaterThan(2);
    expect(brief(auto.findings)).toEqual(brief(expected.findings));
    expect(auto.findings.length).toBeGreaterThanOrEqual(6);
  });
});
