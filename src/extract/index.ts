// `storefront extract`: one source as the checks see it — parts with roles and places in
// the file, sentences, values and language — so a user can find out why something was or
// was not matched without reading the code.
import { locate, type Part, type Position } from '../documents/types.js';
import { normalizeDocument, type NormalizedDocument, type NormalizedPart } from '../normalize/index.js';
import { rawSpan } from '../normalize/fold.js';
import { adhocRef, type AdhocOptions } from '../sources/adhoc.js';
import { readSource, type ReadOptions } from '../sources/read.js';
import { SourceError } from '../sources/types.js';

export interface ExtractedValue {
  type: string;
  raw: string;
  key: string;
  /** A former or reference price: shown, not stated. */
  reference?: boolean;
  /** Other readings of the same writing (an ambiguous date under bare `en`). */
  alternatives?: string[];
  at?: Position;
}

export interface ExtractedPart {
  role: Part['role'];
  unit?: string;
  label?: Part['label'];
  sent?: string;
  href?: string;
  at?: Position;
  text: string;
  sentences: string[];
  values: ExtractedValue[];
}

export interface Extraction {
  source: string;
  kind: string;
  language: string;
  parts: ExtractedPart[];
}

function extractedPart(p: NormalizedPart): ExtractedPart {
  const { part, folded } = p;
  const anchor = part.anchors[0];
  return {
    role: part.role,
    ...(part.unit !== undefined ? { unit: part.unit } : {}),
    ...(part.label !== undefined ? { label: part.label } : {}),
    ...(part.sent !== undefined ? { sent: part.sent } : {}),
    ...(part.href !== undefined ? { href: part.href } : {}),
    ...(anchor ? { at: { line: anchor.line, column: anchor.column } } : {}),
    text: part.text,
    sentences: p.sentences.map((s) => folded.text.slice(s.start, s.end).trim()).filter(Boolean),
    values: p.values.map((v) => {
      const at = locate(part, rawSpan(folded, v.start, v.end)[0]);
      return {
        type: v.type,
        raw: v.raw,
        key: v.key,
        ...(v.reference ? { reference: true } : {}),
        ...(v.alternatives ? { alternatives: v.alternatives } : {}),
        ...(at ? { at } : {}),
      };
    }),
  };
}

export function describeDocument(normalized: NormalizedDocument): Extraction {
  const { doc } = normalized;
  return { source: doc.source, kind: doc.kind, language: normalized.language, parts: normalized.parts.map(extractedPart) };
}

/** Reads and normalizes one source; a source that cannot be read is a SourceError. */
export async function extractSource(
  source: string,
  options: AdhocOptions & ReadOptions & { year?: number; stdin?: { name: string; bytes: Uint8Array } },
): Promise<Extraction> {
  const found = adhocRef(source, options);
  if (typeof found === 'string') throw new SourceError(found);
  // Standard input is read from memory under its name, never from a file of that name.
  const ref = options.stdin ? { ...found, id: options.stdin.name, name: options.stdin.name, file: undefined, bytes: options.stdin.bytes } : found;
  const doc = await readSource(ref, options);
  if (doc instanceof SourceError) throw doc;
  return describeDocument(normalizeDocument(doc, { year: options.year }));
}
