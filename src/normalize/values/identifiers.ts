// Digits that are not quantities: phone numbers, model and article numbers, years. They
// are proposed as hidden candidates ranked above plain numbers and codes, so their digits
// are never reported as a `number` (a phone number is not a count, "RunFast 3000" is a
// name, "Spring Sale 2026" is a year that no fact compares). Money, percentages, dates
// and URLs still win over them.
//
// Cues are read by hand from the word right before each run of digits: a pattern that
// tried every cue word at every position would double the extractor's cost.
import { candidate, SPACES, type Candidate } from './candidate.js';
import { monthNumber } from './months.js';
import { digitRunStarts, matchesAt } from './scan.js';

const RANK = 2.5;

// International form: "+48 600 100 200", "+972-3-123-4567", "+1 (555) 123-4567".
const INTERNATIONAL = new RegExp(String.raw`(?<![\p{L}\p{N}])\+\d{1,3}(?:[${SPACES}.\-]?\(?\d{1,4}\)?){2,6}`, 'gu');
// Grouped like a phone number whatever the cue: "22 123 45 67" (a group that is not three
// digits long is not a thousands group). "600 100 200" stays a grouped number.
// Sticky: it starts a run of digits (scan.ts).
const PHONE_GROUPS = new RegExp(String.raw`(?=\d)(?<![\p{L}\p{N}.,])\d{2,4}(?:[${SPACES}]\d{2,4}){2,4}(?![\p{L}\p{N}%])`, 'uy');
const GROUP_SEPARATOR = new RegExp(`[${SPACES}]`);
// Israeli star numbers for businesses: "*2345".
const STAR_NUMBER = /(?<![\p{L}\p{N}*])\*\d{3,5}(?![\p{N}])/gu;

const PHONE_REST = new RegExp(String.raw`^[\d${SPACES}().\-]*\d`, 'u');

// Cue words, lower case; a cue of two words is written with one space.
const PHONE_CUES = new Set([
  'tel', 'phone', 'call', 'call us', 'ph', 'mobile', 'fax', 'hotline', 'whatsapp', 'sms', 'text us',
  'telefon', 'telefonu', 'telefonem', 'zadzwoń', 'zadzwon', 'infolinia', 'infolinii', 'kom', 'nr tel',
  'טל', "טל'", 'טלפון', 'בטלפון', 'חייגו', 'חייג', 'התקשרו', 'נייד', 'פקס', 'ווטסאפ', 'בוואטסאפ',
]);
const ARTICLE_CUES = new Set([
  'sku', 'item', 'item no', 'art', 'art nr', 'ref', 'model', 'modelu', 'model no', 'part no', 'nr kat', 'kod produktu',
  'numer katalogowy', 'indeks', 'מק"ט', 'מקט', 'דגם', 'קוד מוצר',
]);
// Words that make a following 19xx/20xx a year whatever comes after it (and month names).
const YEAR_STRONG = new Set([
  'since', 'year', 'season', 'collection', 'edition', 'class of', 'copyright', 'established', 'founded', 'est',
  'rok', 'roku', 'sezon', 'sezonu', 'kolekcja', 'kolekcji', 'edycja', 'edycji', 'założony', 'założona', 'od roku',
  'בשנת', 'שנת', 'משנת', 'מאז', 'קולקציית', 'קולקציה', 'מהדורת', 'עונת',
  // Campaign names: "Spring Sale 2026", "Black Friday 2026", "Wyprzedaż 2026", "מבצעי קיץ 2026".
  'sale', 'sales', 'spring', 'summer', 'autumn', 'fall', 'winter', 'friday', 'monday', 'christmas', 'xmas', 'week',
  'wyprzedaż', 'wyprzedaży', 'promocja', 'kampania', 'wiosna', 'lato', 'jesień', 'zima', 'święta',
  'מבצע', 'מבצעי', 'קיץ', 'חורף', 'אביב', 'סתיו', 'חגים',
]);
// Words after which it is a year only when no word follows: "in 2026." is a year, "in 2000
// stores" a count; likewise after a capitalised title word: "Spring Sale 2026".
const YEAR_WEAK = new Set(['in', 'of', 'from', 'until', 'till', 'through', 'by', 'w', 'we', 'od', 'do', 'z', 'עד', 'ב', 'מ', 'ה']);
const QUANTITY = new Set(['over', 'up to', 'only', 'just', 'ponad', 'aż', 'tylko', 'ok', 'około', 'רק', 'מעל', 'more than']);
const YEAR_SUFFIX = /^\s*(?:r\.|roku)(?![\p{L}])/u;
const NO_WORD_AFTER = /^\s*(?:$|[.,;:!?)\]"'\u2013\u2014-](?!\d))/u;
const WORD_CHAR = /[\p{L}\p{M}"'\u05F3\u05F4]/u;
const CAMEL = /^\p{L}*\p{Ll}\p{Lu}\p{L}*$/u;

interface WordBefore {
  /** Lower-cased word, without a closing full stop ("art." -> "art"). */
  word: string;
  /** The two words before, joined by one space. */
  pair: string;
  /** Characters between the word and the digits. */
  gap: string;
  /** The word as written. */
  written: string;
}

/** Where the word ending at `end` starts (at most 24 characters back). */
function wordStart(text: string, end: number): number {
  let j = end;
  while (j > 0 && end - j < 24 && WORD_CHAR.test(text[j - 1])) j--;
  return j;
}

/** The word (and the pair of words) right before `at`, read backwards by hand. */
function wordBefore(text: string, at: number): WordBefore {
  let i = at;
  while (i > 0 && at - i < 6 && !WORD_CHAR.test(text[i - 1]) && !/\p{N}/u.test(text[i - 1])) i--;
  const gap = text.slice(i, at);
  const j = wordStart(text, i);
  const written = text.slice(j, i);
  let k = j;
  while (k > 0 && j - k < 3 && /[\s.]/.test(text[k - 1])) k--;
  const previous = k < j ? text.slice(wordStart(text, k), k) : '';
  const word = written.toLowerCase();
  return { word, written, gap, pair: previous ? `${previous.toLowerCase()} ${word}` : word };
}

const has = (set: ReadonlySet<string>, w: WordBefore) => set.has(w.word) || set.has(w.pair);

const TOKEN_CHAR = /[\p{L}\p{N}\-/]/u;

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) n++;
  return n;
}

export function extractIdentifiers(text: string, digits = digitRunStarts(text)): Candidate[] {
  const out: Candidate[] = [];
  const hide = (start: number, end: number) => {
    const c = candidate('number', text, start, end, '');
    if (c) out.push({ ...c, hidden: true, rank: RANK });
  };
  // Every form here holds digits; a text without any has none of them.
  if (digits.length === 0) return out;
  if (text.includes('+')) for (const m of text.matchAll(INTERNATIONAL)) if (digitCount(m[0]) >= 8) hide(m.index, m.index + m[0].length);
  for (const m of matchesAt(text, PHONE_GROUPS, digits)) {
    const groups = m[0].split(GROUP_SEPARATOR);
    if (digitCount(m[0]) >= 7 && groups.slice(1).some((g) => g.length !== 3)) hide(m.index, m.index + m[0].length);
  }
  if (text.includes('*')) for (const m of text.matchAll(STAR_NUMBER)) hide(m.index, m.index + m[0].length);

  let skipTo = 0;
  for (const start of digits) {
    if (start < skipTo) continue;
    let end = start + 1;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const run = text.slice(start, end);
    const cue = wordBefore(text, start);
    if (cue.word && has(PHONE_CUES, cue) && /^['.]?[:.]?\s*[+(]?$/u.test(cue.gap)) {
      const rest = PHONE_REST.exec(text.slice(start, start + 24));
      const phoneEnd = start + (rest?.[0].length ?? 0);
      if (digitCount(text.slice(start, phoneEnd)) >= 7) {
        hide(start, phoneEnd);
        skipTo = phoneEnd;
        continue;
      }
    }
    // The article number is the whole token around the digits: "RF-3000-BLK".
    let from = start;
    while (from > 0 && TOKEN_CHAR.test(text[from - 1])) from--;
    let to = end;
    while (to < text.length && (TOKEN_CHAR.test(text[to]) || (text[to] === '.' && /\p{N}/u.test(text[to + 1] ?? '')))) to++;
    // Each token is read once, from its first run of digits: linear on "1-1-1-…".
    skipTo = to;
    const label = from === start ? cue : wordBefore(text, from);
    if (label.word && has(ARTICLE_CUES, label) && /^\.?[:#]?\s*$/u.test(label.gap)) {
      hide(from, to);
      continue;
    }
    if (from !== start || to !== end || text[end] === '%') continue;
    if (run.length <= 5 && cue.gap === ' ' && CAMEL.test(cue.written) && !/^[.,]\d/.test(text.slice(end, end + 2))) {
      hide(start, end);
      continue;
    }
    if (/^(?:19|20)\d\d$/.test(run) && !/[.,/:]$/.test(cue.gap)) {
      const after = text.slice(end, end + 8);
      const strong = has(YEAR_STRONG, cue) || monthNumber(cue.word) !== undefined || cue.gap.includes('©') || YEAR_SUFFIX.test(after);
      const weak = (has(YEAR_WEAK, cue) || /^\p{Lu}\p{Ll}+$/u.test(cue.written)) && !has(QUANTITY, cue) && NO_WORD_AFTER.test(after);
      if (strong || weak) hide(start, end);
    }
  }
  return out;
}
