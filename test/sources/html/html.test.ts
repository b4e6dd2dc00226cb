import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineIndex, locate, type Part, type Role } from '../../../src/documents/types.js';
import { htmlToParts } from '../../../src/sources/html/html.js';
import { SourceError } from '../../../src/sources/types.js';
import { itShared, sharedPath } from '../../support/shared.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/web/${name}`, import.meta.url), 'utf8');
const corpus = (path: string) => readFileSync(sharedPath('corpus', 'web', path), 'utf8');

const texts = (parts: Part[], role: Role) => parts.filter((p) => p.role === role).map((p) => p.text);
const only = (parts: Part[], text: string) => {
  const found = parts.filter((p) => p.text === text);
  expect(found, `one part "${text}"`).toHaveLength(1);
  return found[0];
};

/**
 * Line and column of `word` where it occurs inside the first occurrence of `context` in the
 * file, found by plain search, independently of the reader.
 */
function positionOf(text: string, context: string, word = context): { line: number; column: number } {
  const at = text.indexOf(context);
  expect(at, `"${context}" in the file`).toBeGreaterThanOrEqual(0);
  expect(context).toContain(word);
  return new LineIndex(text).position(at + context.indexOf(word));
}

describe('htmlToParts: roles on a hand-written sale page', () => {
  const html = fixture('sale.html');
  const parts = htmlToParts(html);

  it('reads title, description and Open Graph / Twitter text from the head, entities decoded', () => {
    expect(texts(parts, 'title')).toEqual(['RunFast & Friends – Spring Sale']);
    expect(texts(parts, 'description')).toEqual(['Spring Sale: 30% off all running shoes at RunFast & Co.']);
    // og:url is a target, not copy
    expect(texts(parts, 'og')).toEqual(['RunFast Spring Sale', '30% off every running shoe this spring']);
  });

  it('gives headings, buttons, button-like links, links, nav links and alt texts their roles', () => {
    expect(texts(parts, 'heading')).toEqual(['Spring Sale']);
    expect(parts.filter((p) => p.role === 'cta').map((p) => [p.text, p.href])).toEqual([
      ['Shop now', 'https://runfast.example/spring?utm=x'],
      ['Add to cart', undefined],
      ['Subscribe', undefined],
    ]);
    // "spectacular" contains "cta" but is not a button class
    expect(only(parts, 'Spectacular deals')).toMatchObject({ role: 'link', href: '/sale' });
    expect(parts.filter((p) => p.role === 'nav').map((p) => [p.text, p.href])).toEqual([
      ['Home', '/'],
      ['Shoes', '/shoes'],
    ]);
    expect(texts(parts, 'alt')).toEqual(['RunFast Pro running shoe']);
    // An image-only link says its image's alt as its own text (once), so its target is still seen.
    expect(only(parts, 'Spring Sale banner')).toMatchObject({ role: 'link', href: 'https://runfast.example/banner' });
  });

  it('says every word once: an inline link only in its paragraph, a block made only of links only by its link parts', () => {
    expect(only(parts, 'Read the terms before you buy.').role).toBe('body');
    expect(parts.some((p) => p.text === 'terms')).toBe(false);
    expect(only(parts, 'Returns')).toMatchObject({ role: 'link', href: '/returns' });
    expect(parts.some((p) => p.text === 'Home Shoes')).toBe(false);
    expect(only(parts, '© 2026 RunFast. Unsubscribe').role).toBe('body');
    expect(parts.some((p) => p.text === 'Unsubscribe')).toBe(false);
    for (const word of ['terms', 'Returns', 'Home', 'Shoes', 'Unsubscribe', 'Shop now', 'banner']) {
      const said = parts.flatMap((p) => p.text.match(new RegExp(`\\b${word}\\b`, 'g')) ?? []);
      expect(said, word).toHaveLength(1);
    }
  });

  it('breaks parts at block elements, and lines at <br> inside one part, never gluing words across them', () => {
    expect(only(parts, 'menu').role).toBe('body');
    expect(only(parts, 'Save 30% on all running shoes – this week only.').role).toBe('body');
    expect(texts(parts, 'body')).toEqual(expect.arrayContaining(['Free shipping on orders over $50', 'Cell one', 'Cell two']));
    expect(only(parts, 'Free shipping on orders over $50').lineBreaks).toEqual(['Free shipping'.length]);
    expect(parts.some((p) => /menuSave|CellOne|Cell oneCell/i.test(p.text))).toBe(false);
  });

  it('drops script, style, template, noscript, svg, comments and hidden elements', () => {
    const all = parts.map((p) => p.text).join('\n');
    for (const hidden of ['not copy', 'color: red', 'Hidden attribute', 'Aria hidden', 'Invisible copy', 'Template copy', 'Noscript copy', 'Svg', 'Comment copy', 'secret-token', 'typed text']) {
      expect(all).not.toContain(hidden);
    }
  });

  it('records struck-through text as muted ranges of the part text', () => {
    const part = only(parts, 'Now $79 was $99 for the Pro, and $120 $89 for the Trail.');
    expect(part.muted?.map(([start, end]) => part.text.slice(start, end))).toEqual(['was $99', '$120']);
  });

  it('anchors collapsed, multi-line and entity-broken text to where each word is in the file', () => {
    const part = only(parts, 'Save 30% on all running shoes – this week only.');
    const paragraph = '<p>Save 30% on all\n   running shoes &ndash; this week only.</p>';
    for (const word of ['Save', 'all', 'running', 'this', 'only.']) {
      expect(locate(part, part.text.indexOf(word)), word).toEqual(positionOf(html, paragraph, word));
    }
    const heading = only(parts, 'Spring Sale');
    expect(locate(heading, heading.text.indexOf('Sale'))).toEqual(positionOf(html, 'Spring   Sale</h1>', 'Sale'));
    const title = only(parts, 'RunFast & Friends – Spring Sale');
    expect(locate(title, title.text.indexOf('Friends'))).toEqual(positionOf(html, '&amp; Friends', 'Friends'));
    expect(locate(title, title.text.indexOf('Spring'))).toEqual(positionOf(html, '&ndash; Spring Sale</title>', 'Spring'));
    const description = parts.find((p) => p.role === 'description')!;
    expect(locate(description, description.text.indexOf('Co.'))).toEqual(positionOf(html, 'RunFast &amp; Co.', 'Co.'));
  });

  it('reads JSON-LD offers from @graph, nested offers, AggregateOffer and priceSpecification, skipping invalid JSON', () => {
    expect(texts(parts, 'offer')).toEqual(['RunFast Pro: 49.99 USD, valid until 2026-04-30', 'RunFast Trail: from 59 USD to 89.00 USD', 'RunFast Trail GTX: 89 USD']);
    const offer = parts.find((p) => p.role === 'offer')!;
    expect(offer.anchors[0]).toMatchObject(positionOf(html, '<script type="application/ld+json">'));
  });

  it('keeps parts in document order', () => {
    const starts = parts.map((p) => p.anchors[0]);
    const sorted = [...starts].sort((a, b) => a.line - b.line || a.column - b.column);
    expect(starts).toEqual(sorted);
  });
});

describe('htmlToParts: options', () => {
  const html = fixture('sale.html');

  it('scopes body copy to the selector but still reads page metadata', () => {
    const parts = htmlToParts(html, { selector: 'main' });
    expect(texts(parts, 'title')).toEqual(['RunFast & Friends – Spring Sale']);
    expect(texts(parts, 'offer')).toHaveLength(3);
    expect(texts(parts, 'heading')).toEqual(['Spring Sale']);
    const all = parts.map((p) => p.text);
    expect(all).not.toContain('menu');
    expect(all).not.toContain('Home');
    expect(all).not.toContain('© 2026 RunFast. Unsubscribe');
  });

  it('refuses a selector that matches nothing, or is not a selector, with a SourceError naming it', () => {
    expect(() => htmlToParts(html, { selector: '#nowhere' })).toThrow(SourceError);
    expect(() => htmlToParts(html, { selector: '#nowhere' })).toThrow('selector "#nowhere" matches nothing');
    expect(() => htmlToParts(html, { selector: 'main[[' })).toThrow(/invalid selector "main\[\["/);
  });

  it('skips metadata when asked, for HTML email bodies', () => {
    const parts = htmlToParts(html, { metadata: false });
    for (const role of ['title', 'description', 'og', 'offer'] as const) expect(texts(parts, role)).toEqual([]);
    expect(texts(parts, 'heading')).toEqual(['Spring Sale']);
  });

  it('shifts anchors by the origin of embedded HTML', () => {
    const parts = htmlToParts('<p>Hello\n  <b>world</b></p>', { origin: { line: 10, column: 5 } });
    const part = only(parts, 'Hello world');
    expect(locate(part, 0)).toEqual({ line: 10, column: 8 });
    expect(locate(part, 6)).toEqual({ line: 11, column: 6 });
  });
});

describe('htmlToParts: email preheader', () => {
  const html = fixture('email-preheader.html');

  it('turns the hidden first text of the body into a preheader part, and still drops later hidden text', () => {
    const parts = htmlToParts(html, { metadata: false, preheader: true });
    expect(parts[0]).toMatchObject({ role: 'preheader', text: 'Spring Sale: 30% off all running shoes – ends April 30' });
    expect(parts[0].anchors[0]).toMatchObject(positionOf(html, 'Spring Sale: 30%'));
    expect(texts(parts, 'preheader')).toHaveLength(1);
    expect(parts.map((p) => p.text).join('\n')).not.toContain('Internal tracking note');
    expect(texts(parts, 'title')).toEqual([]);
    // MJML's mj-button and hand-made email buttons are links with a padded background.
    expect(only(parts, 'Shop the sale')).toMatchObject({ role: 'cta', href: 'https://runfast.example/spring' });
  });

  it('drops the preheader as hidden text outside email mode', () => {
    const parts = htmlToParts(html, { metadata: false });
    expect(texts(parts, 'preheader')).toEqual([]);
    expect(parts.map((p) => p.text).join('\n')).not.toContain('ends April 30');
  });

  it('takes no preheader when visible text comes first', () => {
    const parts = htmlToParts('<body><p>Hello</p><div style="display:none">Late hidden</div></body>', { preheader: true });
    expect(parts.map((p) => [p.role, p.text])).toEqual([['body', 'Hello']]);
  });
});

describe('htmlToParts: text details', () => {
  it('decodes entities, collapses whitespace (nbsp too) and drops zero-width padding', () => {
    const [part] = htmlToParts('<p>Caf&eacute;&nbsp;&amp;\n\t Bar&#8203;s &#x20AC;5 &zwnj;&nbsp;&zwnj;</p>');
    expect(part.text).toBe('Café & Bars €5');
    expect(locate(part, part.text.indexOf('€'))).toEqual({ line: 2, column: 15 });
    expect(locate(part, part.text.indexOf('5'))).toEqual({ line: 2, column: 23 });
  });

  it('separates adjacent link chips but keeps punctuation after a link attached', () => {
    const parts = htmlToParts('<p><a href="/a">survey</a><a href="/b">DevSecOps</a></p><p>Read <a href="/m">more</a>.</p>');
    expect(parts.map((p) => p.text)).toEqual(['survey', 'DevSecOps', 'Read more.']);
  });

  it('treats elements with role=button as calls to action, and a link around a button as one', () => {
    const parts = htmlToParts('<div role="button">Buy now</div><a href="/go"><button>Go</button></a>');
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['cta', 'Buy now', undefined],
      ['cta', 'Go', '/go'],
    ]);
  });

  it('survives deeply nested markup without overflowing the stack', () => {
    const html = '<div>'.repeat(20000) + 'Deep' + '</div>'.repeat(20000);
    expect(htmlToParts(html).map((p) => p.text)).toEqual(['Deep']);
  });
});

describe('htmlToParts: real pages', () => {
  itShared('reads Open Graph product tags and the microdata offer of the FYE page (880 KB)', () => {
    const html = corpus('extruct/opengraph_ns_product_test.html');
    const parts = htmlToParts(html);
    expect(texts(parts, 'og')).toEqual([
      'Better Off Dead [Exclusive Blu-ray Steelbook] - New on Blu-ray Disc | FYE',
      "Better Off Dead [Exclusive Blu-ray Steelbook] - 1980's classic starring John Cusack",
    ]);
    const offers = texts(parts, 'offer');
    expect(offers).toContain('Better Off Dead [Exclusive Blu-ray Steelbook] - New on Blu-ray Disc | FYE: 17.99 USD');
    expect(offers).toContain('Better Off Dead [Exclusive Blu-ray Steelbook]: 17.99 USD');
    expect(texts(parts, 'body')).toContain('$17.99');
  });

  itShared('reads the microdata AggregateOffer and both Offers (GBP) of the Monster Pet Supplies page', () => {
    const parts = htmlToParts(corpus('extruct/microdata-with-description.html'));
    const offers = texts(parts, 'offer');
    expect(offers).toEqual([
      // The product's description (its first block) is context for near words, like its name.
      'Johnsons 4 Fleas Cats & Kittens Tablets – Johnsons 4 Fleas Cats & Kittens - 3 Treatment Pack, 6 Treatment Pack: from 5.29 GBP to 9.56 GBP',
      'Johnsons 4 Fleas Cats & Kittens Tablets 6 Treatment Pack – Johnsons 4 Fleas Cats & Kittens - 3 Treatment Pack, 6 Treatment Pack: 9.56 GBP',
      'Johnsons 4 Fleas Cats & Kittens Tablets 3 Treatment Pack – Johnsons 4 Fleas Cats & Kittens - 3 Treatment Pack, 6 Treatment Pack: 5.29 GBP',
    ]);
    // A hidden <p> of tracking JSON sits in the body.
    expect(parts.some((p) => p.text.includes('ecomm_prodid'))).toBe(false);
  });

  itShared('reads the JSON-LD offer that the Parallels page never states in its copy', () => {
    const html = corpus('trafilatura/parallels.com.desktop.html');
    const parts = htmlToParts(html);
    expect(texts(parts, 'offer')).toEqual([
      'Parallels Desktop for Mac – Run Windows on Mac with Parallels Desktop for Mac, the #1 choice of Mac users worldwide: 79.99 USD, valid until 2019-10-01',
    ]);
    expect(parts.find((p) => p.role === 'offer')?.anchors[0]).toMatchObject(positionOf(html, '<script type="application/ld+json">'));
    expect(parts.filter((p) => p.role !== 'offer').some((p) => p.text.includes('79.99'))).toBe(false);
  });

  itShared('invents no offer from the Lavazza JSON-LD Offer that has no price, and drops its hidden shop messages', () => {
    const parts = htmlToParts(corpus('trafilatura/lavazza.de.qualita.html'));
    expect(texts(parts, 'offer')).toEqual([]);
    expect(texts(parts, 'og')).toContain('Qualità Oro - Perfect Symphony, 250g Dose');
    // The page's only "4,49€" is in a display:none tooltip; the rest are hidden messages and
    // the shop's client-side templates.
    const all = parts.map((p) => p.text).join('\n');
    for (const hidden of ['4,49', 'Ungültiger/s Benutzer/Kennwort', 'Produkt nicht verfügbar', 'CASHBACK', 'KOSTENLOS', '<%=']) expect(all).not.toContain(hidden);
    expect(all).toContain('Sie benötigen nur noch [freeShipping] für eine kostenlose Lieferung');
  });

  itShared('anchors every word of every part on a real page where the word is in the file', () => {
    const html = corpus('mozilla-readability/mozilla-2/source.html');
    const lines = html.split('\n');
    const parts = htmlToParts(html);
    let words = 0;
    for (const part of parts.filter((p) => p.role !== 'offer')) {
      let offset = 0;
      for (const word of part.text.split(' ')) {
        const { line, column } = locate(part, offset)!;
        const inFile = lines[line - 1].slice(column - 1);
        // The file may spell the word's first character as an entity, or end it at a tag.
        let same = 0;
        while (same < word.length && inFile[same] === word[same]) same++;
        if (same < word.length) expect(['&', '<'], `${part.role} "${word}" at ${line}:${column}: ${inFile.slice(0, 30)}`).toContain(inFile[same]);
        words++;
        offset += word.length + 1;
      }
    }
    expect(words).toBeGreaterThan(400);
    // Words on the first and the last line of a paragraph spread over lines 220-221.
    const paragraph = parts.find((p) => p.text.startsWith('Developer Edition comes with a new profile'))!;
    expect(paragraph.text.endsWith('or create a new one. Learn more')).toBe(true);
    expect(locate(paragraph, paragraph.text.indexOf('bookmarks'))).toEqual({ line: 220, column: 124 });
    expect(locate(paragraph, paragraph.text.indexOf('Learn more'))).toEqual(positionOf(html, 'class="more">Learn more</a>', 'Learn'));
    expect(positionOf(html, 'class="more">Learn more</a>', 'Learn').line).toBe(221);
  });
});

describe('htmlToParts: exclude', () => {
  const page = `<!DOCTYPE html><html><head><title>RunFast Spring Sale</title><meta name="description" content="30% off running shoes"></head><body>
<nav><a href="/">Home</a> <a href="/sale">Sale</a></nav>
<div class="cookie-banner"><p>We use cookies.</p><a class="btn" href="/accept">Accept all</a></div>
<main><h1>Spring Sale</h1><p>RunFast Pro for <b>$49.99</b>, read the <a href="/terms">terms</a>.</p><img src="a.jpg" alt="RunFast Pro shoe">
<aside class="related"><img src="b.jpg" alt="RunFast Trail shoe"><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">RunFast Trail</span>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="59.99">$59.99</span><meta itemprop="priceCurrency" content="USD"></div></div></aside></main>
<footer><p>© RunFast <a href="/unsubscribe">Unsubscribe</a></p></footer></body></html>`;

  it('drops excluded elements and everything inside from body, links, buttons, alt and microdata, but still reads title and meta', () => {
    const all = htmlToParts(page);
    expect(all.map((p) => p.text)).toEqual(expect.arrayContaining(['Home', 'We use cookies.', 'Accept all', 'RunFast Trail shoe', 'RunFast Trail: 59.99 USD', '© RunFast Unsubscribe']));
    const parts = htmlToParts(page, { exclude: ['nav', 'footer', '.cookie-banner', 'aside.related'] });
    expect(parts.map((p) => [p.role, p.text])).toEqual([
      ['title', 'RunFast Spring Sale'],
      ['description', '30% off running shoes'],
      ['heading', 'Spring Sale'],
      ['body', 'RunFast Pro for $49.99, read the terms.'],
      ['alt', 'RunFast Pro shoe'],
    ]);
  });

  it('combines with a selector, and matching nothing is not an error', () => {
    const parts = htmlToParts(page, { selector: 'main', exclude: ['.related', '.nothing-like-this'] });
    expect(texts(parts, 'body')).toEqual(['RunFast Pro for $49.99, read the terms.']);
    expect(texts(parts, 'title')).toEqual(['RunFast Spring Sale']);
  });

  it('refuses an invalid exclude selector with a SourceError naming it', () => {
    expect(() => htmlToParts(page, { exclude: ['nav', 'div[[class'] })).toThrow(SourceError);
    expect(() => htmlToParts(page, { exclude: ['nav', 'div[[class'] })).toThrow(/^invalid exclude selector "div\[\[class": /);
  });
});

describe('htmlToParts: each word said once', () => {
  it('says a button-like link inside a paragraph only as its cta part, and a linked heading only as its link', () => {
    const parts = htmlToParts('<p>Use SPRING30 at checkout. <a class="button" href="https://runfast.example/spring">Shop the sale</a></p><h2><a href="/pro">RunFast Pro</a></h2>');
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['body', 'Use SPRING30 at checkout.', undefined],
      ['cta', 'Shop the sale', 'https://runfast.example/spring'],
      ['link', 'RunFast Pro', '/pro'],
    ]);
  });

  it('says a card link (a link wrapping blocks) through its blocks, text before the first block included', () => {
    const parts = htmlToParts(
      '<main><a class="card" href="/p/1"><div><h3>Run Fast Trail</h3><p>Now $59.99 only.</p></div></a>' +
        '<a href="/p/2"><span>Trail Runner 2</span><div>From $89.99</div></a><p>Other copy.</p></main>',
    );
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['heading', 'Run Fast Trail', undefined],
      ['body', 'Now $59.99 only.', undefined],
      ['body', 'Trail Runner 2', undefined],
      ['body', 'From $89.99', undefined],
      ['body', 'Other copy.', undefined],
    ]);
  });

  it('keeps alt text inside a labelled link as alt, and an image-only link says its alt once', () => {
    const parts = htmlToParts('<div><a href="/a" aria-label="Spring deals"><img alt="30% off"></a><a href="/b"><img alt="Free shipping"></a></div>');
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['link', 'Spring deals', '/a'],
      ['alt', '30% off', undefined],
      ['link', 'Free shipping', '/b'],
    ]);
  });
});

describe('htmlToParts: structured offers', () => {
  const ld = (json: unknown) => `<script type="application/ld+json">${typeof json === 'string' ? json : JSON.stringify(json)}</script>`;

  it('reads a Product with an offers array, an ItemList of Products and offers referenced by @id, with the product as context', () => {
    const html = [
      ld({ '@type': 'Product', name: 'RunFast Pro', description: 'Our lightest road shoe. Made in Portugal.', offers: [{ '@type': 'Offer', price: 49.99, priceCurrency: 'USD', priceValidUntil: '2026-04-30' }, { '@type': 'Offer', price: '45.00', priceCurrency: 'EUR' }] }),
      ld({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: { '@type': 'Product', name: 'RunFast Trail', offers: { '@type': 'AggregateOffer', lowPrice: 59, highPrice: 89, priceCurrency: 'USD' } } }] }),
      ld({ '@context': 'https://schema.org', '@graph': [{ '@id': '#o1', '@type': 'Offer', price: '19', priceCurrency: 'GBP' }, { '@type': 'Product', name: 'RunFast Socks', offers: { '@id': '#o1' } }] }),
      ld('{"@type": "Product", "name": "Broken", "offers": {"price": "1.00",}'),
      ld('not json at all'),
    ].join('\n');
    expect(texts(htmlToParts(html), 'offer')).toEqual([
      'RunFast Pro – Our lightest road shoe: 49.99 USD, valid until 2026-04-30',
      'RunFast Pro – Our lightest road shoe: 45.00 EUR',
      'RunFast Trail: from 59 USD to 89 USD',
      'RunFast Socks: 19 GBP',
    ]);
  });

  it('reads microdata prices from the content attribute or the text, with currency and valid-until', () => {
    const html = `<div itemscope itemtype="https://schema.org/Product"><h2 itemprop="name">RunFast Pro</h2>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="49.99">$49.99</span><meta itemprop="priceCurrency" content="USD"><time itemprop="priceValidUntil" datetime="2026-04-30">April 30</time></div>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price">€45,00</span></div></div>`;
    expect(texts(htmlToParts(html), 'offer')).toEqual(['RunFast Pro: 49.99 USD, valid until 2026-04-30', 'RunFast Pro: €45,00']);
  });

  it('states the structured price as a fact mention: a wrong JSON-LD price is a fact-mismatch in the offer part', async () => {
    const { doc, makeSpec, run } = await import('../../helpers.js');
    const html = `<title>RunFast</title>${ld({ '@type': 'Product', name: 'RunFast Pro', offers: { price: '59.99', priceCurrency: 'USD' } })}<p>The new RunFast shoes are here.</p>`;
    const spec = makeSpec({ channels: [{ name: 'site', kind: 'web' }], facts: [{ id: 'pro-price', type: 'money', value: '49.99 USD', near: ['Pro'] }] });
    const findings = run(spec, [doc('site', 'page.html', htmlToParts(html))]).findings;
    expect(findings.map((f) => [f.rule, f.subject, f.found, f.location?.part])).toEqual([['fact-mismatch', 'pro-price', '59.99 USD', 'offer']]);
  });
});
