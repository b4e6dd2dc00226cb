export * from './types.js';
export { codeCandidates, extractValues, urlKey } from './extract.js';
export { REFERENCE_CUES } from './reference.js';
export { factKey } from './fact-key.js';
