// Month names as written in dates, by month number. Polish has a nominative ("listopad")
// and the genitive used in dates ("30 listopada"); Hebrew takes the prefix ב ("בנובמבר"),
// or ל ("ה-30 לנובמבר"), handled by the date pattern. Polish three-letter abbreviations are
// left out: "lip", "sie", "lis" are words ("30 lip balms"). German, French, Italian and
// Spanish names are here because real campaign copy in the corpus uses them; a name shared
// by two languages means the same month in both.

/**
 * A Hebrew abbreviation ("נוב׳") counts only with its geresh, as written or folded to "'":
 * without it "אפר" is "ash", not April.
 */
function hebrewShort(stem: string): string[] {
  return [`${stem}׳`, `${stem}'`];
}

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'stycznia', 'styczeń', 'styczen', 'ינואר', ...hebrewShort('ינו'), 'januar', 'jänner', 'janvier', 'gennaio', 'enero'],
  ['february', 'feb', 'lutego', 'luty', 'פברואר', ...hebrewShort('פבר'), 'februar', 'février', 'fevrier', 'févr', 'febbraio', 'febrero'],
  ['march', 'mar', 'marca', 'marzec', 'מרץ', 'מרס', 'märz', 'maerz', 'mars', 'marzo'],
  ['april', 'apr', 'kwietnia', 'kwiecień', 'kwiecien', 'אפריל', ...hebrewShort('אפר'), 'avril', 'aprile', 'abril'],
  ['may', 'maja', 'maj', 'מאי', 'mai', 'maggio', 'mayo'],
  ['june', 'jun', 'czerwca', 'czerwiec', 'יוני', 'juni', 'juin', 'giugno', 'junio'],
  ['july', 'jul', 'lipca', 'lipiec', 'יולי', 'juli', 'juillet', 'luglio', 'julio'],
  ['august', 'aug', 'sierpnia', 'sierpień', 'sierpien', 'אוגוסט', ...hebrewShort('אוג'), 'août', 'aout', 'agosto'],
  ['september', 'sep', 'sept', 'września', 'wrzesnia', 'wrzesień', 'wrzesien', 'ספטמבר', ...hebrewShort('ספט'), 'septembre', 'settembre', 'septiembre', 'setiembre'],
  ['october', 'oct', 'października', 'pazdziernika', 'październik', 'pazdziernik', 'אוקטובר', ...hebrewShort('אוק'), 'oktober', 'octobre', 'ottobre', 'octubre'],
  ['november', 'nov', 'listopada', 'listopad', 'נובמבר', ...hebrewShort('נוב'), 'novembre', 'noviembre'],
  ['december', 'dec', 'grudnia', 'grudzień', 'grudzien', 'דצמבר', ...hebrewShort('דצמ'), 'dezember', 'décembre', 'decembre', 'dicembre', 'diciembre'],
];

const MONTH_BY_NAME = new Map(MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));

/** Every month name, longest first so "sept" is not read as "sep" (regex source). */
export const MONTH_NAMES = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

export function monthNumber(name: string): number | undefined {
  return MONTH_BY_NAME.get(name.toLowerCase());
}

/** English weekday names, full or abbreviated, that may open a date ("Thursday, September 13"). */
export const WEEKDAYS = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?`;
