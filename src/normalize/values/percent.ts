// Percentages: "30%", "30 %", "thirty percent", "30 procent", "30 אחוז", "30 אחוזי הנחה",
// "ב30%" (a Hebrew one-letter prefix on the digits), "%30" (Hebrew
// writers sometimes put the sign first), sale badges "-40%" and ranges "20-30%".
import { candidate, INVISIBLE, RANGE_DASH, type Candidate } from './candidate.js';
import { NUMBER_NO_SPACE, NUMBER_WORDS, numberKey, parseNumber, parseNumberWords } from './number.js';

const GAP = `${INVISIBLE}\\s?${INVISIBLE}`;
// "%" may touch a word ("30%OFF" on a banner); a spelled-out unit may not.
const UNIT = String.raw`%|％|(?:percent|per cent|procent\p{L}*|proc\.|prc\.|אחוזים|אחוזי|אחוז)(?![\p{L}])`;
const AMOUNT_END = String.raw`(?!\d|[.,]\d)`;

const SIGN_AFTER = new RegExp(String.raw`(?:(?<![\p{L}\p{N}.,%])|(?<=(?<![\p{L}\p{N}])[ובהלמשכ]))(${NUMBER_NO_SPACE}${AMOUNT_END}|${NUMBER_WORDS})${GAP}(?:${UNIT})`, 'giu');
const SIGN_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}%])[%％]${GAP}(${NUMBER_NO_SPACE})${AMOUNT_END}(?![%\p{L}])`, 'gu');
const RANGE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(${NUMBER_NO_SPACE})${AMOUNT_END}${GAP}[%％]?\s?${RANGE_DASH}\s?$`, 'u');
const LOOK_BACK = 30;

function percentKey(written: string, language: string): string | undefined {
  const amount = /^\d/.test(written) ? parseNumber(written, language) : parseNumberWords(written);
  return amount === undefined ? undefined : numberKey(amount);
}

export function extractPercents(text: string, language: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | undefined) => c && out.push(c);
  for (const m of text.matchAll(SIGN_AFTER)) {
    let start = m.index;
    const from = Math.max(0, start - LOOK_BACK);
    const range = RANGE_BEFORE.exec(text.slice(from, start));
    if (range && (range.index > 0 || from === 0)) {
      const at = from + range.index;
      push(candidate('percent', text, at, at + range[1].length, percentKey(range[1], language)));
    } else if (isBadgeMinus(text, start - 1)) {
      // "-40%" on a sale badge means 40% off: the sign belongs to the badge, not the value.
      start -= 1;
    }
    push(candidate('percent', text, start, m.index + m[0].length, percentKey(m[1], language)));
  }
  for (const m of text.matchAll(SIGN_BEFORE)) {
    push(candidate('percent', text, m.index, m.index + m[0].length, percentKey(m[1], language)));
  }
  return out;
}

function isBadgeMinus(text: string, at: number): boolean {
  if (at < 0 || !/[-\u2010-\u2015\u2212]/.test(text[at])) return false;
  return at === 0 || /[\s(\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text[at - 1]);
}
