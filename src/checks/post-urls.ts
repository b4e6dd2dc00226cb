// The URLs a post's platform turns into links, found the way X's published twitter-text
// extractor (v3) finds them, since X and Mastodon count each such URL as 23 characters:
// an optional http(s) scheme, a domain ending in a real top-level domain, an optional port,
// path and query, with the same character classes and the same rules for where a URL may
// start and end. A URL without a scheme needs an ASCII (or accented Latin) domain and is not
// taken after "-", "_", "." or "/". The top-level domains come from the maintained `tlds`
// list (IANA's root zone) rather than twitter-text's 2021 copy.
import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';

export interface FoundUrl {
  url: string;
  /** [start, end) in UTF-16 units of the text. */
  indices: [number, number];
}

const LATIN_ACCENTS = '\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const DIRECTIONAL_MARKS = '\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066\\u2067\\u2068\\u2069';
const SPACES = '\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
// Everything but punctuation, spaces, invalid characters and directional marks may be in a domain.
const DOMAIN_CHAR = `[^!'#%&'()*+,\\\\\\-./:;<=>?@[\\]^_{|}~$${SPACES}${INVALID}${DIRECTIONAL_MARKS}]`;
const PRECEDING = `(?:[^A-Za-z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL_MARKS}]|^)`;
const PATH_CHAR = `[a-z\\u0400-\\u04FF0-9!*';:=+,.$/%#[\\]\\-\\u2013_~@|&${LATIN_ACCENTS}]`;
const BALANCED_PARENS = `\\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*))\\)`;
const PATH_END = `[+\\-a-z\\u0400-\\u04FF0-9=_#/${LATIN_ACCENTS}]|(?:${BALANCED_PARENS})`;
const PATH = `(?:(?:${PATH_CHAR}*(?:${BALANCED_PARENS}${PATH_CHAR}*)*${PATH_END})|(?:@${PATH_CHAR}+/))`;
const QUERY = `\\?[a-z0-9!?*'@();:&=+$/%#[\\]\\-_.,~|]*[a-z0-9\\-_&=#/]`;
const TCO = /^https?:\/\/t\.co\/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]*[a-z0-9\-_&=#/])?/i;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_LABEL_LENGTH = 63;

interface Patterns {
  url: RegExp;
  asciiDomain: RegExp;
}
let patterns: Patterns | undefined;

// Built on first use: ~1,450 top-level domains make a large pattern that most runs never need.
function compile(): Patterns {
  const list = createRequire(import.meta.url)('tlds') as string[];
  const escaped = [...list].sort((a, b) => b.length - a.length || (a < b ? 1 : -1)).map((tld) => tld.replace(/[-]/g, '\\-'));
  const tld = `(?:(?:${escaped.join('|')})(?=[^0-9a-zA-Z@+-]|$)|xn--[\\-0-9a-z]+)`;
  const subdomain = `(?:(?:${DOMAIN_CHAR}(?:[_-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
  const domainName = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
  const domain = `(?:${subdomain}*${domainName}${tld})`;
  return {
    // 1 preceding character, 2 URL, 3 scheme, 4 domain, 5 path. No `u` flag: like the
    // original, character classes work on UTF-16 units.
    url: new RegExp(`(${PRECEDING})((https?:\\/\\/)?(${domain})(?::[0-9]+)?(\\/${PATH}*)?(?:${QUERY})?)`, 'gi'),
    asciiDomain: new RegExp(`(?:(?:[\\-a-z0-9${LATIN_ACCENTS}]+)\\.)+${tld}`, 'gi'),
  };
}

/**
 * Each DNS label of the domain, as punycode, has 1 to 63 characters; the URL at most 4096; a
 * domain written in punycode holds an ASCII domain (twitter-text's idna.toAscii).
 */
function isValidUrl(url: string, scheme: string, domain: string, asciiDomain: RegExp): boolean {
  if (domain.startsWith('xn--') && !domain.match(asciiDomain)) return false;
  for (const label of domain.split('.')) {
    const ascii = /^[\x00-\x7f]*$/.test(label) ? label : domainToASCII(label) || label;
    if (ascii.length < 1 || ascii.length > MAX_LABEL_LENGTH) return false;
  }
  return scheme.length + url.length <= MAX_URL_LENGTH;
}

export function findUrls(text: string, options: { withoutScheme: boolean }): FoundUrl[] {
  if (!text || (options.withoutScheme ? !text.includes('.') : !text.includes(':'))) return [];
  const { url: pattern, asciiDomain } = (patterns ??= compile());
  const found: FoundUrl[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [, before, url, scheme, domain, path] = match;
    const end = pattern.lastIndex;
    const start = end - url.length;
    if (!isValidUrl(url, scheme ?? 'https://', domain, asciiDomain)) continue;
    if (scheme) {
      const tco = TCO.exec(url);
      if (tco) {
        if (tco[1] && tco[1].length > MAX_TCO_SLUG_LENGTH) continue;
        found.push({ url: tco[0], indices: [start, start + tco[0].length] });
      } else found.push({ url, indices: [start, end] });
      continue;
    }
    if (!options.withoutScheme || /[-_./]$/.test(before)) continue;
    // Without a scheme only the ASCII domains inside count; the last one takes the path.
    let last: FoundUrl | undefined;
    let searchFrom = 0;
    for (const ascii of domain.matchAll(asciiDomain)) {
      const at = domain.indexOf(ascii[0], searchFrom);
      searchFrom = at + ascii[0].length;
      last = { url: ascii[0], indices: [start + at, start + searchFrom] };
      found.push(last);
    }
    if (last && path) {
      last.url = url.replace(domain, last.url);
      last.indices[1] = end;
    }
  }
  return found;
}
