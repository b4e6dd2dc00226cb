// The CLI loads each report's formatter when asked for it: its list must be the reports' own.
import { describe, expect, it } from 'vitest';
import { loadFormatter, REPORT_FORMATS } from '../../src/cli/formats.js';
import { formatters } from '../../src/reports/index.js';

describe('the formats the CLI loads on demand', () => {
  it('are the reports module formatters, in its order, function for function', async () => {
    expect(REPORT_FORMATS).toEqual(Object.keys(formatters));
    for (const name of REPORT_FORMATS) expect(await loadFormatter(name)).toBe(formatters[name]);
    await expect(loadFormatter('toString')).rejects.toThrow('unknown format "toString"');
  });
});
