// The multilingual path end to end: the Polish and Hebrew example campaigns through the
// library's check(), then translations, inflection, diacritics, negation and RTL excerpts
// on hand-made documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { matchMessageInDocument } from '../../src/checks/messages.js';
import type { Report } from '../../src/findings/types.js';
import { normalizeDocument } from '../../src/normalize/index.js';
import { readSource } from '../../src/sources/read.js';
import { doc, makeSpec, part, run } from '../helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rows = (report: Report) => report.findings.map((f) => [f.rule, f.channel, f.source ?? '', f.subject ?? '', f.found ?? '']);

describe('the Polish example campaign (fixtures/example-pl)', async () => {
  const report = await check('fixtures/example-pl/storefront.yaml', { cwd: root });

  it('finds exactly the deliberate drifts', () => {
    expect(rows(report)).toEqual([
      ['fact-mismatch', 'newsletter', 'email/przypomnienie.eml', 'koniec', '2026-05-31'],
      ['message-negated', 'newsletter', 'email/przypomnienie.eml', 'dostawa', 'dostawa nie jest darmowa przy zamówieniach powyżej 200 zł'],
      ['fact-mismatch', 'newsletter', 'email/start.eml', 'cena-pro', '59.99 PLN'],
      ['message-drift', 'facebook', 'social/facebook.txt', 'haslo', 'Wiosenne promocje już są 🌸 Buty biegowe'],
      ['message-drift', 'facebook', 'social/facebook.txt', 'dostawa', 'Darmowa dostawa przy zamowieniach powyzej 200 zl'],
      ['term-variant', 'facebook', 'social/facebook.txt', 'Leśny Bieg', 'Lesny Bieg'],
    ]);
    expect(report.summary).toMatchObject({ errors: 3, warnings: 3, sources: 4, failedSources: 0, passed: false });
  });

  it('accepts the inflected paraphrases and says why the typed-without-diacritics copy drifts', () => {
    // "Darmową dostawę dostajesz przy zamówieniach…" and "przy wszystkich zamówieniach".
    expect(report.coverage.dostawa).toMatchObject({ sklep: { status: 'present' }, newsletter: { status: 'present', source: 'email/start.eml' }, facebook: { status: 'drift' } });
    expect(report.coverage.haslo).toMatchObject({ sklep: { status: 'present' }, newsletter: { status: 'present' }, facebook: { status: 'drift' } });
    expect(report.coverage.klub).toMatchObject({ sklep: { status: 'present' }, newsletter: { status: 'present' } });
    const bare = report.findings.find((f) => f.rule === 'message-drift' && f.subject === 'dostawa')!;
    expect(bare.message).toMatch(/written without diacritics/);
    expect(report.coverage.dostawa.facebook.score).toBeLessThan(1);
    expect(report.findings.find((f) => f.rule === 'term-variant')!.message).toBe('Write "Leśny Bieg", not "Lesny Bieg" (typed without diacritics)');
  });

  it('reports each source in its language', () => {
    expect(report.sources.map((s) => s.language)).toEqual(['pl', 'pl', 'pl', 'pl']);
  });
});

describe('the Hebrew example campaign (fixtures/example-he)', async () => {
  const report = await check('fixtures/example-he/storefront.yaml', { cwd: root });

  it('finds exactly the deliberate drifts', () => {
    expect(rows(report)).toEqual([
      ['term-variant', 'newsletter', 'email/hashaka.eml', 'RunFast', 'Run Fast'],
      ['fact-mismatch', 'newsletter', 'email/hashaka.eml', 'pro-price', '59.90 ILS'],
      ['message-drift', 'instagram', 'social/instagram.csv', 'koteret', 'האביב כבר כאן 🌸 נעלי ריצה'],
      ['message-negated', 'instagram', 'social/instagram.csv', 'mishloach', 'המשלוח אינו חינם בהזמנה מעל 200 ש"ח'],
      ['fact-mismatch', 'instagram', 'social/instagram.csv', 'sof', '2026-05-31'],
      ['message-missing', 'x-en', '', 'mishloach', ''],
      // The deliberate missing translation is also a spec warning at the message's line.
      ['spec-warning', 'x-en', 'storefront.yaml', 'messages[1].channels', ''],
    ]);
  });

  it('holds the English channel against the English translation, and says which translation is missing', () => {
    expect(report.coverage.koteret['x-en']).toMatchObject({ status: 'present', source: 'social/x-en.json' });
    const missing = report.findings.find((f) => f.rule === 'message-missing')!;
    expect(missing.message).toContain('no en translation of this message: add translations.en to check this channel');
    // Prefixed and plural forms, niqqud and gershayim in the page: all present.
    expect(report.coverage.mishloach).toMatchObject({ site: { status: 'present' }, newsletter: { status: 'present' }, instagram: { status: 'negated' } });
    expect(report.coverage.moadon).toMatchObject({ site: { status: 'present' }, newsletter: { status: 'present' } });
  });

  it('quotes RTL copy as found, bidi marks and all, highlighting the words in logical order', () => {
    const price = report.findings.find((f) => f.subject === 'pro-price')!;
    expect(price.excerpt).toContain('\u200f59.90 ₪\u200f');
    expect(price.excerpt!.slice(...price.highlight!)).toBe('59.90 ₪');
    const eml = readFileSync(path.join(root, 'fixtures/example-he/email/hashaka.eml'), 'utf8');
    expect(eml).toContain('=E2=80=8F59.90'); // the mark is in the file, quoted-printable
  });

  it('accepts the reminder on its own: prefixed "והמשלוח", ₪ for ש״ח and "עד 30.4"', async () => {
    const spec = (await import('../../src/spec/load.js')).loadSpec;
    const loaded = await spec(path.join(root, 'fixtures/example-he/storefront.yaml'), 'storefront.yaml');
    const file = path.join(root, 'fixtures/example-he/email/tizkoret.html');
    const read = await readSource({ id: 'email/tizkoret.html', channel: 'newsletter', kind: 'email', language: 'he', file }, {});
    if (!('parts' in read)) throw new Error('unreadable');
    const nd = normalizeDocument(read, { year: 2026 });
    const scores = Object.fromEntries(loaded.messages.map((m) => [m.id, matchMessageInDocument(m, loaded, nd).plain?.score ?? 0]));
    expect(scores.mishloach).toBeGreaterThanOrEqual(0.75);
    expect(scores.koteret).toBeGreaterThanOrEqual(0.75);
    expect(scores.moadon).toBeGreaterThanOrEqual(0.75);
  });
});

const pl = { language: 'pl' };
const rules = (result: ReturnType<typeof run>) => result.findings.map((f) => [f.rule, f.channel, f.subject]);

describe('translations', () => {
  const spec = makeSpec({
    channels: [
      { name: 'site', kind: 'web', language: 'en' },
      { name: 'sklep', kind: 'web', language: 'pl-PL' },
      { name: 'atar', kind: 'web', language: 'he' },
      { name: 'boutique', kind: 'web', language: 'fr' },
    ],
    messages: [{ id: 'shipping', text: 'Free shipping on orders over $50', translations: { pl: 'Darmowa dostawa przy zamówieniach powyżej 200 zł', he: 'משלוח חינם בהזמנה מעל 200 ש״ח' } }],
  });

  it('holds each channel against the wording in its language ("pl-PL" takes the "pl" translation)', () => {
    const result = run(spec, [
      doc('site', 'site.html', ['Free shipping on all orders over $50!']),
      doc('sklep', 'sklep.html', ['Darmową dostawę masz przy zamówieniach powyżej 200 zł.'], { language: 'pl-PL' }),
      doc('atar', 'atar.html', ['והמשלוח חינם בהזמנות מעל 200 ש"ח'], { language: 'he' }),
      doc('boutique', 'fr.html', ['Free shipping on orders over $50'], { language: 'fr' }),
    ]);
    expect(result.coverage.shipping).toMatchObject({ site: { status: 'present' }, sklep: { status: 'present' }, atar: { status: 'present' }, boutique: { status: 'present' } });
    expect(result.findings).toEqual([]);
  });

  it('reports drift against the translation, quoting it as expected', () => {
    const result = run(spec, [doc('sklep', 'sklep.html', ['Darmowa dostawa, gdy zamówisz za ponad 200 zł.'], { language: 'pl-PL' })]);
    const drift = result.findings.find((f) => f.channel === 'sklep')!;
    expect([drift.rule, drift.expected]).toEqual(['message-drift', 'Darmowa dostawa przy zamówieniach powyżej 200 zł']);
  });

  it('never compares English to French: a channel without a translation is missing, with a note', () => {
    const result = run(spec, [doc('boutique', 'fr.html', ['Livraison gratuite dès 50 $ de commande'], { language: 'fr' })]);
    const missing = result.findings.find((f) => f.channel === 'boutique')!;
    expect(missing.rule).toBe('message-missing');
    expect(missing.message).toBe('Key message "shipping" is not said in channel "boutique"; no fr translation of this message: add translations.fr to check this channel');
  });

  it('does not add the note where the channel has a translation', () => {
    const result = run(spec, [doc('sklep', 'sklep.html', ['Nowa kolekcja butów już w sklepie.'], { language: 'pl' })]);
    const missing = result.findings.find((f) => f.channel === 'sklep')!;
    expect(missing.rule).toBe('message-missing');
    expect(missing.message).not.toContain('translation');
    expect(missing.expected).toBe('Darmowa dostawa przy zamówieniach powyżej 200 zł');
  });

  it('detects the language of a channel declared "auto" and holds it against that translation', () => {
    const result = run(spec, [doc('sklep', 'sklep.html', ['Wiosenna wyprzedaż trwa.', 'Darmowa dostawa przy zamówieniach powyżej 200 zł, zwroty przez 30 dni.'], { language: 'auto' })]);
    expect(result.coverage.shipping.sklep.status).toBe('present');
    const drift = run(spec, [doc('sklep', 'sklep.html', ['Wiosenna wyprzedaż trwa do końca kwietnia w całym sklepie.', 'Darmowa dostawa, gdy zamówisz za ponad 200 zł.'], { language: 'auto' })]);
    expect(drift.findings.find((f) => f.channel === 'sklep')?.rule).toBe('message-drift');
  });
});

describe('diacritics', () => {
  it('takes copy typed without Polish letters as drift, never as present or missing', () => {
    const spec = makeSpec({ ...pl, channels: [{ name: 'fb', kind: 'social' }], messages: [{ id: 'dostawa', text: 'Darmowa dostawa przy zamówieniach powyżej 200 zł' }] });
    const bare = run(spec, [doc('fb', 'fb.txt', ['Darmowa dostawa przy zamowieniach powyzej 200 zl!'], pl)]);
    expect(rules(bare)).toEqual([['message-drift', 'fb', 'dostawa']]);
    expect(bare.findings[0].message).toMatch(/^Key message "dostawa" is written without diacritics \(similarity 1\.00 ignoring them, 0\.\d\d as written, needs 0\.75\)$/);
    const right = run(spec, [doc('fb', 'fb.txt', ['Darmową dostawę dostajesz przy zamówieniach powyżej 200 zł!'], pl)]);
    expect(rules(right)).toEqual([]);
  });

  it('accepts correct copy when the spec itself was typed without diacritics', () => {
    const spec = makeSpec({ ...pl, channels: [{ name: 'fb', kind: 'social' }], messages: [{ id: 'dostawa', text: 'Darmowa dostawa przy zamowieniach powyzej 200 zl' }] });
    expect(rules(run(spec, [doc('fb', 'fb.txt', ['Darmowa dostawa przy zamówieniach powyżej 200 zł'], pl)]))).toEqual([]);
  });

  it('reports a canonical term typed without its diacritics as a variant, listed or not', () => {
    const spec = makeSpec({ ...pl, terms: [{ kind: 'use', use: 'Leśny Bieg', insteadOf: ['LesnyBieg'] }, { kind: 'use', use: 'zł', insteadOf: [] }] });
    const result = run(spec, [doc('site', 'a.html', ['Leśny Bieg: buty za 199 zł.', 'Lesny Bieg i LesnyBieg, buty za 199 zl.', 'Adres: lesny-bieg.pl, zlote buty, Złoty Bieg.'], pl)]);
    expect(result.findings.map((f) => [f.rule, f.subject, f.found, f.message])).toEqual([
      ['term-variant', 'Leśny Bieg', 'Lesny Bieg', 'Write "Leśny Bieg", not "Lesny Bieg" (typed without diacritics)'],
      ['term-variant', 'Leśny Bieg', 'LesnyBieg', 'Write "Leśny Bieg", not "LesnyBieg"'],
      ['term-variant', 'zł', 'zl', 'Write "zł", not "zl" (typed without diacritics)'],
    ]);
  });
});

describe('negation per language', () => {
  const cases: Array<[string, string, string, string]> = [
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Dostawa nie jest darmowa przy zamówieniach powyżej 200 zł.', 'Bez darmowej dostawy'],
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Darmowa dostawa nie obowiązuje przy zamówieniach powyżej 200 zł.', ''],
    ['he', 'משלוח חינם בהזמנה מעל 200 ש״ח', 'אין משלוח חינם בהזמנה מעל 200 ש"ח.', ''],
    ['he', 'משלוח חינם בהזמנה מעל 200 ש״ח', 'המשלוח לא חינם בהזמנות מעל 200 ש"ח.', ''],
  ];
  for (const [language, text, negated] of cases) {
    it(`${language}: "${negated}" contradicts "${text}"`, () => {
      const spec = makeSpec({ language, channels: [{ name: 'site', kind: 'web' }], messages: [{ id: 'm', text }] });
      const result = run(spec, [doc('site', 'a.html', [negated], { language })]);
      expect(rules(result)).toEqual([['message-negated', 'site', 'm']]);
    });
  }

  it('does not take a Polish sentence that merely contains "nie" elsewhere as a contradiction', () => {
    const spec = makeSpec({ ...pl, channels: [{ name: 'site', kind: 'web' }], messages: [{ id: 'm', text: 'Darmowa dostawa przy zamówieniach powyżej 200 zł' }] });
    const result = run(spec, [doc('site', 'a.html', ['Nie zwlekaj! Darmowa dostawa przy zamówieniach powyżej 200 zł.'], pl)]);
    expect(result.coverage.m.site.status).toBe('present');
    expect(rules(result)).toEqual([]);
  });
});

describe('RTL excerpts', () => {
  it('quote the part as found, with its marks, and point the highlight at the words', () => {
    const spec = makeSpec({ language: 'he', channels: [{ name: 'site', kind: 'web' }], facts: [{ id: 'price', type: 'money', value: '49.90 ILS', near: ['Pro'] }] });
    const text = 'הצטרפו ל־\u2067RunFast Pro\u2069 ב־\u200f59.90 ₪\u200f לחודש.';
    const result = run(spec, [doc('site', 'a.html', [part('body', text)], { language: 'he' })]);
    const [finding] = result.findings;
    expect(finding.rule).toBe('fact-mismatch');
    expect(finding.excerpt).toBe(text);
    expect(text.slice(...finding.highlight!)).toBe('59.90 ₪');
    expect(finding.location).toEqual({ part: 'body', line: 1, column: text.indexOf('59.90') + 1 });
  });
});
