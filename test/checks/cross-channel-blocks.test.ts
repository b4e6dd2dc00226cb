// Issue 11, item 10: the context of a value is the block it sits in, even a short table
// cell whose label stands in the cell beside it.
import { describe, expect, it } from 'vitest';
import { htmlToParts } from '../../src/sources/html/html.js';
import { doc, findings, makeSpec } from '../helpers.js';

const spec = makeSpec({ channels: [{ name: 'site', kind: 'web' }, { name: 'newsletter', kind: 'email' }] });
const page = (html: string) => doc('site', 'index.html', htmlToParts(html, { metadata: false }));
const mail = (html: string, language = 'en') => doc('newsletter', 'mail.eml', htmlToParts(html, { metadata: false }), { kind: 'email', language });

describe('cross-channel-conflict: a table cell takes its context from its row label', () => {
  it.each([
    ['en', '<ul><li>Returns: 30 days</li></ul>', '<table><tr><td>Returns</td><td>14 days</td></tr></table>', '14'],
    ['en', '<ul><li>Free returns: 30 days</li></ul>', '<table><tr><th>Free returns</th><td>14 days</td></tr></table>', '14'],
    ['pl', '<ul><li>Zwroty do 30 dni</li></ul>', '<table><tr><td>Zwroty</td><td>14 dni</td></tr></table>', '14'],
    ['de', '<ul><li>Rückgabe: 30 Tage</li></ul>', '<table><tr><td>Rückgabe</td><td>14 Tage</td></tr></table>', '14'],
  ])('%s: a list item against a cell', (language, web, email, found) => {
    const s = makeSpec({ language, channels: [{ name: 'site', kind: 'web' }, { name: 'newsletter', kind: 'email' }] });
    const out = findings(s, [{ ...page(web), language }, mail(email, language)], 'cross-channel-conflict');
    expect(out.map((f) => [f.channel, f.found])).toEqual([['newsletter', found]]);
  });

  it.each([
    ['the same number', '<ul><li>Returns within 30 days</li></ul>', '<table><tr><td>Returns</td><td>30 days</td></tr></table>'],
    ['another label', '<ul><li>Returns within 30 days</li></ul>', '<table><tr><td>Support replies</td><td>2 days</td></tr></table>'],
    ['a label that states a value itself', '<ul><li>Returns within 30 days</li></ul>', '<table><tr><td>Returns 2025</td><td>14 days</td></tr></table>'],
    ['a value inside a longer block under a short heading', '<ul><li>Returns: 30 days</li></ul>', '<h2>Returns</h2><p>We answer every question, and by up to 14 days.</p>'],
    ['a long paragraph before the cell', '<ul><li>Returns within 30 days</li></ul>', '<p>We ship worldwide and our team answers every mail about returns.</p><table><tr><td>14 days</td></tr></table>'],
  ])('does not fire on %s', (_, web, email) => {
    expect(findings(spec, [page(web), mail(email)], 'cross-channel-conflict')).toEqual([]);
  });
});
