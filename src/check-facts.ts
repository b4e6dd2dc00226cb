// A fact whose value cannot be read as its type would silently never match anything: the
// spec is refused instead, pointing at the value. This needs the value parsers, which the
// spec loader (an earlier stage) does not know, so the check run asks before it starts.
import { factKey } from './normalize/values/index.js';
import { SpecError } from './spec/errors.js';
import type { Spec } from './spec/types.js';

const EXAMPLES: Record<string, string> = {
  money: 'an amount with its currency, such as "49.99 USD" or "€49,90"',
  percent: 'a percentage such as 30 or "30%"',
  number: 'a number such as 1200',
  date: 'a date such as 2026-04-30',
  code: 'a code of letters and digits such as SPRING30',
  url: 'a URL such as https://shop.example/spring',
};

export function validateFactValues(spec: Spec, specName: string): void {
  spec.facts.forEach((fact, i) => {
    if (fact.type === 'text' || factKey(fact.type, fact.value, { language: spec.language }) !== undefined) return;
    throw new SpecError(specName, fact.at?.line, fact.at?.column, `facts[${i}].value`, `expected ${EXAMPLES[fact.type]} for a ${fact.type} fact, got "${fact.value}"`);
  });
}
