// Rewrites term variants in one file's text, touching nothing else: each change is verified
// against the file at the finding's place, and never made inside markup (except alt and
// title values), URLs, code, scripts, comments or template placeholders ({{…}}, {%…%},
// <?php … ?>). Every other byte is kept as it was.
import { LineIndex } from '../documents/types.js';

export interface Correction {
  /** The variant as the finding found it. */
  found: string;
  replacement: string;
  line: number;
  column: number;
}

export interface Applied {
  text: string;
  /** Offsets [start, end) in the old text that were replaced, in file order. */
  changed: Array<{ line: number; found: string; replacement: string }>;
  skipped: Array<{ line: number; column: number; found: string; reason: string }>;
}

type Span = [number, number];

const EVERYWHERE: RegExp[] = [/https?:\/\/[^\s"'<>)\]]+/g, /\bwww\.[^\s"'<>)\]]+/g, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /\{\{[\s\S]*?\}\}/g, /\{%[\s\S]*?%\}/g, /<\?(?:php|=)[\s\S]*?(?:\?>|$)/g, /\$\{[^}\n]*\}/g];
const MARKUP_BLOCKS = /<(script|style|code|pre|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const TAG = /<[^>]*>/g;
const ALT_TITLE = /\s(?:alt|title)\s*=\s*("[^"]*"|'[^']*')/gi;
const MD_CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]+`/g;

function spans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** Where a fix may never write, for a file of this extension. */
export function protectedSpans(text: string, ext: string): Span[] {
  const out = EVERYWHERE.flatMap((p) => spans(text, p));
  if (['.html', '.htm', '.xhtml', '.mjml'].includes(ext)) {
    out.push(...spans(text, MARKUP_BLOCKS));
    for (const tag of text.matchAll(TAG)) {
      // A tag is markup, except the text of its alt and title attributes, which readers see.
      let from = tag.index;
      for (const attr of tag[0].matchAll(ALT_TITLE)) {
        const valueStart = tag.index + attr.index + attr[0].length - attr[1].length + 1;
        out.push([from, valueStart]);
        from = valueStart + attr[1].length - 2;
      }
      out.push([from, tag.index + tag[0].length]);
    }
  }
  if (ext === '.md') out.push(...spans(text, MD_CODE));
  return out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);

/** The replacement as it must be written in a file of this kind, or undefined if it cannot be. */
function encoded(replacement: string, ext: string): string | undefined {
  if (ext === '.json') return JSON.stringify(replacement).slice(1, -1);
  if (ext === '.csv') return /[",\r\n]/.test(replacement) ? undefined : replacement;
  if (['.html', '.htm', '.xhtml', '.mjml'].includes(ext)) return replacement.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return replacement;
}

export function applyCorrections(text: string, ext: string, corrections: readonly Correction[]): Applied {
  const lines = new LineIndex(text);
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const guarded = protectedSpans(text, ext);
  const isGuarded = (start: number, end: number) => guarded.some(([a, b]) => start < b && end > a);
  const planned = new Map<number, { end: number; replacement: string; found: string; line: number }>();
  const skipped: Applied['skipped'] = [];
  for (const c of corrections) {
    const lineStart = lineStarts[c.line - 1];
    const replacement = encoded(c.replacement, ext);
    const skip = (reason: string) => skipped.push({ line: c.line, column: c.column, found: c.found, reason });
    if (lineStart === undefined) {
      skip('the file has no such line');
      continue;
    }
    if (replacement === undefined) {
      skip('the canonical spelling cannot be written in this file kind without changing its structure');
      continue;
    }
    const lineEnd = lineStarts[c.line] ?? text.length;
    const wanted = lineStart + c.column - 1;
    // Where the finding points, or else the occurrence on its line closest to it (an escape
    // or entity earlier on the line can shift columns).
    const candidates: number[] = [];
    for (let at = text.indexOf(c.found, lineStart); at >= 0 && at < lineEnd; at = text.indexOf(c.found, at + 1)) candidates.push(at);
    candidates.sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted));
    const at = candidates.find((start) => {
      const end = start + c.found.length;
      return !isWordChar(text[start - 1]) && !isWordChar(text[end]) && !isGuarded(start, end);
    });
    if (at === undefined) {
      skip(candidates.length ? 'only inside markup, a URL, code or a template placeholder' : 'not found as written at that line');
      continue;
    }
    planned.set(at, { end: at + c.found.length, replacement, found: c.found, line: lines.position(at).line });
  }
  let out = text;
  for (const [start, p] of [...planned.entries()].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + p.replacement + out.slice(p.end);
  const changed = [...planned.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => ({ line: p.line, found: p.found, replacement: p.replacement }));
  return { text: out, changed, skipped };
}
