// Issue 11, items 1-4: a window contradicts a key message only when it is recognisably the
// message and denies it within its own clauses; drift needs most of the message's words.
// Valid/invalid tables per language, then real copy from the shared corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/documents/types.js';
import { readEml } from '../../src/sources/email/email.js';
import { readHtml } from '../../src/sources/web/web.js';
import { doc, makeSpec, run } from '../helpers.js';
import { describeShared, sharedPath } from '../support/shared.js';

type Status = 'present' | 'negated' | 'drift' | 'missing';
type Row = [language: string, message: string, copy: string, status: Status];

const statusOf = (language: string, message: string, docs: Document[]) => {
  const spec = makeSpec({ language, channels: [{ name: 'site', kind: 'web' }], messages: [{ id: 'm', text: message }] });
  const result = run(spec, docs);
  return { status: result.coverage.m.site.status, rules: result.findings.map((f) => f.rule) };
};
const check = ([language, message, copy]: Row) => statusOf(language, message, [doc('site', 'a.html', [copy], { language })]);

describe('a negation must deny the message itself (items 1 and 2)', () => {
  // Copy that shares a word or a clause with a message stated with a negation, or that holds
  // a cue about something else: never a contradiction.
  const notContradictions: Row[] = [
    ['en', 'We never sell your data', 'Built for ecommerce brands that sell in 23 countries.', 'missing'],
    ['en', 'Set up in minutes, not weeks', 'Our JavaScript snippet adds DataPilot to any website in 7 minutes.', 'missing'],
    ['en', 'Orbit CRM shows the whole customer journey at a glance', 'Our customers scale without limits with Orbit CRM.', 'missing'],
    ['en', 'Nimbus Pro is now available to every team', 'Starting today, Nimbus Pro helps finance teams scale without limits by up to 40%.', 'drift'],
    ['en', '12,000 teams already trust Acme Cloud', 'Set up in minutes, not weeks. 12,000 teams already trust Acme Cloud.', 'present'],
    ['en', 'Our dietitians answer within a day', 'No problem 🙂, our dietitians answer within a day.', 'present'],
    ['en', 'Smart scale for a healthy lifestyle', 'Not just a smart scale — a whole platform for a healthy lifestyle.', 'present'],
    ['en', 'Upgrade to keep your data', 'If you are not ready to upgrade, your data is kept for 30 days.', 'present'],
    ['en', 'Free shipping on orders over $50', "Don't miss out: free shipping on orders over $50.", 'present'],
    ['en', 'Try any plan free for 30 days', 'Try any plan free for 30 days. No credit card required.', 'present'],
    ['en', 'Free shipping on orders over $50', 'Free shipping on orders over $50. Is shipping not free on orders over $50?', 'present'],
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Nie masz konta? Darmowa dostawa przy zamówieniach powyżej 200 zł.', 'present'],
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Bez problemu 🙂, darmowa dostawa przy zamówieniach powyżej 200 zł.', 'present'],
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Jeśli nie masz kodu, darmowa dostawa przy zamówieniach powyżej 200 zł.', 'present'],
    ['he', 'משלוח חינם בהזמנה מעל 200 ש״ח', 'אין בעיה 🙂, משלוח חינם בהזמנה מעל 200 ש"ח', 'present'],
    ['he', 'פלטפורמה שלמה לאורח חיים בריא', 'לא סתם משקל, זוהי פלטפורמה שלמה לאורח חיים בריא', 'present'],
    ['de', 'Kostenloser Versand ab 50 € Bestellwert', 'Kein Problem 🙂, kostenloser Versand ab 50 € Bestellwert.', 'present'],
    ['de', 'Kostenloser Versand ab 50 € Bestellwert', 'Nicht nur Kaffee: kostenloser Versand ab 50 € Bestellwert.', 'present'],
    ['de', 'Kostenloser Versand ab 50 € Bestellwert', 'Wenn Sie nicht sicher sind, kostenloser Versand ab 50 € Bestellwert.', 'present'],
  ];
  it.each(notContradictions)('%s: "%s" is not contradicted by "%s"', (...row) => {
    const { status, rules } = check(row);
    expect(status).toBe(row[3]);
    expect(rules).not.toContain('message-negated');
  });

  // The message denied on its own predicate: always a contradiction.
  const contradictions: Row[] = [
    ['en', 'No credit card required to get started', 'A credit card is required to get started.', 'negated'],
    ['en', 'Set up in minutes, not weeks', 'Setup takes weeks, not minutes.', 'negated'],
    ['en', 'Keep working even when you are offline', 'You cannot keep working when you are offline.', 'negated'],
    ['en', 'Free shipping on hardware orders over $50', 'Shipping is not free on hardware orders over $50.', 'negated'],
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Dostawa nie jest darmowa przy zamówieniach powyżej 200 zł.', 'negated'],
    ['he', 'משלוח חינם בהזמנה מעל 200 ש״ח', 'אין משלוח חינם בהזמנה מעל 200 ש"ח', 'negated'],
    ['de', 'Kostenloser Versand ab 50 € Bestellwert', 'Der Versand ist nicht kostenlos ab 50 € Bestellwert.', 'negated'],
    ['de', 'Wir verkaufen Ihre Daten nie', 'Wir verkaufen Ihre Daten.', 'negated'],
  ];
  it.each(contradictions)('%s: "%s" is contradicted by "%s"', (...row) => {
    const { status, rules } = check(row);
    expect(status).toBe('negated');
    expect(rules).toEqual(['message-negated']);
  });

  it('agrees when the copy says the message with the same cue in other words', () => {
    expect(check(['en', 'No credit card required to get started', 'Get started without a credit card required.', 'present']).rules).not.toContain('message-negated');
  });
});

describe('a message that is itself negative, said in the positive, is negated (item 3)', () => {
  const rows: Row[] = [
    ['en', 'Decoration is not included', 'Decoration is included!', 'negated'],
    ['en', 'Decoration is not included', 'Good news: the decoration is included!', 'negated'],
    ['pl', 'Dekoracja nie jest wliczona w cenę', 'Dekoracja jest wliczona w cenę!', 'negated'],
    ['he', 'הקישוט אינו כלול במחיר', 'הקישוט כלול במחיר!', 'negated'],
    ['de', 'Die Dekoration ist nicht inbegriffen', 'Die Dekoration ist inbegriffen!', 'negated'],
  ];
  it.each(rows)('%s: "%s" against "%s"', (...row) => {
    expect(check(row)).toEqual({ status: 'negated', rules: ['message-negated'] });
  });

  it.each([
    ['en', 'Decoration is not included', 'Please note: decoration is not included.'],
    ['pl', 'Dekoracja nie jest wliczona w cenę', 'Uwaga: dekoracja nie jest wliczona w cenę.'],
    ['de', 'Die Dekoration ist nicht inbegriffen', 'Hinweis: Die Dekoration ist nicht inbegriffen.'],
  ])('%s: the same denial is present', (language, message, copy) => {
    expect(check([language, message, copy, 'present'])).toEqual({ status: 'present', rules: [] });
  });
});

describe('drift needs most of the message in one coherent window (item 4)', () => {
  it.each([
    ['en', 'Try any plan free for 30 days', 'Boxes from $19 for your first box. Free'],
    ['en', 'Keep working even when you are offline', 'BrightDesk keeps every customer conversation in one place. Work continues even without a connection.'],
    ['pl', 'Członkowie Klubu Leśny Bieg mają wcześniejszy dostęp', 'Dostęp do sklepu 24/7. Członkowie rodziny mogą zamawiać.'],
  ])('%s: "%s" is missing, not reworded, in "%s"', (language, message, copy) => {
    expect(check([language, message, copy, 'missing']).rules).toEqual(['message-missing']);
  });

  it.each([
    ['en', 'Free shipping on orders over $50', 'Free delivery for orders above $50 this month.'],
    ['pl', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Darmowa wysyłka dla zamówień od 200 zł.'],
    ['de', 'Kostenloser Versand ab 50 € Bestellwert', 'Versand gratis ab 50 € Einkaufswert.'],
  ])('%s: "%s" drifts in "%s"', (language, message, copy) => {
    expect(check([language, message, copy, 'drift']).rules).toEqual(['message-drift']);
  });
});

describeShared('real copy from the corpus', () => {
  const page = (file: string, language: string): Document => ({
    source: file, channel: 'site', kind: 'web', language,
    parts: readHtml({ id: file, name: file, bytes: readFileSync(sharedPath('corpus', 'web', file)), kind: 'web' }) as never,
  });

  it('he: the smart-scale page says "not just a scale, a whole platform" without denying its message', () => {
    const { rules } = statusOf('he', 'זוהי פלטפורמה שלמה לאורח חיים בריא', [page('scaleapp-site/he/index.html', 'he')]);
    expect(rules).not.toContain('message-negated');
  });

  it('en: the Postmark trial mail\'s condition ("if you are not ready") does not deny its upgrade message', async () => {
    const file = 'postmark-templates/trial-expiring.eml';
    const parts = await readEml({ id: file, name: file, bytes: readFileSync(sharedPath('corpus', 'email', file)), kind: 'email' });
    const mail: Document = { source: file, channel: 'site', kind: 'email', language: 'en', parts: parts as never };
    const text = (parts as Array<{ text: string }>).map((p) => p.text).join('\n');
    expect(text).toMatch(/trial/i);
    const { rules } = statusOf('en', 'Upgrade your account before your trial ends', [mail]);
    expect(rules).not.toContain('message-negated');
  });
});
