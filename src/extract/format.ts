// How `extract` prints: JSON for tools, an indented outline for people.
import { display } from '../reports/highlight.js';
import type { Extraction, ExtractedPart } from './index.js';

export function formatExtractionJson(extraction: Extraction): string {
  return `${JSON.stringify(extraction, null, 2)}\n`;
}

const where = (at: { line: number; column: number } | undefined) => (at ? `${at.line}:${at.column}` : '-');

function partLines(part: ExtractedPart): string[] {
  // Copy is printed through display(): a page's ESC sequences or newlines cannot clear the
  // screen or fake a line of ours.
  const tags = [part.unit !== undefined ? `unit ${display(part.unit)}` : '', part.sent ? `sent ${display(part.sent)}` : '', part.label ?? '', part.href ? `-> ${display(part.href)}` : ''].filter(Boolean);
  const lines = [`${where(part.at).padEnd(8)} ${part.role}${tags.length ? `  (${tags.join(', ')})` : ''}`];
  const sentences = part.sentences.length > 1 ? part.sentences : [part.text];
  for (const sentence of sentences) lines.push(`         │ ${display(sentence)}`);
  for (const value of part.values) {
    lines.push(`         ↳ ${value.type} ${display(value.key)}  "${display(value.raw)}"${value.reference ? '  (reference price: not a statement)' : ''}  at ${where(value.at)}`);
  }
  return lines;
}

export function formatExtractionPretty(extraction: Extraction): string {
  const header = `${display(extraction.source)}  (${extraction.kind}, ${extraction.language}, ${extraction.parts.length} part${extraction.parts.length === 1 ? '' : 's'})`;
  return `${[header, ...extraction.parts.flatMap(partLines)].join('\n')}\n`;
}
