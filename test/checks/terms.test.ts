import { describe, expect, it } from 'vitest';
import { flagsEveryCasing } from '../../src/checks/terms.js';
import { PhraseTrie } from '../../src/checks/term-matcher.js';
import { parseSpec } from '../../src/spec/load.js';
import type { Term } from '../../src/spec/types.js';
import { doc, findings, makeSpec, type SpecInput } from '../helpers.js';

/** The term findings on each text in turn (each its own page, so they read in text order). */
const check = (terms: SpecInput['terms'], ...texts: string[]) =>
  texts.flatMap((text) => findings(makeSpec({ terms }), [doc('site', 'x', [text])]).map((f) => [f.rule, f.subject, f.found]));

describe('terms: a hashtag is the term without its spaces', { timeout: 30_000 }, () => {
  const terms: SpecInput['terms'] = [
    { kind: 'use', use: 'Nimbus Pro', insteadOf: ['NimbusPro', 'Nimbus pro'] },
    { kind: 'use', use: 'RunFast', insteadOf: ['Run Fast', 'Runfast'] },
  ];
  it.each([
    ['Launch day! #NimbusPro #SaaS', []],
    ['Try NimbusPro today', [['term-variant', 'Nimbus Pro', 'NimbusPro']]],
    ['Spring sale #Runfast', [['term-variant', 'RunFast', 'Runfast']]],
    ['Spring sale #RunFast', []],
    ['#nimbuspro is not how it is written, #Nimbuspro neither', []],
  ])('%s', (text, expected) => {
    expect(check(terms, text)).toEqual(expected);
  });
});

describe('terms: one span, one finding', { timeout: 30_000 }, () => {
  it('reports overlapping variants of one span once, the longest', () => {
    const terms: SpecInput['terms'] = [
      { kind: 'use', use: 'macOS', insteadOf: ['Mac OS X', 'Mac OS', 'OS X'] },
      { kind: 'avoid', avoid: ['risk', 'risk-free trial'] },
    ];
    expect(check(terms, 'Runs on Mac OS X and on OS X Lion; Mac OS 9 too.', 'A risk-free trial, no risk.')).toEqual([
      ['term-variant', 'macOS', 'Mac OS X'],
      ['term-variant', 'macOS', 'OS X'],
      ['term-variant', 'macOS', 'Mac OS'],
      ['term-avoid', 'risk-free trial', 'risk-free trial'],
      ['term-avoid', 'risk', 'risk'],
    ]);
  });

  it('never reports a variant inside a longer canonical spelling', () => {
    const terms: SpecInput['terms'] = [{ kind: 'use', use: 'Debian GNU/Linux', insteadOf: ['Debian', 'Debian/GNU Linux'] }];
    expect(check(terms, 'We run Debian GNU/Linux.', 'We run Debian.', 'We run Debian/GNU Linux.')).toEqual([
      ['term-variant', 'Debian GNU/Linux', 'Debian'],
      ['term-variant', 'Debian GNU/Linux', 'Debian/GNU Linux'],
    ]);
  });

  it('gives a span claimed by two terms to the longer, then to the later one', () => {
    const terms: SpecInput['terms'] = [
      { kind: 'use', use: 'MyProduct', insteadOf: ['Myproduct'] },
      { kind: 'use', use: 'MyProduct Enterprise', insteadOf: ['Myproduct enterprise'], case: 'exact' },
      { kind: 'use', use: 'definately', insteadOf: ['DEFINATELY'] },
      { kind: 'use', use: 'Definately', insteadOf: ['DEFINATELY'] },
    ];
    expect(check(terms, 'Use Myproduct enterprise.', 'Use MyProduct enterprise.', 'Use Myproduct.', 'I definately agree.', 'Definately.')).toEqual([
      ['term-variant', 'MyProduct Enterprise', 'Myproduct enterprise'],
      ['term-variant', 'MyProduct Enterprise', 'MyProduct enterprise'],
      ['term-variant', 'MyProduct', 'Myproduct'],
      ['term-variant', 'Definately', 'definately'],
    ]);
  });
});

describe('terms: every other casing (case: exact)', () => {
  it.each<[string, Term | Omit<Term, 'channels'>, boolean]>([
    ['only casings listed', { kind: 'use', use: 'Log4j', insteadOf: ['log4j', 'LOG4J'] }, true],
    ['a spelling listed', { kind: 'use', use: 'RunFast', insteadOf: ['Run Fast', 'Runfast'] }, false],
    ['case: exact', { kind: 'use', use: 'RunFast', insteadOf: ['Run Fast'], case: 'exact' }, true],
    ['case: listed', { kind: 'use', use: 'Log4j', insteadOf: ['log4j'], case: 'listed' }, false],
  ])('%s', (_, term, every) => {
    expect(flagsEveryCasing(term as Extract<Term, { kind: 'use' }>)).toBe(every);
  });

  it('flags casings nobody listed; listed spellings still only as written', () => {
    const terms: SpecInput['terms'] = [{ kind: 'use', use: 'RunFast', insteadOf: ['Run Fast'], case: 'exact' }];
    expect(check(terms, 'RunFast, RUNFAST, Runfast, Run Fast, we run fast and runFast.')).toEqual([
      ['term-variant', 'RunFast', 'RUNFAST'],
      ['term-variant', 'RunFast', 'Runfast'],
      ['term-variant', 'RunFast', 'Run Fast'],
      ['term-variant', 'RunFast', 'runFast'],
    ]);
    const message = findings(makeSpec({ terms }), [doc('site', 'x', ['Try RUNFAST'])])[0].message;
    expect(message).toBe('Write "RunFast", not "RUNFAST" (another casing)');
  });

  it('keeps to the listed spellings otherwise', () => {
    const terms: SpecInput['terms'] = [{ kind: 'use', use: 'RunFast', insteadOf: ['Run Fast'] }];
    expect(check(terms, 'RunFast, RUNFAST, Runfast and RUN FAST.')).toEqual([]);
  });
});

describe('terms: one pass for every term', () => {
  it('stays linear on a long part full of variants and URLs', () => {
    const terms: SpecInput['terms'] = [{ kind: 'use', use: 'RunFast', insteadOf: ['Run Fast'] }];
    const text = 'Run Fast http://a.co/x '.repeat(10_000);
    const found = findings(makeSpec({ terms }), [doc('site', 'x', [text])]);
    expect(found).toHaveLength(10_000);
  }, 60_000);

  it('checks thousands of terms on many parts', () => {
    const terms: SpecInput['terms'] = Array.from({ length: 11_000 }, (_, i) => ({ kind: 'use', use: `Brand${i}`, insteadOf: [`Brand ${i}`] }) as Term);
    const parts = Array.from({ length: 200 }, (_, i) => `Meet Brand ${i * 50}, the Brand${i} of shoes, at https://brand${i}.example.`);
    expect(findings(makeSpec({ terms }), [doc('site', 'x', parts)])).toHaveLength(200);
  }, 60_000);

  it('reads a recurring part once and still reports it on every page, per its channel', () => {
    // The footer recurs (normalize shares its reading, terms its matches), on two channels.
    const terms: SpecInput['terms'] = [{ kind: 'use', use: 'RunFast', insteadOf: ['Run Fast'], channels: ['site'] }];
    const footer = 'Run Fast shoes, from www.run-fast.example/Run';
    const spec = makeSpec({ terms });
    const pages = ['a', 'b', 'c'].map((name) => doc('site', name, [footer, `Page ${name}: Run Fast.`, footer]));
    const found = findings(spec, [...pages, doc('newsletter', 'm', [footer])], 'term-variant');
    // Both footers and the page's own line on every page; nothing in the newsletter.
    expect(found.map((f) => [f.source, f.found])).toEqual(pages.flatMap((p) => Array.from({ length: 3 }, () => [p.source, 'Run Fast'])));
  });

  it('returns every phrase at a span, on word boundaries, across any run of whitespace', () => {
    const trie = new PhraseTrie<string>();
    for (const p of ['os x', 'Mac OS', 'mac os x', 'cure']) trie.add(p, p);
    const spans = trie.scan('MAC  OS X, secure cure').map((m) => [m.start, m.end, ...m.entries]);
    expect(spans).toEqual([
      [0, 7, 'Mac OS'],
      [0, 9, 'mac os x'],
      [5, 9, 'os x'],
      [18, 22, 'cure'],
    ]);
  });
});

describe('terms: the case option in the spec', () => {
  const spec = (term: string) => `version: 1\ncampaign: Spring\nchannels:\n  site:\n    kind: web\n    sources: [site/*.html]\nterms:\n${term}`;

  it('reads case: exact and case: listed onto the term', () => {
    const loaded = parseSpec(spec('  - use: Log4j\n    instead_of: [Log-4j]\n    case: exact\n  - use: RunFast\n    instead_of: [Run Fast]\n    case: listed\n'), '/virtual/storefront.yaml', 'storefront.yaml');
    expect(loaded.terms.map((t) => (t.kind === 'use' ? t.case : undefined))).toEqual(['exact', 'listed']);
  });

  it.each([
    ['  - use: Log4j\n    instead_of: [Log-4j]\n    case: strict\n', 'terms[0].case'],
    ['  - avoid: cheap\n    case: exact\n', 'missing key "use", which "case" needs'],
  ])('refuses %j with one line naming the key', (term, named) => {
    let message = '';
    try {
      parseSpec(spec(term), '/virtual/storefront.yaml', 'storefront.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(named);
    expect(message).not.toContain('\n');
  });
});
