// URLs written in copy: with a scheme, with "www.", or a host on a common top-level domain
// followed by a path ("runfast.example/spring"). The TLD list is what keeps "e.g." or
// "Node.js" from being read as hosts. A host alone ("at Shopname.ca!", an image alt
// "Shopname.ca", og:site_name "Shop.de") is the shop's name written as a domain, not a
// statement of a page to visit: it is no URL statement (a link's target still is one).
import { candidate, type Candidate } from './candidate.js';
import { isAsciiAlnum, isAsciiLetter } from './scan.js';

const TLDS = [
  'com', 'net', 'org', 'info', 'biz', 'io', 'co', 'ai', 'app', 'dev', 'shop', 'store', 'online', 'site', 'tech', 'xyz', 'me', 'tv', 'ly',
  'eu', 'uk', 'us', 'ca', 'au', 'nz', 'ie', 'pl', 'il', 'de', 'at', 'ch', 'fr', 'be', 'nl', 'lu', 'it', 'es', 'pt', 'se', 'dk', 'fi',
  'cz', 'sk', 'hu', 'ro', 'gr', 'ua', 'ru', 'jp', 'cn', 'in', 'br', 'mx', 'example', 'test',
].join('|');

const URL_CHARS = '[^\\s<>"\'()\\[\\]{}|\\\\^`]';
export const URL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@.\-/])(?:https?:\/\/${URL_CHARS}+|www\.${URL_CHARS}+|(?:[a-z0-9](?:[a-z0-9-]{0,62})\.)+(?:${TLDS})(?![\p{L}\p{N}_@-])(?:[/?#]${URL_CHARS}*)?)`,
  'giu',
);
// Sentence punctuation after a URL belongs to the sentence.
const TRAILING = /[.,;:!?'"*]+$/;

/** A URL's canonical form: host lower-cased without "www.", path without trailing slash; no scheme, port, query or fragment. */
export function urlKey(written: string): string | undefined {
  const text = written.trim().replace(TRAILING, '');
  if (!text || /\s/.test(text)) return undefined;
  let withScheme: string;
  if (/^https?:\/\//i.test(text)) withScheme = text;
  else if (text.startsWith('//')) withScheme = `http:${text}`;
  // Any other scheme ("mailto:", "tel:", "javascript:") is not a web address.
  else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) || text.startsWith('/')) return undefined;
  else withScheme = `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (!/^[^.]+(?:\.[^.]+)+$/.test(host) || url.username || url.password) return undefined;
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Malformed escapes: keep the path as the URL parser left it.
  }
  return host + path.replace(/\/+$/, '');
}

/**
 * Whether the text has a place where URL_RE could match: "://", or a full stop with a letter
 * or digit before it and a letter after it (a host's last dot; "www." too). Any character
 * outside ASCII counts as possible, since the pattern ignores case the Unicode way ("ſ" is
 * "s"). Prose has few such stops, so most texts are not searched at all.
 */
export function mayHaveUrl(text: string): boolean {
  if (text.includes('://')) return true;
  for (let i = text.indexOf('.', 1); i !== -1; i = text.indexOf('.', i + 1)) {
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    // A label may end in "-" ("a-.com" is what the pattern allows).
    const hostBefore = isAsciiAlnum(before) || before === 0x2d || before > 127;
    if (hostBefore && (isAsciiLetter(after) || after > 127 || before === 0x57 || before === 0x77)) return true;
  }
  return false;
}

export function extractUrls(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (!mayHaveUrl(text)) return out;
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(TRAILING, '');
    if (!isAddress(raw) || !isPlausibleBareHost(raw)) continue;
    const value = candidate('url', text, m.index, m.index + raw.length, urlKey(raw));
    if (value) out.push(value);
  }
  return out;
}

/**
 * Whether a URL written in `text` runs across offset `at` (a character of it on each side):
 * a sentence never ends there, whatever punctuation its query holds ("…/summer?utm_source=…").
 * Only the run of non-space characters around `at` is searched.
 */
export function urlRunsAcross(text: string, at: number): boolean {
  const isSpace = (i: number) => /\s/.test(text[i]);
  if (at <= 0 || at >= text.length || isSpace(at - 1) || isSpace(at)) return false;
  let from = at - 1;
  while (from > 0 && !isSpace(from - 1)) from--;
  let to = at + 1;
  while (to < text.length && !isSpace(to)) to++;
  const run = text.slice(from, to);
  if (!mayHaveUrl(run)) return false;
  for (const m of run.matchAll(URL_RE)) {
    const start = from + m.index;
    if (start < at && at < start + m[0].replace(TRAILING, '').length) return true;
  }
  return false;
}

/** An address rather than a name: a scheme, "www." or a path after the host. */
function isAddress(raw: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(raw) || /[/?#]/.test(raw);
}

/**
 * A bare host's top-level domain is written in lower case ("RunFast.com") or the whole host
 * in capitals ("RUNFAST.COM"); "today.Shop" is a missing space after a full stop.
 */
function isPlausibleBareHost(raw: string): boolean {
  if (/^(?:https?:\/\/|www\.)/i.test(raw)) return true;
  const host = raw.split(/[/?#]/)[0];
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return tld === tld.toLowerCase() || host === host.toUpperCase();
}
