// Placeholder until the extractors land: see extract.ts.
export * from './types.js';
