// Words that introduce a former or reference price: "was $59.99", "regular price",
// "zamiast", EU Omnibus "lowest price in the last 30 days". Such a price is not a statement
// of the current value (SPEC.md §7 "What is copy").

export const REFERENCE_CUES: Readonly<Record<string, readonly string[]>> = {
  en: ['was', 'were', 'previously', 'regular price', 'regularly', 'reg.', 'rrp', 'msrp', 'list price', 'originally', 'instead of', 'compare at', 'reduced from', 'lowest price in the last 30 days', 'lowest price in 30 days', 'lowest price of the last 30 days'],
  pl: ['zamiast', 'wcześniej', 'cena regularna', 'cena katalogowa', 'najniższa cena z 30 dni', 'najniższa cena z ostatnich 30 dni', 'przed obniżką'],
  he: ['במקום', 'מחיר קודם', 'מחיר מקורי'],
  de: ['statt', 'uvp', 'vorher', 'ursprünglich'],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FILLER = String.raw`(?:\s+(?:of|at|is|just|only|from|a|an|the|price|cena|od|wynosiła|z))*`;

// Every language's cues at once: campaigns quote prices in more than one language.
const CUES = [...new Set(Object.values(REFERENCE_CUES).flat())].sort((a, b) => b.length - a.length).map(escape).join('|');
const PATTERN = new RegExp(String.raw`(?<![\p{L}])(?:${CUES})${FILLER}\s*[:\-]?\s*$`, 'iu');

/** Whether the text just before a value introduces it as a former or reference price. */
export function isReference(before: string): boolean {
  const window = before.slice(-60);
  const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('now'));
  return PATTERN.test(window.slice(cut + 1));
}
