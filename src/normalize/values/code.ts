// Promo codes. Two levels of confidence:
// - codeCandidates: anything shaped like a code (SPEC.md §7: letters and digits, 4–20
//   characters) that the facts check compares against a code fact with edit distance 2;
//   it must include lower-case and letter-only codes, since "spring30" and "SALEONSALE"
//   are real codes.
// - codeValues: what extractValues reports as a `code` value on its own — only tokens that
//   look like nothing else than a code: upper case, letters and digits mixed, 5+ characters
//   ("SPRING30", "YULAN03", "ZWEP6227F"), not a number with a unit ("128GB", "1080P").
//   Product model names in capitals ("RTX4090") are indistinguishable and do come out.
import { candidate, type Candidate } from './candidate.js';
import { digitRunStarts, isAsciiAlnum, isAsciiDigit, isAsciiUpper, matchesAt } from './scan.js';

export interface CodeCandidate {
  start: number;
  end: number;
  raw: string;
}

// Not inside e-mail addresses, URLs, hashtags, handles, identifiers or hyphenated words.
const TOKEN_SOURCE = String.raw`(?<![\p{L}\p{N}_#@/.\\-])[A-Za-z0-9]{4,20}(?![\p{L}\p{N}_@]|[./\\-][\p{L}\p{N}])`;
export const CODE_TOKEN = new RegExp(TOKEN_SOURCE, 'gu');
// A token cannot end inside a run of ASCII letters and digits, so one holding a digit starts
// where the run around that digit starts: extractCodes tries only there.
const TOKEN_AT = new RegExp(TOKEN_SOURCE, 'uy');
const ALNUM = /[A-Za-z0-9]/;
const UNIT_SUFFIX = /^\d+(?:K|P|D|X|GB|MB|TB|KB|ML|L|KG|G|MM|CM|M|KM|MP|HZ|KHZ|MHZ|GHZ|MAH|W|KW|KWH|V|FPS|PX|PT|HP|OZ|LB|LBS|IN|FT|MIN|H|S|MS|AM|PM|ST|ND|RD|TH)$/;

/**
 * Promo-code-shaped tokens: 4–20 ASCII letters and digits with at least one letter, and
 * either at least one digit ("SPRING30", "spring30"; but not "iPhone15": a lower-case start
 * followed by capitals is a product name) or all capitals ("SALEONSALE", also "FREE").
 */
export function codeCandidates(text: string): CodeCandidate[] {
  return codesOf(matchesAt(text, TOKEN_AT, codeShapedRunStarts(text)));
}

/**
 * Where a code-shaped token may start. A token is a whole run of ASCII letters and digits (the
 * pattern's lookarounds exclude a letter or digit on either side), and one that can be a code
 * holds a digit or is in capitals: so only runs that hold a digit or start with a capital are
 * tried, not every word of the copy.
 */
function codeShapedRunStarts(text: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digit = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isAsciiAlnum(c)) break;
      digit ||= isAsciiDigit(c);
    }
    if (digit || isAsciiUpper(text.charCodeAt(start))) starts.push(start);
  }
  return starts;
}

function codesOf(tokens: Iterable<RegExpExecArray>): CodeCandidate[] {
  const out: CodeCandidate[] = [];
  for (const m of tokens) {
    const raw = m[0];
    if (!/[A-Za-z]/.test(raw)) continue;
    const upper = raw.toUpperCase();
    if (/\d/.test(raw)) {
      if (/^[a-z]/.test(raw) && /[A-Z]/.test(raw)) continue;
    } else if (raw !== upper) {
      continue;
    }
    out.push({ start: m.index, end: m.index + raw.length, raw });
  }
  return out;
}

/** Where a token holding a digit may start: the start of the run of ASCII letters and digits around each run of digits. */
function runStartsAroundDigits(text: string, digits: readonly number[]): number[] {
  // Each character is walked over at most twice: a run is left behind once its end is known.
  const starts: number[] = [];
  let runEnd = 0;
  for (const d of digits) {
    if (d < runEnd) continue;
    let at = d;
    while (at > runEnd && ALNUM.test(text[at - 1])) at--;
    starts.push(at);
    runEnd = d + 1;
    while (runEnd < text.length && ALNUM.test(text[runEnd])) runEnd++;
  }
  return starts;
}

export function extractCodes(text: string, digits = digitRunStarts(text)): Candidate[] {
  const out: Candidate[] = [];
  // A code value holds a digit: only tokens around digits are read.
  for (const c of codesOf(matchesAt(text, TOKEN_AT, runStartsAroundDigits(text, digits)))) {
    const { raw } = c;
    if (raw.length < 5 || raw !== raw.toUpperCase() || !/\d/.test(raw) || UNIT_SUFFIX.test(raw)) continue;
    const value = candidate('code', text, c.start, c.end, raw);
    if (value) out.push(value);
  }
  return out;
}
