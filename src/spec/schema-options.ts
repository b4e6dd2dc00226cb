// How the spec's schema is compiled, at build time (scripts/build-validator.mjs) and, from
// the TypeScript sources, at run time: one set of options, so both give the same errors.
export const AJV_OPTIONS = {
  // verbose: errors carry the offending value and its schema, which the messages quote.
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  // Compiled once: optimising the generated code costs more than it saves.
  code: { optimize: false },
} as const;
