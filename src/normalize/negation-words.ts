// The words negation and clause structure are read from, one table per language: data,
// not code. negation.ts decides which words negate in a sentence; clauses.ts where a
// clause ends and which clauses only state a condition. Words are lower-cased and folded
// (’ already ', ״ already ").

export interface NegationWords {
  /** Words that negate on their own. */
  cues: readonly string[];
  /**
   * Concord items: negate only alone; next to a core negator they repeat it ("nie ma
   * żadnych opłat", "מעולם לא" are one negation, not two that cancel).
   */
  concord: readonly string[];
  /**
   * Words after a cue (as prefixes of the next word) that make it an idiom, not a negation:
   * "not only", "no problem", "don't miss", "nie tylko", "אין כמו", "nicht nur".
   */
  idiomNext: readonly string[];
  /** Two words after a cue that make an idiom: "nie ma jak" ("nothing like"). */
  idiomPair: ReadonlyArray<readonly [string, string]>;
  /** Words that open a new clause: a cue before them does not reach past them. */
  clauseOpeners: readonly string[];
  /** Words that open a condition: a cue in that clause states no claim ("if you're not ready"). */
  conditions: readonly string[];
  /**
   * Words that deny what follows them in a contrast without being a negation of the
   * sentence: "in minutes instead of weeks" says what "in minutes, not weeks" says.
   */
  contrast: readonly string[];
  /**
   * Words a cue denies the whole clause through: "Decoration is not included" denies the
   * decoration, though "not" stands after it.
   */
  availability: readonly string[];
}

const inflect = (stem: string, endings: readonly string[]) => endings.map((ending) => stem + ending);
const ZADN = [...inflect('żadn', ['y', 'a', 'e', 'ego', 'ej', 'emu', 'ą', 'ym', 'ych', 'ymi']), 'żaden', ...inflect('zadn', ['a', 'e', 'ego', 'ej', 'emu', 'ym', 'ych', 'ymi']), 'zaden'];

export const NEGATION_WORDS: Record<'en' | 'pl' | 'he' | 'de', NegationWords> = {
  en: {
    cues: [
      'not', 'no', 'never', 'without', 'none', 'nothing', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'nope',
      // Contractions typed without the apostrophe, common in posts.
      'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'hasnt', 'havent', 'hadnt', 'wouldnt', 'shouldnt', 'couldnt', 'aint',
    ],
    concord: [],
    idiomNext: ['only', 'just', 'merely', 'doubt', 'wonder', 'matter', 'question', 'miss', 'wait', 'hesitate', 'forget', 'problem', 'worries'],
    idiomPair: [],
    clauseOpeners: ['but', 'and', 'or', 'so', 'yet', 'because', 'while', 'whereas', 'although', 'though', 'if', 'unless', 'when', 'whether', 'instead'],
    conditions: ['if', 'unless', 'whether', 'when'],
    contrast: ['instead', 'rather'],
    availability: ['available', 'included', 'includes', 'include', 'valid', 'eligible', 'apply', 'applies', 'offered', 'possible', 'allowed', 'needed', 'required'],
  },
  pl: {
    cues: ['nie', 'bez', 'beze', 'brak', 'braku', 'nigdy', 'ani', 'nic', 'niczego', 'nikt', 'nikogo', 'nigdzie', ...ZADN],
    concord: ['nigdy', 'ani', 'nic', 'niczego', 'nikt', 'nikogo', 'nigdzie', ...ZADN],
    idiomNext: ['tylko', 'jedynie', 'przegap', 'czekaj', 'zwlekaj', 'zapomnij', 'zapomnijcie', 'wahaj', 'problem'],
    idiomPair: [['ma', 'jak'], ['ma', 'to'], ['ma', 'problemu']],
    clauseOpeners: ['ale', 'lecz', 'a', 'i', 'oraz', 'lub', 'albo', 'bo', 'więc', 'jeśli', 'jeżeli', 'gdy', 'kiedy', 'gdyby', 'czy', 'chociaż', 'choć', 'natomiast'],
    conditions: ['jeśli', 'jeżeli', 'gdyby', 'czy', 'jesli', 'jezeli'],
    contrast: ['zamiast'],
    availability: ['dostępna', 'dostępny', 'dostępne', 'obowiązuje', 'ważna', 'ważny', 'wliczona', 'wliczony', 'wliczone', 'zawiera', 'możliwa', 'możliwy', 'wymagana', 'wymagany'],
  },
  he: {
    cues: ['לא', 'אין', 'ללא', 'בלי', 'בלא', 'אינו', 'אינה', 'אינם', 'אינן', 'איננו', 'איננה', 'אינני', 'אינך', 'אינכם', 'אינכן', 'מעולם'],
    concord: ['מעולם'],
    idiomNext: ['רק', 'סתם', 'כמו', 'ספק', 'תפספס', 'לפספס', 'תחכ', 'לחכות', 'תשכח', 'לשכוח', 'תהסס', 'בעיה'],
    idiomPair: [],
    clauseOpeners: ['אבל', 'אך', 'או', 'כי', 'אם', 'כאשר', 'למרות', 'אלא'],
    conditions: ['אם', 'במידה'],
    contrast: ['במקום'],
    availability: ['זמין', 'זמינה', 'זמינים', 'בתוקף', 'כלול', 'כלולה', 'כלולים', 'נדרש', 'נדרשת', 'אפשרי'],
  },
  de: {
    cues: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'ohne', 'nichts', 'niemand', 'weder', 'nirgends'],
    concord: [],
    idiomNext: ['nur', 'verpassen', 'problem', 'zögern', 'warten', 'vergessen', 'frage', 'zweifel', 'wunder'],
    idiomPair: [],
    clauseOpeners: ['aber', 'und', 'oder', 'sondern', 'denn', 'weil', 'wenn', 'falls', 'ob', 'doch', 'jedoch', 'obwohl', 'während'],
    conditions: ['wenn', 'falls', 'ob', 'sofern'],
    contrast: ['statt', 'anstatt'],
    availability: ['verfügbar', 'erhältlich', 'inklusive', 'enthalten', 'inbegriffen', 'gültig', 'möglich', 'nötig', 'notwendig', 'erforderlich'],
  },
};
