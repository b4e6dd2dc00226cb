// Case-insensitive patterns without the `i` flag. V8 compiles a large pattern with the `iu`
// flags several times slower than the same pattern with `u` alone (every letter and every
// \p{L} is closed under Unicode case folding while compiling): the date patterns, with every
// month name of seven languages, took ~30 ms each on their first use. `ignoringCase` writes
// the folding into the source instead, so `new RegExp(ignoringCase(s), 'u')` matches exactly
// what `new RegExp(s, 'iu')` does (test/normalize/values-ignore-case.test.ts checks the
// folds against V8's own).

/**
 * Characters that simple case folding (what `iu` compares) joins to a letter besides its
 * upper and lower case: "ſ" is an "s", the Kelvin sign a "k", the Ångström sign an "å",
 * capital "ẞ" a "ß".
 */
const EXTRA_FOLDS: Record<string, string> = { s: '\u017F', k: '\u212A', 'å': '\u212B', 'ß': '\u1E9E' };
/** Not a letter, but folds to one (ι): `[\p{L}]` with `iu` matches it. */
const FOLDS_TO_LETTER = '\\u0345';

const single = (s: string) => (s.length === 1 ? [s] : []);
/** Whether a character has another case (Hebrew letters, digits and signs have none). */
const cased = (c: string | undefined) => c !== undefined && caseFolds(c).length > 1;

const foldsOf = new Map<string, string[]>();

/** Every character that matches `ch` under `iu`, `ch` first. */
export function caseFolds(ch: string): string[] {
  let folds = foldsOf.get(ch);
  if (!folds) foldsOf.set(ch, (folds = computeFolds(ch)));
  return folds;
}

function computeFolds(ch: string): string[] {
  const lower = ch.toLowerCase();
  const all = new Set([ch, ...single(lower), ...single(ch.toUpperCase()), ...single(lower.toUpperCase())]);
  for (const c of [...all]) if (EXTRA_FOLDS[c.toLowerCase()]) all.add(EXTRA_FOLDS[c.toLowerCase()]);
  return [...all];
}

const SYNTAX = new Set([...'\\^$.|?*+()[]{}-/']);
const literal = (c: string) => (SYNTAX.has(c) ? `\\${c}` : c);

/**
 * `source` (written for the flags `iu`) rewritten for `u` alone with the same matches: a
 * letter becomes the class of its case folds, a class takes its letters' folds, \p{L} takes
 * the one non-letter that folds to a letter. Throws on what it cannot rewrite exactly (\w, \b,
 * named groups, letter ranges, other properties); backreferences must refer to groups without
 * letters (a separator such as ([-/])).
 */
export function ignoringCase(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'p' || next === 'P') {
        const end = source.indexOf('}', i);
        const property = source.slice(i, end + 1);
        if (property === '\\p{L}') out += inClass ? `${property}${FOLDS_TO_LETTER}` : `[${property}${FOLDS_TO_LETTER}]`;
        else if (property === '\\p{N}') out += property;
        else throw new Error(`ignoringCase: ${property} is not supported`);
        i = end;
        continue;
      }
      if (/[wWbBk]/.test(next)) throw new Error(`ignoringCase: \\${next} is not supported`);
      if (next === 'u') {
        const hex = /^u([0-9A-Fa-f]{4})/.exec(source.slice(i + 1));
        if (!hex || caseFolds(String.fromCharCode(parseInt(hex[1], 16))).length > 1) throw new Error(`ignoringCase: \\${source.slice(i + 1, i + 6)} is not supported`);
        out += `\\${hex[0]}`;
        i += hex[0].length;
        continue;
      }
      // \d \s \n \. \- \/ and backreferences: nothing to fold.
      out += c + next;
      i++;
      continue;
    }
    if (c >= '\uD800' && c <= '\uDFFF') throw new Error('ignoringCase: characters outside the BMP are not supported');
    if (inClass) {
      if (c === ']') inClass = false;
      // A range between two letters would need every fold of every letter in it.
      else if (c === '-' && cased(source[i - 1]) && source[i - 2] !== '\\' && source[i + 1] !== ']') throw new Error('ignoringCase: letter ranges are not supported');
      else if (c === '-' && cased(source[i + 1]) && source[i - 1] !== '[') throw new Error('ignoringCase: letter ranges are not supported');
      if (cased(c)) {
        out += caseFolds(c).map(literal).join('');
        continue;
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      continue;
    }
    if (c === '(' && source.startsWith('(?<', i) && !'=!'.includes(source[i + 3])) throw new Error('ignoringCase: named groups are not supported');
    out += cased(c) ? `[${caseFolds(c).map(literal).join('')}]` : c;
  }
  return out;
}
