// The labelled extraction table (extraction-table.json): money, percent, date, number,
// near misses that must give nothing, and sentence polarity, in English, Polish and Hebrew.
// Every value case is read twice, as written and after folding (the pipeline gives the
// extractor folded text; the spec side and other callers give it raw text), and both must
// give the expected [type, key] list in order. Per-language accuracy is printed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/normalize/fold.js';
import { sentencePolarity } from '../../src/normalize/negation.js';
import { extractValues, type Value } from '../../src/normalize/values/index.js';

type Expected = [Value['type'], string] | [Value['type'], string, 'reference'];
interface ValueCase {
  lang: string;
  text: string;
  kind: 'money' | 'percent' | 'date' | 'number' | 'none';
  expect: Expected[];
  year?: number;
  source?: string;
}
interface NegationCase {
  lang: string;
  text: string;
  kind: 'negation';
  polarity: 'negated' | 'affirmative';
  source?: string;
}
type Case = ValueCase | NegationCase;

const table: Case[] = JSON.parse(readFileSync(new URL('./extraction-table.json', import.meta.url), 'utf8'));
const DEFAULT_YEAR = 2026;

function read(text: string, c: ValueCase): Expected[] {
  return extractValues(text, { language: c.lang, year: c.year ?? DEFAULT_YEAR }).map((v): Expected =>
    v.reference ? [v.type, v.key, 'reference'] : [v.type, v.key],
  );
}

/** What the case gives, in the shape of its expectation (for the accuracy count). */
function outcome(c: Case): { pass: boolean; got: unknown } {
  if (c.kind === 'negation') {
    const got = sentencePolarity(c.text, c.lang);
    return { pass: got === c.polarity, got };
  }
  const raw = read(c.text, c);
  const folded = read(foldText(c.text).text, c);
  const want = JSON.stringify(c.expect);
  return { pass: JSON.stringify(raw) === want && JSON.stringify(folded) === want, got: { raw, folded } };
}

const primary = (lang: string) => lang.split('-')[0];

describe('labelled extraction table', () => {
  it('has at least 150 cases, 25 per language, every kind in every language', () => {
    expect(table.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['en', 'pl', 'he']) {
      const cases = table.filter((c) => primary(c.lang) === lang);
      expect(cases.length, lang).toBeGreaterThanOrEqual(25);
      for (const kind of ['money', 'percent', 'date', 'number', 'none', 'negation']) {
        expect(cases.some((c) => c.kind === kind), `${lang} ${kind}`).toBe(true);
      }
    }
    const seen = new Set(table.map((c) => `${c.lang}\u0000${c.text}`));
    expect(seen.size, 'duplicate cases').toBe(table.length);
  });

  for (const c of table) {
    const label = `${c.lang} ${c.kind}: ${c.text}`;
    if (c.kind === 'negation') {
      it(label, () => expect(sentencePolarity(c.text, c.lang)).toBe(c.polarity));
    } else {
      it(label, () => {
        expect(read(c.text, c), 'as written').toEqual(c.expect);
        expect(read(foldText(c.text).text, c), 'folded').toEqual(c.expect);
        // A value case of a kind states at least one value of that kind; a near miss none.
        if (c.kind === 'none') expect(c.expect).toEqual([]);
        else expect(c.expect.some(([type]) => type === c.kind)).toBe(true);
      });
    }
  }

  it('reports per-language accuracy', () => {
    const rows: string[] = [];
    let failed = 0;
    for (const lang of ['en', 'pl', 'he']) {
      const cases = table.filter((c) => primary(c.lang) === lang);
      const results = cases.map(outcome);
      const passed = results.filter((r) => r.pass).length;
      failed += cases.length - passed;
      const byKind = ['money', 'percent', 'date', 'number', 'none', 'negation']
        .map((kind) => {
          const of = cases.map((c, i) => [c, results[i]] as const).filter(([c]) => c.kind === kind);
          return `${kind} ${of.filter(([, r]) => r.pass).length}/${of.length}`;
        })
        .join(', ');
      rows.push(`${lang}: ${passed}/${cases.length} (${((100 * passed) / cases.length).toFixed(1)}%) — ${byKind}`);
    }
    console.log(`extraction table accuracy\n${rows.join('\n')}`);
    expect(failed).toBe(0);
  });

  // Cost, not a timed assertion: the machines are shared. The table's sentences of each
  // language, cycled to 1,000, read by the extractor and by the polarity reader.
  it('logs the cost per 1,000 sentences of each language', () => {
    const rows: string[] = [];
    for (const lang of ['en', 'pl', 'he']) {
      const sentences = table.filter((c) => primary(c.lang) === lang).map((c) => c.text);
      const thousand = Array.from({ length: 1000 }, (_, i) => sentences[i % sentences.length]);
      const measure = (work: (text: string) => unknown) => {
        for (const text of thousand) work(text);
        const runs: number[] = [];
        for (let r = 0; r < 5; r++) {
          const started = performance.now();
          for (const text of thousand) work(text);
          runs.push(performance.now() - started);
        }
        return runs.sort((a, b) => a - b)[2];
      };
      const values = measure((text) => extractValues(text, { language: lang, year: DEFAULT_YEAR }));
      const polarity = measure((text) => sentencePolarity(text, lang));
      expect(values).toBeGreaterThan(0);
      rows.push(`${lang}: values ${values.toFixed(1)} ms, polarity ${polarity.toFixed(1)} ms per 1,000 sentences`);
    }
    console.log(`extraction cost (median of 5)\n${rows.join('\n')}`);
  });
});
