// HTML bytes to text as a browser would pick the charset, binary refused: shared by web pages
// and mail bodies (../web/web.ts, ../email/).
import { SourceError } from '../types.js';

const NOT_HTML_TYPES = /^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.)/i;

/**
 * Text of an HTML file. The charset comes, as in browsers, from a byte-order mark, else the
 * Content-Type header, else <meta charset> / http-equiv in the first bytes, else UTF-8; bytes that
 * are not UTF-8 and declare nothing are read as windows-1252, the web's legacy default.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const mime = contentType?.split(';')[0].trim();
  if (mime && NOT_HTML_TYPES.test(mime)) throw new SourceError(`not HTML: content type ${mime}`);
  const bom = bomCharset(bytes);
  if (!bom && bytes.includes(0)) throw new SourceError('not HTML: looks like binary data');
  const declared = bom ?? charsetParameter(contentType) ?? metaCharset(bytes);
  let text: string | undefined;
  if (declared) text = decode(bytes, declared, false);
  if (text === undefined) text = decode(bytes, 'utf-8', true) ?? decode(bytes, 'windows-1252', false)!;
  if (looksBinary(text)) throw new SourceError('not HTML: looks like binary data');
  return text;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function charsetParameter(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
}

/** The HTML standard's prescan looks at the first 1024 bytes; pages with long heads need more. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([\w:.+-]+)/i.exec(match[0])?.[1];
    // A page cannot declare UTF-16 in a tag it could only be read in if it were ASCII-compatible.
    if (charset) return /^utf-?16/i.test(charset) ? 'utf-8' : charset;
  }
  return undefined;
}

/** Decoded text, or undefined when the label is unknown (or, when fatal, the bytes do not fit it). */
function decode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label.trim().toLowerCase(), { fatal });
  } catch (error) {
    if (error instanceof RangeError) return undefined; // unknown label: fall back to sniffing
    throw error;
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return undefined;
  }
  // Node 20's TextDecoder reads windows-1252 as ISO-8859-1, leaving 0x80-0x9F as C1 controls
  // (€, curly quotes and dashes lost); map them as the encoding standard does.
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

const WINDOWS_1252_C1 = Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');

/** Control characters or replacement characters in more than 2% of the first 64 K characters. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd || (code >= 0x7f && code < 0xa0 && code !== 0x85)) odd++;
  }
  return odd > Math.max(8, sample.length * 0.02);
}
