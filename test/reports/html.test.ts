// The review page at the markup level, on the example campaign: verdict, matrix, one card per
// finding, escaping of hostile copy, no requests, a CSP that admits only the page's own
// style and script, and the same bytes for the same report.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { RULES, ruleInfo } from '../../src/findings/rules.js';
import type { Finding, Report } from '../../src/findings/types.js';
import { clipExcerpt } from '../../src/reports/highlight.js';
import { formatHtml } from '../../src/reports/html.js';
import { itShared, sharedPath } from '../support/shared.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = (file: string) => sharedPath('corpus', file);
const render = (report: Report) => formatHtml(report, { color: false });
const load = (report: Report) => cheerio.load(render(report));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

let example: Report;
beforeAll(async () => {
  example = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
});

/** A copy of the example with one more finding, so the example itself is never mutated. */
function withFinding(extra: Partial<Finding>, report: Report = example): Report {
  const added: Finding = { rule: 'term-avoid', severity: 'warning', channel: 'site', source: 'site/spring.html', message: 'Avoid it', ...extra };
  return { ...report, findings: [...report.findings, added] };
}

describe('formatHtml on the example campaign', () => {
  it('states the verdict and the counts in the header', () => {
    const $ = load(example);
    expect($('h1').text()).toBe('RunFast Spring Sale 2026');
    const verdict = $('.verdict');
    expect(verdict.hasClass('verdict-fail')).toBe(true);
    expect(verdict.find('strong').text()).toBe('✖ Failed');
    const counts = verdict.find('.counts li').map((_, li) => squash($(li).text())).get();
    expect(counts).toEqual(['4 errors', '4 warnings', '0 infos', '5 sources: 5 read, 0 failed']);
    expect($('title').text()).toBe('Failed: RunFast Spring Sale 2026 · storefront review');
    expect($('.spec code').text()).toBe('fixtures/example/storefront.yaml');
  });

  it('says Passed when the report passed', () => {
    const passed: Report = { ...example, findings: [], summary: { ...example.summary, errors: 0, warnings: 0, passed: true } };
    const $ = load(passed);
    expect($('.verdict').hasClass('verdict-pass')).toBe(true);
    expect($('.verdict strong').text()).toBe('✔ Passed');
    expect($('#findings').next().text()).toMatch(/^No findings/);
  });

  it('draws the messages × channels matrix from the coverage, in spec order', () => {
    const $ = load(example);
    const head = $('table.matrix thead th').map((_, th) => $(th).text()).get();
    expect(head).toEqual(['Message', ...example.channels]);
    expect($('table.matrix thead th').get().every((th) => $(th).attr('scope') === 'col')).toBe(true);
    const rows = $('table.matrix tbody tr').get();
    expect(rows.map((tr) => $(tr).find('th[scope=row]').text())).toEqual(Object.keys(example.coverage));
    for (const tr of rows) {
      const message = $(tr).find('th').text();
      $(tr)
        .find('td')
        .each((i, td) => {
          const entry = example.coverage[message][example.channels[i]];
          expect($(td).attr('data-status')).toBe(entry?.status ?? 'none');
          if (entry?.score !== undefined) expect($(td).find('.cell-score').text()).toBe(entry.score.toFixed(2));
          if (entry?.source) expect($(td).find('.cell-source').text()).toBe(entry.source);
        });
    }
    // The deliberate drift on Instagram, and a message the X channel does not need to say.
    const cell = (message: string, channel: string) => $(`table.matrix tbody tr:nth-child(${Object.keys(example.coverage).indexOf(message) + 1}) td`).eq(example.channels.indexOf(channel));
    expect(squash(cell('headline', 'instagram').text())).toBe('~ drift 0.68social/instagram.csv');
    // A cell that is not plainly present links to the card that explains it; a present one does not.
    const target = cell('headline', 'instagram').find('a').attr('href')!;
    expect($(target).attr('data-rule')).toBe('message-drift');
    expect($(target).attr('data-channel')).toBe('instagram');
    expect(cell('headline', 'site').find('a')).toHaveLength(0);
    expect(cell('headline', 'instagram').hasClass('st-drift')).toBe(true);
    expect(squash(cell('headline', 'site').find('.cell-status').text())).toBe('✓ present');
    expect(squash(cell('shipping', 'x').text())).toBe('— not required');
  });

  it('shows a symbol and a word for every status, not only a colour', () => {
    const coverage: Report['coverage'] = {
      a: { site: { status: 'present', score: 0.9 }, newsletter: { status: 'missing' } },
      b: { site: { status: 'negated' }, newsletter: { status: 'unknown' } },
    };
    const $ = load({ ...example, coverage, channels: ['site', 'newsletter'] });
    const cells = $('table.matrix tbody td').map((_, td) => squash($(td).text())).get();
    expect(cells).toEqual(['✓ present 0.90', '✗ missing', '¬ negated', '? unknown']);
  });

  it('has one card per finding with its rule, severity, place, values and excerpt', () => {
    const $ = load(example);
    const cards = $('article.card').get();
    expect(cards).toHaveLength(example.findings.length);
    expect(example.findings).toHaveLength(8);
    // Worst first: every error card before every warning card, each level in report order.
    const rank = { error: 0, warning: 1, info: 2 };
    const order = example.findings.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i);
    expect(cards.map((c) => $(c).attr('id'))).toEqual(order.map(({ i }) => `finding-${i + 1}`));
    expect(cards.map((c) => $(c).attr('data-severity'))).toEqual(example.findings.map((f) => f.severity).sort((a, b) => rank[a] - rank[b]));
    order.forEach(({ f }, n) => {
      const card = $(cards[n]);
      expect(card.attr('data-rule')).toBe(f.rule);
      expect(card.attr('data-channel')).toBe(f.channel);
      expect(card.attr('data-severity')).toBe(f.severity);
      expect(card.find('h3').text()).toBe(f.message);
      expect(card.find('code.rule').text()).toBe(f.rule);
      expect(card.find('.rule-description').text()).toBe(ruleInfo(f.rule)!.summary);
      expect(card.find('details.help p').first().text()).toBe(ruleInfo(f.rule)!.help.replaceAll('`', ''));
      expect(card.find('details.help a.rule-doc').attr('href')).toBe(ruleInfo(f.rule)!.helpUri);
      expect(card.find('.badge').text()).toContain(f.severity);
      const details = Object.fromEntries(card.find('dt').map((_, dt) => [[$(dt).text(), squash($(dt).next('dd').text())]]).get());
      expect(details.Channel).toBe(f.channel);
      expect(details.Source).toBe(`${f.source}:${f.location?.line}:${f.location?.column} (${f.location?.part})`);
      expect(details.Subject).toBe(f.subject);
      expect(details.Expected).toBe(f.expected);
      expect(details.Found).toBe(f.found);
      const { before, hit, after } = clipExcerpt(f.excerpt!, f.highlight, 400);
      expect(card.find('.excerpt').text()).toBe(before + hit + after);
      expect(card.find('.excerpt').attr('dir')).toBe('auto');
      expect(card.find('.excerpt').attr('lang')).toBe('en');
      if (f.highlight) expect(card.find('mark').text()).toBe(f.excerpt!.slice(...f.highlight));
    });
    // The drift the example was built to show: the wrong Pro price, marked in its sentence.
    const price = $('article.card').filter((_, c) => $(c).find('dd').first().text() === 'newsletter' && $(c).attr('data-rule') === 'fact-mismatch');
    expect(price.find('mark').text()).toBe('$59.99');
    expect(squash(price.find('.excerpt').text())).toBe('Go Pro for just $59.99 a month and get weekly coaching plans.');
    // Spec keys in the rule's help are code, so a reader knows what to type into the spec.
    const drift = $('article.card[data-rule=message-drift]');
    expect(drift.find('details.help code').map((_, c) => $(c).text()).get()).toContain('min_similarity');
  });

  it('offers filters for the channels, severities and rules that occur, hidden until the script runs', () => {
    const $ = load(example);
    const form = $('form#filters');
    expect(form.attr('hidden')).toBeDefined();
    const options = (name: string) => form.find(`select[name=${name}] option`).map((_, o) => $(o).attr('value')).get();
    expect(options('channel')).toEqual(['', 'newsletter', 'x', 'instagram']);
    expect(options('severity')).toEqual(['', 'error', 'warning']);
    expect(options('rule')).toEqual(['', ...new Set(example.findings.map((f) => f.rule))]);
    expect($('article.card[hidden]')).toHaveLength(0);
  });

  it('lists the sources, and a failed one with its reason', () => {
    const failed: Report = {
      ...example,
      summary: { ...example.summary, failedSources: 1 },
      sources: [...example.sources, { id: 'email/broken.eml', channel: 'newsletter', kind: 'email', status: 'error', language: 'en', error: 'no MIME boundary' }],
    };
    const $ = load(failed);
    const rows = $('#sources').parent().find('tbody tr').get();
    expect(rows.map((tr) => $(tr).find('th').text())).toEqual([...example.sources.map((s) => s.id), 'email/broken.eml']);
    expect(squash($(rows.at(-1)).find('td').last().text())).toBe('✖ failed: no MIME boundary');
    expect(squash($('.counts li').last().text())).toBe('5 sources: 4 read, 1 failed');
  });

  it('shows a finding accepted by a spec exception as accepted, not as a failure', () => {
    const report = withFinding({ severity: 'info', suppressed: { reason: 'Legal approved this wording', severity: 'warning' }, subject: 'guaranteed' });
    const $ = load(report);
    const card = $('article.card').last();
    expect(card.attr('data-severity')).toBe('accepted');
    expect(card.hasClass('sev-accepted')).toBe(true);
    expect(squash(card.find('.badge').text())).toBe('✓ accepted');
    expect(squash(card.find('.accepted').text())).toBe('Accepted exception (would be warning): Legal approved this wording');
    expect($('select[name=severity] option').map((_, o) => $(o).attr('value')).get()).toContain('accepted');
  });
});

describe('formatHtml is safe and self-contained', () => {
  itShared('turns copy with markup into text: a real post with links, and a script', () => {
    const statuses = JSON.parse(readFileSync(corpus('social/rtoot-mastodon/timeline_public_mastodon_social.json'), 'utf8')) as Array<{ content: string }>;
    const post = statuses.find((s) => s.content.includes('Limited stock alert'))!.content;
    expect(post).toMatch(/<a href="https:\/\/amzn\.to\//);
    const hostile = '</blockquote><script>document.title="pwned"</script><img src=x onerror=alert(1)>';
    const report = withFinding(
      { excerpt: post, found: hostile, subject: '"><svg onload=alert(1)>', channel: 'x"><b>', message: hostile, source: 'javascript:alert(1)' },
      { ...example, campaign: '</title><script>alert(1)</script>' },
    );
    const page = render(report);
    const $ = cheerio.load(page);
    expect($('script')).toHaveLength(1); // the page's own
    expect($('script').text()).not.toContain('pwned');
    expect($('img, svg, b, iframe, object, embed')).toHaveLength(0);
    expect($('*').get().flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})).filter((a) => a.startsWith('on'))).toEqual([]);
    const card = $('article.card').last();
    expect(card.find('h3').text()).toBe(hostile);
    expect(card.attr('data-channel')).toBe('x"><b>');
    expect(card.find('.excerpt').text()).toBe(post);
    expect(card.find('.excerpt a')).toHaveLength(0);
    expect($('h1').text()).toBe('</title><script>alert(1)</script>');
    // javascript: never becomes a link; the only links are the matrix's to its own cards and the rules' docs.
    expect($('a').get().every((a) => /^#finding-\d+$/.test($(a).attr('href') ?? '') || RULES.some((r) => r.helpUri === $(a).attr('href')))).toBe(true);
  });

  it('keeps control characters out of the page', () => {
    const $ = load(withFinding({ excerpt: 'Save\u0000 30%\u001b[31m now\u0007', message: 'bell\u0007' }));
    const text = $('article.card').last().text();
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect($('article.card').last().find('.excerpt').text()).toBe('Save\uFFFD 30%\uFFFD[31m now\uFFFD');
  });

  it('loads nothing: no src, no external href except a web source itself', () => {
    const $ = load(example);
    expect($('[src]')).toHaveLength(0);
    // Links a reader follows, not loads: the page's own cards, and each rule's page in the docs.
    const outward = (page: ReturnType<typeof load>) =>
      page('[href]').map((_, a) => page(a).attr('href')).get().filter((href) => !/^#finding-\d+$/.test(href) && !RULES.some((r) => r.helpUri === href));
    const docs = $('a.rule-doc').map((_, a) => $(a).attr('href')).get();
    expect(docs.length).toBeGreaterThan(0);
    for (const href of docs) expect(href).toMatch(/^https:\/\/github\.com\/storefront-cli\/storefront-cli\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
    expect(outward($)).toEqual([]);
    expect($('link, img, iframe, object, embed, base')).toHaveLength(0);
    const url = 'https://runfast.example/spring?utm=1&x=<y>';
    const linked = load(withFinding({ source: url, location: { part: 'body', line: 3, column: 5 } }));
    const hrefs = outward(linked);
    expect(hrefs).toEqual([url]);
    expect(linked('a').filter((_, a) => linked(a).attr('href') === url).attr('rel')).toBe('noopener noreferrer');
    expect($('style').text()).not.toMatch(/url\(|@import|@font-face/);
  });

  it('has a CSP that forbids every request and admits only its own style and script', () => {
    const $ = load(example);
    const csp = $('meta[http-equiv=Content-Security-Policy]').attr('content')!;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(directives['style-src']).toEqual([hash($('style').text())]);
    expect(directives['script-src']).toEqual([hash($('script').text())]);
    expect($('style')).toHaveLength(1);
    expect($('[style]')).toHaveLength(0); // style attributes would be blocked by the CSP
    // The policy must come before anything it governs.
    expect($('head').children().first().is('meta[charset]')).toBe(true);
    expect($('head').children().eq(1).is('meta[http-equiv=Content-Security-Policy]')).toBe(true);
  });

  it('gives the same bytes for the same report, and for another run of the same check', async () => {
    const again = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
    expect(render(example)).toBe(render(example));
    expect(render(again)).toBe(render(example));
  });

  it('marks copy for the bidi algorithm and keeps basic accessibility', () => {
    const hebrew = 'מבצע: 30% הנחה על כל הנעליים';
    const $ = load(withFinding({ excerpt: hebrew, highlight: [6, 9], expected: hebrew, found: hebrew }));
    const card = $('article.card').last();
    expect(card.find('.excerpt').attr('dir')).toBe('auto');
    expect(card.find('mark').text()).toBe('30%');
    expect(card.find('dd.expected').attr('dir')).toBe('auto');
    expect(card.find('dd.found').attr('dir')).toBe('auto');
    expect($('html').attr('lang')).toBe('en');
    const levels = $('h1, h2, h3').map((_, h) => Number(h.tagName.slice(1))).get();
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i && expect(level - levels[i - 1]).toBeLessThanOrEqual(1));
    expect($('th').get().every((th) => ['col', 'row'].includes($(th).attr('scope') ?? ''))).toBe(true);
  });
});
