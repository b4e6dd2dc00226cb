// Issue 11, items 6-8: what counts as a URL statement, link filters judged per link, and
// code slips where a digit stands for the letter it looks like.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCodeSlip } from '../../src/checks/facts.js';
import { extractValues } from '../../src/normalize/values/index.js';
import { doc, findings, makeSpec, part } from '../helpers.js';
import { describeShared, sharedPath } from '../support/shared.js';

const urls = (text: string, language = 'en') => extractValues(text, { language }).filter((v) => v.type === 'url').map((v) => v.key);

describe('a URL statement has a scheme, "www.", a path, or is a link target', () => {
  it.each([
    ['en', 'Buy it today at Shopname.ca!'],
    ['en', 'Shopname.ca'],
    ['de', 'Shop.de – Ihr Onlineshop für Tierbedarf'],
    ['pl', 'Zamów w Sklep.pl już dziś'],
    ['he', 'הזמינו עכשיו ב-Shop.co.il'],
  ])('%s: a host written as a name is no URL: %s', (language, text) => {
    expect(urls(text, language)).toEqual([]);
  });

  it.each([
    ['en', 'Visit https://shopname.ca today', 'shopname.ca'],
    ['en', 'Visit www.shopname.ca today', 'shopname.ca'],
    ['en', 'Visit shopname.ca/sale today', 'shopname.ca/sale'],
    ['de', 'Alle Infos unter shop.de/aktion', 'shop.de/aktion'],
    ['pl', 'Szczegóły: www.sklep.pl/promocja', 'sklep.pl/promocja'],
    ['he', 'פרטים באתר shop.co.il/sale', 'shop.co.il/sale'],
  ])('%s: an address is a URL: %s', (language, text, key) => {
    expect(urls(text, language)).toEqual([key]);
  });

  const spec = makeSpec({ facts: [{ id: 'landing', type: 'url', value: 'https://shopname.ca/summer', required: ['site'] }] });
  it('reports no wrong landing URL for the shop name, alt text or site name', () => {
    const out = findings(spec, [doc('site', 'a.html', [
      'Summer sale at Shopname.ca! Visit https://shopname.ca/summer.',
      part('alt', 'Shopname.ca'),
      part('og', 'Shopname.ca'),
    ])]);
    expect(out).toEqual([]);
  });

  it('still reports a wrong address and a wrong link target', () => {
    const out = findings(spec, [doc('site', 'a.html', ['Visit shopname.ca/winter.', part('cta', 'Shop now', { href: 'https://shopname.ca/spring' })])]);
    expect(out.map((f) => [f.rule, f.found])).toEqual([
      ['fact-mismatch', 'shopname.ca/winter'],
      ['fact-mismatch', 'shopname.ca/spring'],
    ]);
  });
});

describe('link filters judge each link, not the whole post', () => {
  const spec = makeSpec({
    channels: [{ name: 'x', kind: 'social' }],
    facts: [{ id: 'landing', type: 'url', value: 'https://acme.example/summer', required: ['x'] }],
  });
  const post = (text: string, href: string) => doc('x', 'posts.json', [part('post', text, { href, unit: '1' })], { kind: 'social' });

  it.each([
    ['a post that mentions support', 'Round-the-clock support from real people. Summer deals inside!'],
    ['a post that mentions an account', 'Open an account today and save 30%.'],
    ['a Polish post about help', 'Pomoc 24/7 i rabat 30% przez całe lato.'],
  ])('keeps the campaign link of %s', (_, text) => {
    expect(findings(spec, [post(text, 'https://acme.example/summer')])).toEqual([]);
  });

  it('still drops a utility link by its own address, and a button labelled as one', () => {
    expect(findings(spec, [post('Questions? We are here.', 'https://acme.example/support')]).map((f) => f.rule)).toEqual(['fact-missing']);
    const site = makeSpec({ facts: [{ id: 'landing', type: 'url', value: 'https://acme.example/summer' }] });
    expect(findings(site, [doc('site', 'a.html', [part('cta', 'Contact support', { href: 'https://acme.example/contact-us' })])])).toEqual([]);
  });
});

describe('codes: a digit typed for the letter it looks like', () => {
  it.each([
    ['COD3', 'CODE'], ['SUMMER3O', 'SUMMER30'], ['5UMMER30', 'SUMMER30'], ['SUMMERB0', 'SUMMER80'],
    ['W1OSNA30', 'WIOSNA30'], ['FRIEND1S', 'FRIEND15'], ['SPRNG30', 'SPRING30'],
  ])('%s is a slip of %s', (written, code) => {
    expect(isCodeSlip(written, code)).toBe(true);
  });

  it.each([
    ['SPRING', 'SPRING30'], ['SUMMER', 'SUMMER30'], ['CODES1', 'CODE'], ['SUMMER2026', 'SUMMER30'], ['ORDER', 'CODE'],
  ])('%s is not a slip of %s', (written, code) => {
    expect(isCodeSlip(written, code)).toBe(false);
  });

  const spec = makeSpec({ facts: [{ id: 'promo', type: 'code', value: 'CODE' }, { id: 'spring', type: 'code', value: 'WIOSNA30' }] });
  it.each([
    ['en', 'Use COD3 at checkout', 'COD3'],
    ['pl', 'Kod rabatowy: W1OSNA30', 'W1OSNA30'],
    ['de', 'Gutscheincode COD3 im Warenkorb eingeben', 'COD3'],
    ['he', 'קוד קופון: COD3', 'COD3'],
  ])('%s: reports the slip as a fact-mismatch', (language, text, found) => {
    const out = findings(spec, [doc('site', 'a.html', [text], { language })], 'fact-mismatch');
    expect(out.map((f) => f.found)).toEqual([found]);
  });
});

describe('code samples are not copy', () => {
  it.each([
    ['<p>Install it:</p><pre>npm i Github-sync --cancel any time</pre><p>Then enjoy.</p>', ['Install it:', 'Then enjoy.']],
    ['<p>Run <code>acme --Github</code> today.</p>', ['Run today.']],
    ['<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy the code <samp>SPRING25</samp>.</p>', ['Press + to copy the code .']],
  ])('leaves %s out', async (html, texts) => {
    const { htmlToParts } = await import('../../src/sources/html/html.js');
    expect(htmlToParts(html, { metadata: false }).map((p) => p.text)).toEqual(texts);
  });
});

describe('a card heading and its price on one line break are one context', () => {
  const spec = makeSpec({ facts: [{ id: 'pro-price', type: 'money', value: '49.99 USD', near: ['Nimbus Pro'] }] });
  it.each([
    ['en', '<table><tr><td><strong>Nimbus Pro</strong><br>$59.99 per month</td><td><strong>DataPilot</strong><br>$29 per month</td></tr></table>', '59.99 USD'],
    ['pl', '<p><strong>Nimbus Pro</strong><br/>59,99 USD miesięcznie</p>', '59.99 USD'],
    ['de', '<div><b>Nimbus Pro</b><br>59,99 USD pro Monat</div>', '59.99 USD'],
  ])('%s: reports the wrong price in the card', async (language, html, found) => {
    const { htmlToParts } = await import('../../src/sources/html/html.js');
    const out = findings(spec, [doc('newsletter', 'mail.eml', htmlToParts(html, { metadata: false }), { kind: 'email', language })], 'fact-mismatch');
    expect(out.map((f) => f.found)).toEqual([found]);
  });
});

describeShared('real mail: the shop name written as a domain', () => {
  it('reads "at Vitamart.ca!" in the Vitamart sale mail as no URL statement', async () => {
    const { readEml } = await import('../../src/sources/email/email.js');
    const file = 'php-mime-mail-parser/m0015.eml';
    const parts = await readEml({ id: file, name: file, bytes: readFileSync(sharedPath('corpus', 'email', file)), kind: 'email' });
    const spec = makeSpec({ facts: [{ id: 'landing', type: 'url', value: 'https://vitamart.ca/multivitamins' }] });
    const texts = parts.map((p) => p.text);
    expect(texts.some((t) => t.includes('at Vitamart.ca!'))).toBe(true);
    const out = findings(spec, [doc('newsletter', file, parts, { kind: 'email' })], 'fact-mismatch');
    // Only the address written with "www." is a statement of a (wrong) landing page.
    expect(out.map((f) => f.excerpt)).toEqual(['www.vitamart.ca']);
  });
});
