// Every rule: a case that must fire and near cases that must not (STYLE.md: valid/invalid tables).
import { describe, expect, it } from 'vitest';
import { doc, findings, makeSpec, part, run } from '../helpers.js';

const shipping = { id: 'shipping', text: 'Free shipping on orders over $50' };

describe('message-missing / message-drift / message-negated', () => {
  const spec = makeSpec({ messages: [shipping] });
  const statusOf = (text: string) => run(spec, [doc('site', 'a.html', [text]), doc('newsletter', 'n.eml', ['Free shipping on orders over $50.'])]).coverage.shipping.site;

  it.each([
    ['the exact words', 'Free shipping on orders over $50.'],
    ['inside a longer sentence', 'This week only, enjoy free shipping on orders over $50 across the whole store.'],
    ['another case and punctuation', 'FREE SHIPPING — ON ORDERS OVER $50!'],
    ['inflected paraphrase', 'Free shipping on every order over $50.'],
  ])('is present when said with %s', (_, text) => {
    expect(statusOf(text).status).toBe('present');
  });

  it('is missing when not said, with one channel-wide finding', () => {
    const out = findings(spec, [doc('site', 'a.html', ['New colours for spring are in stores now.']), doc('newsletter', 'n.eml', ['Free shipping on orders over $50'])]);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'message-missing', severity: 'error', channel: 'site', subject: 'shipping', expected: shipping.text }),
    ]);
    expect(out[0].source).toBeUndefined();
  });

  it('is drift when reworded below the threshold, with the closest wording quoted', () => {
    const out = findings(spec, [doc('site', 'a.html', ['New colours for spring are in.', 'Free delivery for orders above $50 this month.']), doc('newsletter', 'n.eml', [shipping.text])]);
    const drift = out.filter((f) => f.rule === 'message-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ severity: 'warning', channel: 'site', source: 'a.html', subject: 'shipping' });
    expect(drift[0].excerpt).toBe('Free delivery for orders above $50 this month.');
    expect(out.some((f) => f.rule === 'message-missing')).toBe(false);
  });

  it('accepts an alias as a wording of its own', () => {
    const aliased = makeSpec({ messages: [{ ...shipping, aliases: ['Orders above fifty dollars ship for free'] }] });
    const { coverage } = run(aliased, [doc('site', 'a.html', ['Orders above fifty dollars ship for free.']), doc('newsletter', 'n.eml', [shipping.text])]);
    expect(coverage.shipping.site.status).toBe('present');
  });

  it('is negated, and not also missing, when the opposite is said', () => {
    const out = findings(spec, [doc('site', 'a.html', ['Shipping is not free on orders over $50.']), doc('newsletter', 'n.eml', [shipping.text])]);
    expect(out.map((f) => f.rule)).toEqual(['message-negated']);
    expect(out[0]).toMatchObject({ channel: 'site', source: 'a.html', found: 'Shipping is not free on orders over $50' });
    expect(run(spec, [doc('site', 'a.html', ["Shipping isn't free on orders over $50."])]).coverage.shipping.site.status).toBe('negated');
  });

  it('does not take a negation about something else for the opposite', () => {
    const out = findings(spec, [doc('site', 'a.html', ['Free shipping on orders over $50 - no code needed.']), doc('newsletter', 'n.eml', [shipping.text])]);
    expect(out).toEqual([]);
  });

  it('keeps a negated message negated when the spec wording itself is negative', () => {
    const noFees = makeSpec({ messages: [{ id: 'fees', text: 'No hidden fees at checkout' }] });
    const ok = run(noFees, [doc('site', 'a.html', ['There are no hidden fees at checkout.']), doc('newsletter', 'n.eml', ['No hidden fees at checkout.'])]);
    expect(ok.findings).toEqual([]);
    const bad = findings(noFees, [doc('site', 'a.html', ['Hidden fees at checkout apply.']), doc('newsletter', 'n.eml', ['No hidden fees at checkout.'])]);
    expect(bad.map((f) => f.rule)).toEqual(['message-negated']);
  });

  it('marks a channel with no readable source unknown and reports nothing missing there', () => {
    const { coverage, findings: out } = run(spec, [doc('newsletter', 'n.eml', [shipping.text])]);
    expect(coverage.shipping.site).toEqual({ status: 'unknown' });
    expect(out).toEqual([]);
  });
});

describe('fact-mismatch / fact-missing', () => {
  const spec = makeSpec({
    facts: [
      { id: 'pro-price', type: 'money', value: '49.99 USD', near: ['Pro'] },
      { id: 'discount', type: 'percent', value: '30', near: ['off'] },
      { id: 'promo-code', type: 'code', value: 'SPRING30', required: ['newsletter'] },
      { id: 'landing', type: 'url', value: 'https://runfast.example/spring', required: ['newsletter'] },
    ],
  });
  const check = (...texts: Array<string | ReturnType<typeof part>>) => findings(spec, [doc('site', 'a.html', texts)]).filter((f) => f.rule === 'fact-mismatch');

  it('fires on a different price next to the near word, quoting it', () => {
    const out = check('Go Pro for just $59.99 a month.');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ subject: 'pro-price', expected: '49.99 USD', found: '59.99 USD', excerpt: 'Go Pro for just $59.99 a month.', highlight: [16, 22] });
  });

  it.each([
    ['the same price written another way', 'RunFast Pro: USD 49.99 per month.'],
    ['the same price in words', 'Pro costs 49.99 dollars.'],
    ["another product's price in another sentence", 'Go Pro for $49.99. Our Trail Runner shoe is $89.99.'],
    ['a struck-through former price', part('body', 'Pro is just $49.99 $69.99 a month', { muted: [[19, 25]] })],
    ['a price introduced as the former one', 'Pro is $49.99 a month, was $69.99.'],
    ['the EU lowest-price notice', 'Pro $49.99. Lowest price in the last 30 days: $44.99'],
    ['a badge with a minus sign', 'Everything -30% off'],
  ])('does not fire on %s', (_, text) => {
    expect(check(text)).toEqual([]);
  });

  it('fires on a wrong percentage and a code typo', () => {
    expect(check('Take 40% off everything').map((f) => f.found)).toEqual(['40']);
    expect(check('Use code SPRNG30 today').map((f) => [f.subject, f.found])).toEqual([['promo-code', 'SPRNG30']]);
  });

  it('does not take an ordinary word for a code typo', () => {
    expect(check('SPRING SALE starts now', 'Use code spring30 today')).toEqual([]);
  });

  it('fires on a call to action pointing elsewhere on the fact host, not on help links', () => {
    const out = check(part('cta', 'Shop now', { href: 'https://runfast.example/winter' }), part('nav', 'Help', { href: 'https://runfast.example/help' }), 'Questions? runfast.example/help');
    expect(out.map((f) => [f.subject, f.found])).toEqual([['landing', 'runfast.example/winter']]);
  });

  it('reports a required fact missing once per channel, and not when it is only wrong', () => {
    const missing = findings(spec, [doc('newsletter', 'n.eml', ['Spring is here.'])]).filter((f) => f.rule === 'fact-missing');
    expect(missing.map((f) => f.subject).sort()).toEqual(['landing', 'promo-code']);
    const wrong = findings(spec, [doc('newsletter', 'n.eml', ['Use code SPRNG30 at https://runfast.example/spring'])]);
    expect(wrong.filter((f) => f.rule === 'fact-missing')).toEqual([]);
    expect(wrong.filter((f) => f.rule === 'fact-mismatch')).toHaveLength(1);
  });
});

describe('term-variant / term-avoid / term-required', () => {
  const spec = makeSpec({
    terms: [
      { kind: 'use', use: 'RunFast', insteadOf: ['Run Fast', 'Runfast'] },
      { kind: 'avoid', avoid: ['cure', 'cheapest in the world'] },
      { kind: 'require', require: 'Unsubscribe', channels: ['newsletter'] },
    ],
  });
  const rules = (channel: string, ...texts: string[]) => findings(spec, [doc(channel, 'x', texts)]).map((f) => [f.rule, f.found ?? f.subject]);

  it('fires on a variant, case-sensitively, on word boundaries', () => {
    expect(rules('site', 'Join Run Fast today.', 'Runfast club')).toEqual([
      ['term-variant', 'Run Fast'],
      ['term-variant', 'Runfast'],
    ]);
  });

  it('does not fire on the canonical term inside a URL, an address or a handle', () => {
    expect(rules('site', 'See https://Runfast.example/spring or www.Runfast.example', 'Write to hello@Runfast.example', 'Follow @Runfast', 'Runfaster shoes')).toEqual([]);
  });

  it('fires on an avoided phrase in any case, never inside a longer word', () => {
    expect(rules('site', 'A CURE for tired legs.', 'The cheapest  in the world!')).toEqual([
      ['term-avoid', 'CURE'],
      ['term-avoid', 'cheapest in the world'],
    ]);
    expect(rules('site', 'Secure checkout, procured with care.')).toEqual([]);
  });

  it('fires when a required phrase is absent from a channel that requires it only', () => {
    expect(rules('newsletter', 'Hello runners')).toEqual([['term-required', 'Unsubscribe']]);
    expect(rules('newsletter', 'Click to unsubscribe.')).toEqual([]);
    expect(rules('site', 'Hello runners')).toEqual([]);
  });
});

describe('length-exceeded', () => {
  const spec = makeSpec({ channels: [{ name: 'x', kind: 'social', platform: 'x', maxLength: 280 }] });
  const post = (text: string, unit = '7') => part('post', text, { unit });

  it('fires on a post over the limit as the platform counts it, naming the post', () => {
    const out = findings(spec, [doc('x', 'p.json', [post('a'.repeat(281))], { kind: 'social' })]);
    expect(out).toEqual([expect.objectContaining({ rule: 'length-exceeded', subject: '7', found: '281', expected: '≤ 280' })]);
  });

  it('does not fire at the limit, and counts a long URL as 23', () => {
    const url = `https://runfast.com/${'x'.repeat(200)}`;
    expect(findings(spec, [doc('x', 'p.json', [post('a'.repeat(280)), post(`${'b'.repeat(250)} ${url}`)], { kind: 'social' })])).toEqual([]);
  });
});

describe('cross-channel-conflict', () => {
  const spec = makeSpec({
    channels: [
      { name: 'site', kind: 'web' },
      { name: 'newsletter', kind: 'email' },
      { name: 'x', kind: 'social' },
    ],
    facts: [{ id: 'discount', type: 'percent', value: '30', near: ['off'] }],
  });

  it('flags the channel that disagrees with the majority', () => {
    const out = findings(spec, [doc('site', 's', ['Returns within 30 days.']), doc('newsletter', 'n', ['Returns within 14 days.']), doc('x', 'x', ['Free returns within 30 days!'])]);
    expect(out).toEqual([expect.objectContaining({ rule: 'cross-channel-conflict', channel: 'newsletter', found: '14', expected: '30 (site)' })]);
  });

  it('flags the later channel on a tie', () => {
    const out = findings(spec, [doc('site', 's', ['Returns within 30 days.']), doc('x', 'x', ['Returns within 14 days.'])]);
    expect(out.map((f) => f.channel)).toEqual(['x']);
  });

  it('leaves alone values in other contexts, values a spec fact covers, and the same value', () => {
    const out = findings(spec, [
      doc('site', 's', ['Returns within 30 days.', 'Take 30% off.', 'Over 200 stores.']),
      doc('newsletter', 'n', ['Returns within 30 days.', 'Take 40% off.', 'Support within 2 days.']),
    ]);
    expect(out.map((f) => f.rule)).toEqual(['fact-mismatch']);
  });

  it('is off when rules.cross_channel is false', () => {
    const off = makeSpec({ channels: spec.channels, crossChannel: false });
    expect(findings(off, [doc('site', 's', ['Returns within 30 days.']), doc('x', 'x', ['Returns within 14 days.'])])).toEqual([]);
  });
});
