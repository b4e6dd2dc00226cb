// Money: an amount with a currency sign, code or name before or after it, and ranges
// whose second (or first) end leaves the currency out: "$236–279", "10–20 zł".
import { candidate, INVISIBLE, NOT_AFTER_WORD, RANGE_DASH, SPACES, type Candidate } from './candidate.js';
import { CURRENCY_AFTER, CURRENCY_BEFORE, CURRENCY_CODE, currencyCode } from './currency.js';
import { NUMBER, parseNumber } from './number.js';

// Hebrew copy often carries bidi marks between an amount and its sign.
const GAP = `${INVISIBLE}[${SPACES}]?${INVISIBLE}`;
// "$5k", "$2M", "$1 million", "2 mln zł", "5 tys. zł".
const MULTIPLIER = String.raw`[kK](?![\p{L}\p{N}])|M(?![\p{L}\p{N}])|bn(?![\p{L}])|\s(?:[mM]illion|[bB]illion|MILLION|BILLION|mln|mld|tys\.)(?![\p{L}])`;
// The amount must be read whole: never stop inside "49.999" or before a decimal part.
// German and Polish write whole amounts as "99,-" or "99,--".
const AMOUNT_END = String.raw`(?!\d|[.,]\d)(?:,(?:--?|\u2013))?`;

const BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${CURRENCY_BEFORE})${GAP}(${NUMBER})${AMOUNT_END}(${MULTIPLIER})?(?:${GAP}(${CURRENCY_CODE}))?`,
  'gu',
);
const AFTER = new RegExp(String.raw`${NOT_AFTER_WORD}(${NUMBER})${AMOUNT_END}(${MULTIPLIER})?${GAP}(${CURRENCY_AFTER})(?![\p{L}\p{N}])`, 'gu');
// The other end of a range, written without its currency.
// Group 1 is the amount as written, 2 its number, 3 its multiplier.
const RANGE_AFTER = new RegExp(String.raw`^${GAP}${RANGE_DASH}${GAP}((${NUMBER})${AMOUNT_END}(${MULTIPLIER})?)(?![\p{L}\p{N}%$€£¥₪])`, 'u');
const RANGE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.,])((${NUMBER})${AMOUNT_END}(${MULTIPLIER})?)${GAP}${RANGE_DASH}${GAP}$`, 'u');
const LOOK_BACK = 40;

function factor(multiplier: string | undefined): number {
  const m = multiplier?.trim().toLowerCase();
  if (!m) return 1;
  if (m === 'k' || m === 'tys.') return 1e3;
  if (m === 'm' || m === 'million' || m === 'mln') return 1e6;
  return 1e9;
}

function moneyKey(written: string, multiplier: string | undefined, currency: string | undefined, language: string): string | undefined {
  const amount = parseNumber(written, language, { money: true });
  if (amount === undefined || !currency) return undefined;
  const total = amount * factor(multiplier);
  if (!Number.isFinite(total) || total >= 1e15) return undefined;
  return `${total.toFixed(2)} ${currency}`;
}

export function extractMoney(text: string, language: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | undefined) => c && out.push(c);

  // In a range a multiplier written once counts for both ends: "$2-3 million", "5–10 mln zł".
  for (const m of text.matchAll(BEFORE)) {
    // A trailing code names the currency when both are written: "$10 CAD".
    const trailing = m[4] ? currencyCode(m[4]) : undefined;
    const currency = trailing ?? currencyCode(m[1]);
    const cut = m.index + m[0].length;
    const rest = trailing ? null : RANGE_AFTER.exec(text.slice(cut, cut + LOOK_BACK));
    push(candidate('money', text, m.index, cut, moneyKey(m[2], m[3] ?? rest?.[3], currency, language)));
    if (rest) {
      const end = cut + rest[0].length;
      push(candidate('money', text, end - rest[1].length, end, moneyKey(rest[2], rest[3], currency, language)));
    }
  }
  for (const m of text.matchAll(AFTER)) {
    const currency = currencyCode(m[3]);
    push(candidate('money', text, m.index, m.index + m[0].length, moneyKey(m[1], m[2], currency, language)));
    const from = Math.max(0, m.index - LOOK_BACK);
    const before = RANGE_BEFORE.exec(text.slice(from, m.index));
    // A match at the window's edge may have lost its leading digits.
    if (before && (before.index > 0 || from === 0)) {
      const at = from + before.index;
      push(candidate('money', text, at, at + before[1].length, moneyKey(before[2], before[3] ?? m[2], currency, language)));
    }
  }
  return out;
}
