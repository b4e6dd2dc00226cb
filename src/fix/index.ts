// `storefront fix`: the mechanical corrections of a check run (term variants to their
// canonical spelling) written into the local files they were found in, each file replaced
// atomically, or shown as a unified diff.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { check, type CheckOptions } from '../check.js';
import type { Finding } from '../findings/types.js';
import { applyCorrections, type Applied, type Correction } from './apply.js';
import { unifiedDiff } from './diff.js';

/** File kinds whose copy is written as-is in the file: HTML, MJML, text, markdown, CSV/JSON/YAML posts. */
const FIXABLE = new Set(['.html', '.htm', '.xhtml', '.mjml', '.txt', '.md', '.csv', '.json', '.yaml', '.yml']);

export interface FileFix {
  /** Source id (relative to the spec's folder). */
  source: string;
  file: string;
  before: string;
  after: string;
  changed: Applied['changed'];
  skipped: Applied['skipped'];
  diff: string;
}

export interface FixResult {
  files: FileFix[];
  /** Fixable findings in sources fix cannot rewrite (URLs, .eml), with why. */
  unfixable: Array<{ finding: Finding; reason: string }>;
}

export async function planFixes(specPath: string, options: CheckOptions = {}): Promise<FixResult> {
  const cwd = options.cwd ?? process.cwd();
  const report = await check(specPath, options);
  const specDir = path.dirname(path.resolve(cwd, specPath));
  // An accepted variant (spec exception or inline disable) is deliberate: it stays.
  const fixable = report.findings.filter((f) => f.fix && !f.suppressed && f.source);
  const bySource = new Map<string, Finding[]>();
  for (const f of fixable) bySource.set(f.source!, [...(bySource.get(f.source!) ?? []), f]);
  const files: FileFix[] = [];
  const unfixable: FixResult['unfixable'] = [];
  for (const [source, findings] of bySource) {
    const ext = path.extname(source).toLowerCase();
    if (!FIXABLE.has(ext)) {
      for (const finding of findings) unfixable.push({ finding, reason: `${ext || 'this'} files are not rewritten (encoded copy)` });
      continue;
    }
    const file = path.resolve(specDir, source);
    let before: string;
    try {
      before = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
    } catch {
      for (const finding of findings) unfixable.push({ finding, reason: 'not a UTF-8 file' });
      continue;
    }
    const corrections: Correction[] = findings.map((f) => ({ found: f.found!, replacement: f.fix!.replacement, line: f.fix!.range.start.line, column: f.fix!.range.start.column }));
    const applied = applyCorrections(before, ext, corrections);
    files.push({ source, file, before, after: applied.text, changed: applied.changed, skipped: applied.skipped, diff: unifiedDiff(source, before, applied.text) });
  }
  return { files, unfixable };
}
