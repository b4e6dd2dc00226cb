// Function words that carry no message of their own: left out of content keys so that
// "free shipping on all orders" and "free shipping for orders" weigh their content alike.
// Negation cues are deliberately absent: they carry polarity.

const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'a an the and or but of on in at to for from by with as is are was were be been being am it its this that these those our your their my his her we you they i he she them us me all any every each some so than then there here into onto over under up down out about just only also very can will would should could may might must do does did has have had get got'.split(' '),
  ),
  pl: new Set(
    'a i oraz lub albo ale w we z ze na do od po przy dla o u za przez pod nad że iż to ten ta te tym tej tego temu tę ci jest są był była było były być będzie się jak jako czy już tylko też także nasz nasza nasze naszych naszej naszym wasz wasza wasze twoj twój twoja twoje swój swoja swoje wszystkie wszystkich wszystko każdy każda każde każdego który która które których go jej ich mu mi ci nam wam was nas ja ty on ona ono my wy oni one tak więc lecz gdy jeśli jeżeli bo aby żeby tu tam'.split(' '),
  ),
  // Hebrew function words stand alone; those that take a one-letter prefix are listed with it.
  he: new Set(
    'של שלנו שלכם שלך את אתכם אותו אותה אותם על עם אל גם או אבל זה זו זאת אלה אלו הם הן הוא היא אנחנו אתם אתן אני את כל הכל בכל לכל וכל מכל כי אם רק יותר מאוד כבר עוד יש גם כמו אשר ש של'.split(' '),
  ),
};

/** Whether the language has a stop-word list here (others keep every word as content). */
export function hasStopwords(language: string): boolean {
  return language.toLowerCase().split('-')[0] in STOPWORDS;
}

const NONE: ReadonlySet<string> = new Set();

/** The language's stop words (empty when it has no list): look it up once, test each word. */
export function stopwordsOf(language: string): ReadonlySet<string> {
  return STOPWORDS[language.toLowerCase().split('-')[0]] ?? NONE;
}

export function isStopword(token: string, language: string): boolean {
  return stopwordsOf(language).has(token);
}
