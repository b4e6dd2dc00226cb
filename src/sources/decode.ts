// Bytes to text: BOM, then the Content-Type charset, then <meta charset> / http-equiv,
// else UTF-8. Binary data is refused, not read as copy.
import { SourceError, type SourceInput } from './types.js';

function sniffCharset(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const header = /charset="?([\w-]+)/i.exec(contentType ?? '');
  if (header) return header[1];
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return meta ? meta[1] : 'utf-8';
}

/** Text of a source, or a SourceError when the bytes are not text of the expected kind. */
export function decodeText(input: SourceInput, what: string): string {
  const { bytes } = input;
  const sample = bytes.subarray(0, 8192);
  const charset = sniffCharset(bytes, input.contentType);
  if (!charset.startsWith('utf-16')) {
    let controls = 0;
    for (const b of sample) if (b === 0 || (b < 9 && b !== 0)) controls++;
    if (controls > 0) throw new SourceError(`not ${what}: looks like binary data`);
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  const replaced = (text.slice(0, 8192).match(/\uFFFD/g) ?? []).length;
  if (replaced > 16) throw new SourceError(`not ${what}: bytes are not valid ${charset} text`);
  return text;
}
