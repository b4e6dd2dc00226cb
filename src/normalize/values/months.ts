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

/**
 * Every month name (regex source, no captures), as a tree of shared beginnings:
 * "s(?:ep(?:t(?:ember|embre|iembre)?)?|...)". A pattern meets 132 names at every position of
 * every text it scans; as a tree it tests a position's first letter once, not once per name.
 * It matches what the list of names, longest first, matches, and captures the same: two names
 * that match at one place are one the beginning of the other, and both forms try the longer
 * first ("sept" before "sep").
 */
export const MONTH_NAMES = namesTree([...MONTH_BY_NAME.keys()]);

/** Every month name, as a list (tests compare the tree with it). */
export const MONTH_NAME_LIST: readonly string[] = [...MONTH_BY_NAME.keys()];

interface NameNode {
  ends: boolean;
  next: Map<string, NameNode>;
}

/** The names as one regex source, factored on their shared beginnings, longer matches first. */
export function namesTree(names: readonly string[]): string {
  const root: NameNode = { ends: false, next: new Map() };
  for (const name of names) {
    let node = root;
    for (const ch of name) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { ends: false, next: new Map() }));
      node = child;
    }
    node.ends = true;
  }
  const source = (node: NameNode): string => {
    const branches = [...node.next].map(([ch, child]) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') + source(child));
    if (branches.length === 0) return '';
    // A name that ends here is tried after its longer continuations (a greedy `?`).
    if (node.ends) return `(?:${branches.join('|')})?`;
    return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  };
  return source(root);
}

export function monthNumber(name: string): number | undefined {
  return MONTH_BY_NAME.get(name.toLowerCase());
}

/** English weekday names, full or abbreviated, that may open a date ("Thursday, September 13"). */
export const WEEKDAY_NAMES: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tues', 'tue', 'wed', 'thurs', 'thur', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAYS = String.raw`(?:${WEEKDAY_NAMES.join('|')})\.?`;
