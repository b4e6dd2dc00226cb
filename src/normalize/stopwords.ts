// Function words that carry no message of their own: left out of content keys so that
// "free shipping on all orders" and "free shipping for orders" weigh their content alike.
// Negation cues are deliberately absent: they carry polarity.

const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'a an the and or but of on in at to for from by with as is are was were be been being am it its this that these those our your their my his her we you they i he she them us me all any every each some so than then there here into onto over under up down out about just only also very can will would should could may might must do does did has have had get got'.split(' '),
  ),
  pl: new Set(
    'a i oraz lub albo ale w we z ze na do od po przy dla o u za przez pod nad że to ten ta te tym tej jest są był była było być się jak jako czy już tylko też także nasz nasza nasze wasz twoj twój wszystkie wszystkich każdy każda każde'.split(' '),
  ),
  he: new Set('של את על עם אל גם או אבל זה זו זאת הם הן הוא היא אנחנו אתם כל כי אם רק יותר מאוד'.split(' ')),
};

export function isStopword(token: string, language: string): boolean {
  return STOPWORDS[language.toLowerCase().split('-')[0]]?.has(token) ?? false;
}
