// Words that introduce a former or reference price: "was $59.99", "regular price",
// "zamiast", EU Omnibus "lowest price in the last 30 days". Such a price is not a statement
// of the current value (SPEC.md §7 "What is copy").
import { primaryLanguage } from '../language.js';

/** Reference-price cues by primary language tag; a language not listed here uses them all. */
export const REFERENCE_CUES: Record<string, string[]> = {
  en: [
    'was', 'were', 'previously', 'regular price', 'regularly', 'reg.', 'rrp', 'msrp', 'list price', 'originally', 'instead of',
    'compare at', 'reduced from', 'lowest price in the last 30 days', 'lowest price in 30 days', 'lowest price of the last 30 days',
    'lowest price in the past 30 days', 'lowest price in the 30 days',
  ],
  pl: ['zamiast', 'wcześniej', 'poprzednio', 'cena regularna', 'cena katalogowa', 'najniższa cena z 30 dni', 'najniższa cena z ostatnich 30 dni', 'przed obniżką'],
  he: ['במקום', 'מחיר קודם', 'מחיר מקורי', 'מחיר רגיל'],
  de: ['statt', 'uvp', 'vorher', 'bisher', 'ursprünglich', 'niedrigster preis der letzten 30 tage'],
};

// Words that may stand between a cue and the price: "was only $49", "originally priced at",
// "najniższa cena z 30 dni przed obniżką: 199 zł". Kept short: any word here widens the cue.
const FILLER = [
  'of', 'at', 'is', 'was', 'just', 'only', 'from', 'priced', 'price', 'retail', 'usually', 'normally', 'it', 'for', 'the', 'before',
  'discount', 'reduction', 'sale', 'cena', 'cenie', 'od', 'wynosiła', 'było', 'była', 'z', 'przed', 'obniżką', 'obniżki', 'to', 'tylko',
  'nur', 'für', 'von', 'war', 'ab', 'preis', 'של', 'היה', 'מחיר',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '\\s+'));
const FILLER_SOURCE = words(FILLER).join('|');
const PUNCT = String.raw`\s*[:\-–(]?\s*`;

function cuePattern(cues: string[]): RegExp {
  return new RegExp(String.raw`(?<![\p{L}])(?:${words(cues).join('|')})(?![\p{L}])(?:${PUNCT}(?:${FILLER_SOURCE})(?![\p{L}]))*${PUNCT}$`, 'iu');
}

const ALL = cuePattern(Object.values(REFERENCE_CUES).flat());
const BY_LANGUAGE = new Map(Object.entries(REFERENCE_CUES).map(([language, cues]) => [language, cuePattern(cues)]));
// A cue is "in the few words before" the price: 80 characters hold five words and more.
const WINDOW = 80;

/** Whether the value at `start` is introduced as a former or reference price. */
export function isReference(text: string, start: number, language: string): boolean {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  return (BY_LANGUAGE.get(primaryLanguage(language)) ?? ALL).test(before);
}
