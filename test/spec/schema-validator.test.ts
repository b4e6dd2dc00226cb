// The build compiles the schema into a standalone validator (scripts/build-validator.mjs) so
// a run never loads Ajv's compiler. It must judge every document exactly as the schema
// compiled at run time does: same verdict, same errors (the spec error messages quote them).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AJV_OPTIONS } from '../../src/spec/schema-options.js';

const generatedFile = fileURLToPath(new URL('../../dist/spec/schema-validator.cjs', import.meta.url));
const schema = JSON.parse(readFileSync(new URL('../../schema/storefront.schema.json', import.meta.url), 'utf8')) as object;
const fixtures = ['example', 'example-he', 'example-pl'].map((name) => readFileSync(new URL(`../../fixtures/${name}/storefront.yaml`, import.meta.url), 'utf8'));

const firstChannel = (s: Record<string, unknown>) => Object.values(s.channels as Record<string, Record<string, unknown>>)[0];

// Each broken in a different way the schema catches: unknown keys, wrong enums, types, patterns, bounds.
const BROKEN: Array<(spec: Record<string, unknown>) => void> = [
  (s) => void (s.exception = []),
  (s) => void (s.version = 2),
  (s) => void (s.campaign = 42),
  (s) => void (firstChannel(s).kind = 'blog'),
  (s) => void (firstChannel(s).sourcs = []),
  (s) => void ((s.messages as Array<Record<string, unknown>>)[0].severity = 'fatal'),
  (s) => void ((s.messages as Array<Record<string, unknown>>)[0].min_similarity = 2),
  (s) => void ((s.facts as Array<Record<string, unknown>>)[0].type = 'colour'),
  (s) => void (s.rules = { fail_on: 'sometimes', cross_channel: 'yes' }),
  (s) => void (s.terms = [{ use: 'X' , avoid: ['y'] }]),
  (s) => void delete s.channels,
];

describe.skipIf(!existsSync(generatedFile))('the validator generated at build time', () => {
  const generated = createRequire(import.meta.url)(generatedFile) as ValidateFunction;
  const runtime = new Ajv(AJV_OPTIONS).compile(schema);

  it('accepts the example specs and gives the same errors as the schema compiled at run time', () => {
    let rejected = 0;
    for (const text of fixtures) {
      expect(generated(parse(text))).toBe(true);
      for (const breakIt of BROKEN) {
        const data = parse(text) as Record<string, unknown>;
        breakIt(data);
        const verdict = runtime(data);
        expect(generated(data)).toBe(verdict);
        expect(generated.errors ?? null).toEqual(runtime.errors ?? null);
        if (!verdict) rejected++;
      }
    }
    expect(rejected).toBe(fixtures.length * BROKEN.length);
  });
});
