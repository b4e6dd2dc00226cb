// Specs that prove themselves: examples run through the same matchers as real copy, and one
// that does not behave is a spec error at its line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateExamples } from '../../src/check-examples.js';
import { parseSpec } from '../../src/spec/load.js';

const HEAD = 'version: 1\ncampaign: X\nchannels:\n  site:\n    kind: web\n    sources: [a.html]\n';

const verdict = (body: string) => {
  try {
    validateExamples(parseSpec(HEAD + body, '/virtual/storefront.yaml', 'storefront.yaml'), 'storefront.yaml');
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};

const GOOD = `messages:
  - id: shipping
    text: Free shipping on orders over $50
    aliases: [Free delivery over $50]
    examples:
      match: ["Free delivery over $50", "We offer free shipping on all orders over $50!"]
      no_match: ["Returns within 30 days"]
facts:
  - id: pro-price
    type: money
    value: 49.99 USD
    near: [Pro]
    examples:
      match: ["RunFast Pro is just $49.99 a month"]
      no_match: ["The Club box is $24"]
terms:
  - use: RunFast
    instead_of: [Run Fast]
    examples:
      match: ["Join Run Fast today"]
      no_match: ["Join RunFast today", "run fast, run far"]
  - require: Unsubscribe
    examples:
      match: ["Unsubscribe here"]
      no_match: ["Manage preferences"]
`;

describe('examples in the spec', () => {
  it('accepts examples that behave: messages, facts and terms', () => {
    expect(verdict(GOOD)).toBe('ok');
  });

  it('refuses a message example that does not say the message, at its line', () => {
    expect(verdict(GOOD.replace('"Free delivery over $50", ', '"Free returns on every order", '))).toMatch(
      /^storefront\.yaml:12:15: messages\[0\]\.examples\.match\[0\]: example "Free returns on every order" does not say message "shipping" \((missing|drift)[^)]*min_similarity 0\.75\)$/,
    );
    expect(verdict(GOOD.replace('no_match: ["Returns within 30 days"]', 'no_match: ["Free shipping on orders over $50"]'))).toBe(
      'storefront.yaml:13:18: messages[0].examples.no_match[0]: example "Free shipping on orders over $50" says message "shipping" (present 1), but is listed under no_match',
    );
  });

  it('refuses a fact example with another value or none, and a no_match the fact claims', () => {
    expect(verdict(GOOD.replace('RunFast Pro is just $49.99 a month', 'RunFast Pro is just $59.99 a month'))).toBe(
      'storefront.yaml:20:15: facts[0].examples.match[0]: example "RunFast Pro is just $59.99 a month" states fact "pro-price" as 59.99 USD, not 49.99 USD',
    );
    expect(verdict(GOOD.replace('RunFast Pro is just $49.99 a month', 'Everything is $49.99 a month'))).toBe(
      'storefront.yaml:20:15: facts[0].examples.match[0]: example "Everything is $49.99 a month" does not state fact "pro-price": no money value is claimed by its near words (Pro)',
    );
    expect(verdict(GOOD.replace('The Club box is $24', 'Pro is $24'))).toBe(
      'storefront.yaml:21:18: facts[0].examples.no_match[0]: example "Pro is $24" is claimed by fact "pro-price" (as 24.00 USD), but is listed under no_match',
    );
  });

  it('refuses term examples flagged or not as the lists say', () => {
    expect(verdict(GOOD.replace('"Join Run Fast today"', '"Join Runfast today"'))).toBe(
      'storefront.yaml:26:15: terms[0].examples.match[0]: example "Join Runfast today" is not flagged by the term "RunFast"',
    );
    expect(verdict(GOOD.replace('"run fast, run far"', '"Run Fast, run far"'))).toBe(
      'storefront.yaml:27:40: terms[0].examples.no_match[1]: example "Run Fast, run far" is flagged by the term "RunFast" (Run Fast), but is listed under no_match',
    );
    expect(verdict(GOOD.replace('match: ["Unsubscribe here"]', 'match: ["Opt out here"]'))).toBe(
      'storefront.yaml:30:15: terms[1].examples.match[0]: example "Opt out here" lacks the required "Unsubscribe"',
    );
  });

  it('refuses an unknown key inside examples, and exits 2 from check', { timeout: 60_000 }, () => {
    expect(verdict(GOOD.replace('no_match: ["Manage preferences"]', 'nomatch: ["Manage preferences"]'))).toMatch(/^storefront\.yaml:31:7: terms\[1\]\.examples: unknown key "nomatch" \(expected one of match, no_match\); did you mean "no_match"\?$/);
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-examples-'));
    writeFileSync(path.join(dir, 'a.html'), '<p>Free shipping on orders over $50</p>');
    writeFileSync(path.join(dir, 'storefront.yaml'), HEAD + GOOD.replace('RunFast Pro is just $49.99 a month', 'RunFast Pro is just $59.99 a month'));
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/storefront.js');
    const result = spawnSync(process.execPath, [bin, 'check'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('storefront.yaml:20:15: facts[0].examples.match[0]: example "RunFast Pro is just $59.99 a month" states fact "pro-price" as 59.99 USD, not 49.99 USD');
  });
});
