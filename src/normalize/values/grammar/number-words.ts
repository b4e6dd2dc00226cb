// Numbers written in words, per language, as data: the words with an additive value
// ("seven", "thirty", "quinientos"), the multipliers ("hundred", "Millionen"), the words that
// join parts ("and", "und", "y") and mark a decimal part ("point", "coma"). One reader
// (`parseNumberWords`) serves every language; German and Dutch write a number as one word
// ("siebenunddreißig", "vijfenveertig"), so their words are also split into lexicon pieces.

export interface NumberLexicon {
  /** Words with an additive value: units, teens, tens, hundreds ("quinientos" = 500). */
  values: Record<string, number>;
  /** Multipliers: hundred, thousand, million, billion ("mil millones" is read as mil × millones). */
  multipliers: Record<string, number>;
  /** Words that join parts of one number: "and", "und", "y", "et", "en". */
  joiners: string[];
  /** Words before a decimal part: "point", "coma", "virgule", "Komma". */
  decimal: string[];
  /** Numbers are written as one word (de, nl): words are split into lexicon pieces. */
  compound?: boolean;
}

const list = (words: string, from: number, step = 1): Record<string, number> =>
  Object.fromEntries(words.split(' ').map((w, i) => [w, from + i * step]));

const EN: NumberLexicon = {
  values: {
    ...list('zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', 0),
    ...list('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10),
    a: 1, an: 1,
  },
  multipliers: { hundred: 100, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12 },
  joiners: ['and'],
  decimal: ['point'],
};

const DE: NumberLexicon = {
  values: {
    ...list('null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn', 0),
    ...list('zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig', 20, 10),
    ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, dreissig: 30,
  },
  multipliers: { hundert: 100, tausend: 1e3, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9 },
  joiners: ['und'],
  decimal: ['komma'],
  compound: true,
};

const NL: NumberLexicon = {
  values: {
    ...list('nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien', 0),
    ...list('twintig dertig veertig vijftig zestig zeventig tachtig negentig', 20, 10),
    één: 1, eén: 1,
  },
  multipliers: { honderd: 100, duizend: 1e3, miljoen: 1e6, miljard: 1e9 },
  joiners: ['en', 'ën'],
  decimal: ['komma'],
  compound: true,
};

const FR: NumberLexicon = {
  values: {
    ...list('zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize', 0),
    ...list('vingt trente quarante cinquante soixante', 20, 10),
    une: 1, quatrevingt: 80, quatrevingts: 80, septante: 70, huitante: 80, octante: 80, nonante: 90,
  },
  multipliers: { cent: 100, cents: 100, mille: 1e3, mil: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 },
  joiners: ['et'],
  decimal: ['virgule'],
};

const ES: NumberLexicon = {
  values: {
    ...list('cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve', 0),
    ...list('veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa', 20, 10),
    ...list('veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve', 21),
    ...list('veintidos veintitres', 22),
    ...list('cien doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos', 100, 100),
    ...list('doscientas trescientas cuatrocientas quinientas seiscientas setecientas ochocientas novecientas', 200, 100),
    un: 1, una: 1, veintiún: 21, veintiun: 21, dieciseis: 16, veintiseis: 26, ciento: 100,
  },
  multipliers: { mil: 1e3, millón: 1e6, millon: 1e6, millones: 1e6, billón: 1e12, billon: 1e12, billones: 1e12 },
  joiners: ['y'],
  decimal: ['coma', 'con', 'punto'],
};

const PL: NumberLexicon = {
  values: {
    ...list('zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście', 0),
    ...list('dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt', 20, 10),
    ...list('sto dwieście trzysta czterysta pięćset sześćset siedemset osiemset dziewięćset', 100, 100),
    jedna: 1, jedno: 1, dwie: 2,
  },
  multipliers: { tysiąc: 1e3, tysiące: 1e3, tysięcy: 1e3, milion: 1e6, miliony: 1e6, milionów: 1e6 },
  joiners: [],
  decimal: ['przecinek'],
};

const LEXICONS: Record<string, NumberLexicon> = { en: EN, de: DE, nl: NL, fr: FR, es: ES, pl: PL };

/** The number-word lexicon of a primary language tag, or undefined when there is none. */
export function numberLexicon(primary: string): NumberLexicon | undefined {
  return LEXICONS[primary];
}

type Token = { kind: 'value'; value: number } | { kind: 'multiplier'; value: number } | { kind: 'joiner' } | { kind: 'decimal' };

function tokenOf(word: string, lexicon: NumberLexicon): Token | undefined {
  if (word in lexicon.values) return { kind: 'value', value: lexicon.values[word] };
  if (word in lexicon.multipliers) return { kind: 'multiplier', value: lexicon.multipliers[word] };
  if (lexicon.joiners.includes(word)) return { kind: 'joiner' };
  if (lexicon.decimal.includes(word)) return { kind: 'decimal' };
  return undefined;
}

/** "siebenunddreißig" -> sieben, und, dreißig; longest pieces first, backtracking. */
function splitCompound(word: string, lexicon: NumberLexicon, depth = 0): Token[] | undefined {
  if (word === '') return [];
  if (depth > 12) return undefined;
  for (let end = word.length; end > 0; end--) {
    const token = tokenOf(word.slice(0, end), lexicon);
    if (!token || token.kind === 'decimal') continue;
    const rest = splitCompound(word.slice(end), lexicon, depth + 1);
    if (rest) return [token, ...rest];
  }
  return undefined;
}

/** The tokens of written words, or undefined when a word is not a number word. */
export function numberTokens(words: readonly string[], lexicon: NumberLexicon): Token[] | undefined {
  const out: Token[] = [];
  for (const raw of words) {
    const word = raw.toLowerCase();
    const token = tokenOf(word, lexicon);
    if (token) out.push(token);
    else if (lexicon.compound) {
      const pieces = splitCompound(word, lexicon);
      if (!pieces) return undefined;
      out.push(...pieces);
    } else return undefined;
  }
  return out;
}

/**
 * The value of a whole number in tokens; undefined when the words do not form one number
 * ("five twenty", "one two", a phrase that ends on "and"). Within a group of thousands each
 * added part is smaller than the one before, except a unit joined to the tens after it
 * ("sieben und dreißig", "vijf en veertig").
 */
function wholeValue(tokens: Token[]): number | undefined {
  let total = 0;
  let group = 0;
  let last = Infinity;
  let joined = false;
  let any = false;
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'joiner') {
      if (!any || i === tokens.length - 1 || joined) return undefined;
      joined = true;
      continue;
    }
    if (t.kind === 'decimal') return undefined;
    if (t.kind === 'value') {
      const unitBeforeTens = joined && last < 10 && t.value >= 20 && t.value < 100 && t.value % 10 === 0;
      // French counts in twenties above sixty: "soixante-dix" 70, "quatre-vingt-seize" 96.
      const vigesimal = (last === 60 || last === 80) && t.value >= 10 && t.value < 20;
      if (!unitBeforeTens && !vigesimal && (t.value >= last || (t.value < 10 && last < 10) || (last < 100 && t.value >= 10 && t.value < 100 && last >= 10))) {
        return undefined;
      }
      group += t.value;
      last = unitBeforeTens ? t.value % 10 || 1 : t.value;
    } else if (t.value === 100) {
      if (group >= 100) return undefined;
      group = (group || 1) * 100;
      last = 100;
    } else {
      // A larger multiplier takes everything written since the last larger one: "mil
      // millones" is 10^9, "cuatrocientos mil doscientos millones" 400,200 × 10^6.
      const low = total % t.value;
      if (group === 0 && low === 0 && total > 0) return undefined;
      total = total - low + (low + group || 1) * t.value;
      group = 0;
      last = t.value;
    }
    any = true;
    joined = false;
  }
  return any && !joined ? total + group : undefined;
}

/** The value of number words ("siebenunddreißig", "dos coma cinco", "trois cent cinq"). */
export function parseNumberPhrase(words: readonly string[], lexicon: NumberLexicon): number | undefined {
  const tokens = numberTokens(words, lexicon);
  if (!tokens || tokens.length === 0) return undefined;
  const at = tokens.findIndex((t) => t.kind === 'decimal');
  if (at < 0) return wholeValue(tokens);
  const whole = wholeValue(tokens.slice(0, at));
  const rest = tokens.slice(at + 1);
  if (whole === undefined || rest.length === 0) return undefined;
  // "point two five": digit by digit; "coma veintiocho": the decimals read as one number.
  const digits = rest.every((t) => t.kind === 'value' && t.value < 10) && rest.length > 1
    ? rest.map((t) => (t as { value: number }).value).join('')
    : String(wholeValue(rest) ?? '');
  if (!digits) return undefined;
  return Number(`${whole}.${digits}`);
}

// Spanish fractions: "tres quintos" (3/5), "un veintiunavo" (1/21), "tres dosmilésimos" (3/2000).
const ES_DENOMINATORS: Record<string, number> = {
  medio: 2, tercio: 3, cuarto: 4, quinto: 5, sexto: 6, séptimo: 7, septimo: 7, octavo: 8, noveno: 9, décimo: 10, decimo: 10,
  centésimo: 100, centesimo: 100, milésimo: 1e3, milesimo: 1e3, millonésimo: 1e6, millonesimo: 1e6, billonésimo: 1e12, billonesimo: 1e12,
};

/** The denominator a Spanish word names ("quintos" 5, "veintiunavos" 21, "dosmilesimos" 2000). */
function denominatorOf(word: string, lexicon: NumberLexicon): number | undefined {
  if (lexicon !== ES) return undefined;
  const w = word.toLowerCase().replace(/s$/, '');
  if (w in ES_DENOMINATORS) return ES_DENOMINATORS[w];
  const avo = /^(\p{L}+?)a?vo$/u.exec(w);
  if (avo) {
    const n = parseNumberPhrase([avo[1]], lexicon) ?? parseNumberPhrase([`${avo[1]}a`], lexicon);
    if (n !== undefined && n > 10) return n;
  }
  const scaled = /^(\p{L}+?)(mil|millon|billon)[ée]simo$/u.exec(w);
  if (scaled) {
    const n = parseNumberPhrase([scaled[1]], lexicon);
    if (n !== undefined) return n * ES_DENOMINATORS[`${scaled[2]}esimo`];
  }
  return undefined;
}

/**
 * A number with a fraction in words ("tres quintos" 0.6, "ciento treinta con dos quintos"
 * 130.4), or undefined when the last word names no denominator.
 */
export function parseFractionPhrase(words: readonly string[], lexicon: NumberLexicon): number | undefined {
  if (words.length < 2) return undefined;
  const denominator = denominatorOf(words[words.length - 1], lexicon);
  if (!denominator) return undefined;
  const front = words.slice(0, -1).map((w) => w.toLowerCase());
  const joined = front.indexOf('con');
  const whole = joined < 0 ? 0 : parseNumberPhrase(front.slice(0, joined), lexicon);
  const numerator = parseNumberPhrase(joined < 0 ? front : front.slice(joined + 1), lexicon);
  if (whole === undefined || numerator === undefined) return undefined;
  return whole + numerator / denominator;
}
