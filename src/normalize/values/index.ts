// Values stated in copy (money, percent, number, date, code, URL), normalized so that
// different spellings of one value compare equal.
export * from './types.js';
export { extractValues } from './extract.js';
export { factKey } from './fact-key.js';
export { codeCandidates, type CodeCandidate } from './code.js';
export { urlKey } from './url.js';
export { REFERENCE_CUES, isReference } from './reference.js';
export { currencyCode } from './currency.js';
export { isoDate } from './date.js';
export { numberKey, parseNumber } from './number.js';
