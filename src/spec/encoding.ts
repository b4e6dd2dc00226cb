// A spec is UTF-8. One saved as Latin-1 or Windows-1252 would be read with U+FFFD where its
// accented letters were, silently changing what the spec says; one saved as UTF-16 (Windows
// editors) would give an unreadable YAML error. Both are named instead.

export interface EncodingProblem {
  line?: number;
  column?: number;
  reason: string;
}

const SAVE = 'save it as UTF-8';

export function encodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const utf32 = bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0;
    return { reason: `the spec is ${utf32 ? 'UTF-32' : 'UTF-16'} (it starts with a byte order mark): ${SAVE}` };
  }
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { reason: `the spec is UTF-32 (it starts with a byte order mark): ${SAVE}` };
  // UTF-16 without a mark: ASCII text with a NUL beside every letter.
  const head = bytes.subarray(0, 64);
  if (head.length >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
    const half = head.length / 2;
    if (evenNul >= half * 0.75 || oddNul >= half * 0.75) return { reason: `the spec is UTF-16 (${evenNul > oddNul ? 'big' : 'little'}-endian, no byte order mark): ${SAVE}` };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
  const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
  const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
  return { line, column, reason: `the spec is not UTF-8 (byte 0x${byte} here; Latin-1 or Windows-1252?): ${SAVE}` };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}
