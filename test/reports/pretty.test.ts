// The terminal report: exact text without colour, ANSI with it, RTL kept in logical order,
// aligned coverage, honest summary lines, and excerpts clipped around what matters.
import { RULES } from '../../src/findings/rules.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding, Report, RuleId } from '../../src/findings/types.js';
import { clipExcerpt, stripAnsi, visibleWidth } from '../../src/reports/highlight.js';
import { formatReport } from '../../src/reports/index.js';
import { formatPretty } from '../../src/reports/pretty.js';
import { itShared, sharedPath } from '../support/shared.js';

const corpus = (file: string) => sharedPath('corpus', file);
const FSI = '\u2068';
const PDI = '\u2069';

function finding(rule: RuleId, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'error', channel: 'site', message: `${rule} happened`, ...extra };
}

function makeReport(extra: Partial<Report> = {}): Report {
  return {
    version: 1,
    campaign: 'RunFast Spring Sale 2026',
    spec: 'fixtures/example/storefront.yaml',
    summary: { errors: 0, warnings: 0, infos: 0, sources: 2, failedSources: 0, passed: true },
    sources: [],
    findings: [],
    coverage: {},
    channels: ['site', 'newsletter'],
    ...extra,
  };
}

const plain = (report: Report) => formatPretty(report, { color: false });
const colored = (report: Report) => formatPretty(report, { color: true });

const smallReport = (): Report =>
  makeReport({
    summary: { errors: 3, warnings: 1, infos: 0, sources: 3, failedSources: 1, passed: false },
    sources: [
      { id: 'site/spring.html', channel: 'site', kind: 'web', status: 'ok', language: 'en' },
      { id: 'email/launch.eml', channel: 'newsletter', kind: 'email', status: 'ok', language: 'en' },
      { id: 'email/broken.eml', channel: 'newsletter', kind: 'email', status: 'error', language: 'en', error: 'no MIME boundary' },
    ],
    // Sorted as the checks sort them; the newsletter's findings come first on purpose, the
    // report must still follow the spec's channel order.
    findings: [
      finding('source-error', { channel: 'newsletter', source: 'email/broken.eml', message: 'no MIME boundary' }),
      finding('fact-mismatch', {
        channel: 'newsletter',
        source: 'email/launch.eml',
        subject: 'pro-price',
        expected: '49.99 USD',
        found: '59.99 USD',
        excerpt: 'Go Pro for just $59.99 a month.',
        highlight: [16, 22],
        location: { part: 'body', line: 41, column: 9 },
        message: '"pro-price" is 49.99 USD in the spec, but "$59.99" here',
      }),
      finding('term-avoid', {
        severity: 'warning',
        channel: 'newsletter',
        source: 'email/launch.eml',
        subject: 'guaranteed',
        found: 'guaranteed',
        excerpt: 'Guaranteed dry feet',
        highlight: [0, 10],
        location: { part: 'subject' },
        message: 'Avoid "guaranteed"',
      }),
      finding('message-missing', { subject: 'shipping', expected: 'Free shipping on orders over $50', message: 'Key message "shipping" is not said' }),
    ],
    coverage: {
      headline: { site: { status: 'present', score: 0.9666 }, newsletter: { status: 'drift', score: 0.714 } },
      shipping: { site: { status: 'missing' } },
    },
  });

describe('pretty report', () => {
  it('shows an accepted finding with the reason it was accepted and its severity otherwise', () => {
    const report = smallReport();
    const accepted = { ...report.findings[2], severity: 'info' as const, suppressed: { reason: 'Legal approved this wording (MKT-142)', severity: 'warning' as const } };
    const lines = plain({ ...report, findings: [accepted] }).split('\n');
    const at = lines.findIndex((l) => l.includes('Avoid "guaranteed"'));
    expect(lines[at]).toMatch(/ℹ info/);
    expect(lines.slice(at, at + 4)).toContain('                        accepted (warning otherwise): Legal approved this wording (MKT-142)');
  });

  it('prints a small report exactly, line by line, without colour', () => {
    expect(plain(smallReport()).split('\n')).toEqual([
      'RunFast Spring Sale 2026 (fixtures/example/storefront.yaml)',
      '',
      'site',
      '  (whole channel)',
      '    ✖ error    Key message "shipping" is not said  message-missing',
      '               expected: Free shipping on orders over $50',
      '',
      'newsletter',
      '  email/broken.eml',
      '    ✖ error    no MIME boundary  source-error',
      '  email/launch.eml',
      '    ✖ error    41:9     "pro-price" is 49.99 USD in the spec, but "$59.99" here  fact-mismatch',
      '                        expected: 49.99 USD  found: 59.99 USD',
      '                        │ Go Pro for just »$59.99« a month.',
      '    ⚠ warning  subject  Avoid "guaranteed"  term-avoid',
      '                        found: guaranteed',
      '                        │ »Guaranteed« dry feet',
      '',
      'Coverage',
      '  message   site    newsletter',
      '  headline  ✓ 0.97  ~ 0.71',
      '  shipping  ✗',
      '  ✓ present  ~ drift  ¬ negated  ✗ missing  ? unknown, blank: not required',
      '',
      'Unreadable sources',
      '  ✖ email/broken.eml: no MIME boundary',
      '',
      // Each rule with findings links its page in the docs.
      'Rules',
      '  message-missing  https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/message-missing.md',
      '  fact-mismatch    https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/fact-mismatch.md',
      '  term-avoid       https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/term-avoid.md',
      '  source-error     https://github.com/storefront-cli/storefront-cli/blob/main/docs/rules/source-error.md',
      '',
      '✖ failed: 4 problems (3 errors, 1 warning, 0 infos) in 3 sources, 1 unreadable',
      '',
    ]);
  });

  it('colours only when asked, and the colours are the only difference besides the highlight marks', () => {
    const report = smallReport();
    const withColor = colored(report);
    expect(plain(report)).not.toMatch(/\u001b\[/);
    expect(withColor).toMatch(/\u001b\[31m✖ error\u001b\[39m/); // errors red
    expect(withColor).toMatch(/\u001b\[33m⚠ warning\u001b\[39m/); // warnings yellow
    expect(withColor).toMatch(/\u001b\[2mfact-mismatch\u001b\[22m/); // rule id dimmed
    expect(withColor).toContain('\u001b[1m\u001b[7m$59.99\u001b[27m\u001b[22m'); // highlight bold + inverse
    expect(withColor).not.toContain('»');
    expect(stripAnsi(withColor)).toBe(plain(report).replace(/[»«]/g, ''));
  });

  it('leaves no trailing whitespace on any line, with or without colour', () => {
    for (const text of [plain(smallReport()), colored(smallReport())]) {
      for (const line of text.split('\n')) expect(stripAnsi(line)).toBe(stripAnsi(line).trimEnd());
    }
  });

  it('shows every rule id at the end of its finding line', () => {
    const rules: RuleId[] = RULES.map((rule) => rule.id);
    const lines = plain(makeReport({ findings: rules.map((rule) => finding(rule, { source: 'site/a.html' })) })).split('\n');
    for (const rule of rules) expect(lines).toContain(`    ✖ error    ${rule} happened  ${rule}`);
  });

  it('marks severities and aligns locations within a source', () => {
    const lines = plain(
      makeReport({
        findings: [
          finding('term-variant', { severity: 'info', source: 'a.html', location: { part: 'body', line: 7, column: 3 }, message: 'Write "RunFast"' }),
          finding('term-avoid', { severity: 'warning', source: 'a.html', location: { part: 'body', line: 1200, column: 14 }, message: 'Avoid "cheapest"' }),
          finding('fact-missing', { source: 'a.html', location: { part: 'body', line: 9 }, message: 'No landing URL' }),
        ],
      }),
    ).split('\n');
    expect(lines).toContain('    ℹ info     7:3      Write "RunFast"  term-variant');
    expect(lines).toContain('    ⚠ warning  1200:14  Avoid "cheapest"  term-avoid');
    expect(lines).toContain('    ✖ error    9        No landing URL  fact-missing');
  });

  it('puts channel-wide findings first and still shows channels the spec order does not list', () => {
    const text = plain(
      makeReport({
        channels: ['site'],
        findings: [
          finding('term-avoid', { source: 'a.html', message: 'from a source' }),
          finding('message-missing', { message: 'channel-wide' }),
          finding('length-exceeded', { channel: 'tiktok', source: 'posts.json', message: 'too long' }),
        ],
      }),
    );
    expect(text.indexOf('(whole channel)')).toBeLessThan(text.indexOf('a.html'));
    expect(text.indexOf('channel-wide')).toBeLessThan(text.indexOf('from a source'));
    expect(text).toMatch(/\ntiktok\n {2}posts\.json\n {4}✖ error {4}too long {2}length-exceeded\n/);
  });
});

describe('right-to-left copy', () => {
  const hebrew = 'היום בלבד! מבצע אביב עם 30% הנחה על נעליים נבחרות';
  const report = makeReport({
    channels: ['ישראל'],
    findings: [
      finding('message-drift', {
        severity: 'warning',
        channel: 'ישראל',
        source: 'social/he.json',
        expected: 'מבצע אביב: 30% הנחה על כל נעלי הריצה',
        found: 'מבצע אביב עם 30% הנחה',
        excerpt: hebrew,
        highlight: [11, 32],
        location: { part: 'post', line: 3, column: 12 },
        message: 'Key message "headline" is reworded',
      }),
    ],
  });

  it('stays in logical order, wrapped in isolates so the labels around it keep their place', () => {
    const lines = plain(report).split('\n');
    expect(lines).toContain(`${FSI}ישראל${PDI}`);
    const excerptLine = lines.find((l) => l.includes('│')) ?? '';
    expect(excerptLine).toBe(`                     │ ${FSI}היום בלבד! »מבצע אביב עם 30% הנחה« על נעליים נבחרות${PDI}`);
    expect(excerptLine).not.toContain([...'מבצע'].reverse().join(''));
    expect(lines).toContain(`                     expected: ${FSI}מבצע אביב: 30% הנחה על כל נעלי הריצה${PDI}  found: ${FSI}מבצע אביב עם 30% הנחה${PDI}`);
  });

  it('isolates with colour too, around the ANSI-marked highlight', () => {
    const excerptLine = colored(report).split('\n').find((l) => l.includes('│')) ?? '';
    expect(stripAnsi(excerptLine)).toMatch(new RegExp(`│ ${FSI}היום בלבד! מבצע אביב עם 30% הנחה על נעליים נבחרות${PDI}$`));
  });

  it('neutralises bidi overrides and control characters smuggled into copy', () => {
    const text = plain(makeReport({ findings: [finding('term-avoid', { source: 'a.html', excerpt: 'Buy \u202Enow\u001b[2J cheap', message: 'Avoid "cheap"\u001b]0;pwned\u0007' })] }));
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain(`│ ${FSI}Buy \u202Enow\uFFFD[2J cheap${PDI}`); // the override ends at the isolate's end
  });
});

describe('coverage table', () => {
  it('aligns columns by what the terminal draws: ANSI takes none, CJK and emoji two', () => {
    const report = makeReport({
      channels: ['site', 'newsletter', 'x', 'インスタ'],
      coverage: {
        headline: { site: { status: 'present', score: 1 }, newsletter: { status: 'drift', score: 0.68 }, x: { status: 'negated', score: 0.9 }, インスタ: { status: 'unknown' } },
        '全場優惠🏃': { x: { status: 'missing' } },
        members: { site: { status: 'present' } },
      },
    });
    for (const text of [plain(report), colored(report)]) {
      const lines = stripAnsi(text).split('\n');
      const table = lines.slice(lines.indexOf('Coverage') + 1, lines.indexOf('Coverage') + 5);
      expect(table).toEqual([
        '  message     site    newsletter  x  インスタ',
        '  headline    ✓ 1.00  ~ 0.68      ¬  ?',
        '  全場優惠🏃                      ✗',
        '  members     ✓',
      ]);
    }
    expect(visibleWidth('全場優惠🏃')).toBe(10);
  });

  it('is left out when no message is required anywhere', () => {
    expect(plain(makeReport())).not.toContain('Coverage');
  });
});

describe('summary line', () => {
  const last = (text: string) => text.trimEnd().split('\n').at(-1);

  it('says passed with no problems', () => {
    expect(last(plain(makeReport({ summary: { errors: 0, warnings: 0, infos: 0, sources: 6, failedSources: 0, passed: true } })))).toBe(
      '✔ passed: no problems in 6 sources',
    );
  });

  it('counts problems that do not fail the run', () => {
    const summary = { errors: 0, warnings: 1, infos: 2, sources: 1, failedSources: 0, passed: true };
    expect(last(plain(makeReport({ summary })))).toBe('✔ passed: 3 problems (0 errors, 1 warning, 2 infos) in 1 source');
  });

  it('says failed with counts and unreadable sources', () => {
    const summary = { errors: 1, warnings: 0, infos: 1, sources: 6, failedSources: 2, passed: false };
    expect(last(plain(makeReport({ summary })))).toBe('✖ failed: 2 problems (1 error, 0 warnings, 1 info) in 6 sources, 2 unreadable');
    expect(last(colored(makeReport({ summary })))).toMatch(/^\u001b\[31m\u001b\[1m✖ failed/);
  });
});

describe('excerpts', () => {
  it('clips a long excerpt to about 100 characters around the highlight, cutting at spaces', () => {
    const excerpt = `${'Lorem ipsum dolor sit amet, '.repeat(6)}Returns within 14 days, no questions asked. ${'Consectetur adipiscing elit. '.repeat(6)}`;
    const start = excerpt.indexOf('14');
    const clip = clipExcerpt(excerpt, [start, start + 2]);
    expect(clip.hit).toBe('14');
    expect(clip.before.startsWith('…')).toBe(true);
    expect(clip.after.endsWith('…')).toBe(true);
    expect(clip.before).toMatch(/^…\S/);
    expect(clip.after).toMatch(/\S…$/);
    const shown = visibleWidth(clip.before + clip.hit + clip.after);
    expect(shown).toBeGreaterThan(80);
    expect(shown).toBeLessThanOrEqual(102);
    // Cut at spaces: every word shown is whole.
    const words = new Set(excerpt.split(' '));
    for (const word of (clip.before + clip.after).replace(/…/g, '').trim().split(' ')) expect(words).toContain(word);
  });

  it('leaves short excerpts alone and tolerates a highlight out of range', () => {
    expect(clipExcerpt('Free shipping', [5, 13])).toEqual({ before: 'Free ', hit: 'shipping', after: '' });
    expect(clipExcerpt('Free shipping', [9, 400])).toEqual({ before: 'Free ship', hit: 'ping', after: '' });
    expect(clipExcerpt('Free shipping', [8, 3])).toEqual({ before: '', hit: '', after: 'Free shipping' });
  });

  it('keeps a highlight longer than the budget whole at its start', () => {
    const clip = clipExcerpt(`Intro. ${'word '.repeat(40)}`, [7, 207]);
    expect(clip.before).toBe('…');
    expect(clip.hit).toBe('word '.repeat(40).slice(0, 99));
    expect(clip.after).toBe('…');
  });

  itShared('prints a real Japanese tweet on one line and never splits a character', () => {
    const tweets = JSON.parse(readFileSync(corpus('social/sferik-twitter/premium_search_url.json'), 'utf8')) as { results: Array<{ text: string }> };
    const tweet = tweets.results[0].text;
    const at = tweet.indexOf('Ruby Gem');
    const lines = plain(makeReport({ channels: ['x'], findings: [finding('term-variant', { channel: 'x', source: 'premium_search_url.json', excerpt: tweet, highlight: [at, at + 8] })] })).split('\n');
    const excerptLine = lines.find((l) => l.includes('│')) ?? '';
    expect(excerptLine).toContain('»Ruby Gem«');
    expect(excerptLine).toContain('PRが出てる https://t.co/5ei30Efome'); // the newline became a space
    expect(lines.some((l) => l.startsWith('https://'))).toBe(false);
  });

  itShared('cuts a real emoji-laden Mastodon post only between graphemes, wherever the highlight lies', () => {
    const statuses = JSON.parse(readFileSync(corpus('social/rtoot-mastodon/timeline_public_mastodon_social.json'), 'utf8')) as Array<{ content: string }>;
    const post = statuses.map((s) => s.content.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).find((t) => t.startsWith('Limited stock alert')) ?? '';
    expect(post).toContain('🚨 ⬇️⬇️⬇️');
    // Without spaces nothing lets a cut slide to a word boundary, so cuts land inside the emoji run.
    const dense = post.replace(/ /g, '').repeat(3);
    const torn = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|^\uFE0F/;
    let cutsInsideEmoji = 0;
    for (let at = 0; at < dense.length; at++) {
      for (const max of [9, 10, 11, 12]) {
        const clip = clipExcerpt(dense, [at, at + 1], max);
        for (const piece of [clip.before.replace(/^…/, ''), clip.hit, clip.after.replace(/…$/, '')]) expect(piece).not.toMatch(torn);
        expect(dense).toContain(clip.before.replace(/^…/, '') + clip.hit + clip.after.replace(/…$/, ''));
        if (/[⬇🚨]\uFE0F?…$/u.test(clip.after)) cutsInsideEmoji++;
      }
    }
    expect(cutsInsideEmoji).toBeGreaterThan(10);
    // A highlight starting between an arrow and its variation selector takes the whole arrow.
    const mid = dense.indexOf('⬇️') + 1;
    expect(clipExcerpt(dense, [mid, mid + 1]).hit).toBe('⬇️');
  });

  it('measures width by what a terminal draws', () => {
    expect(visibleWidth('\u001b[31m✖ error\u001b[39m')).toBe(7);
    expect(visibleWidth(`${FSI}שלום${PDI}`)).toBe(4);
    expect(visibleWidth('セール')).toBe(6);
    expect(visibleWidth('🚨 ⬇️')).toBe(5);
    expect(visibleWidth('e\u0301')).toBe(1); // e + combining accent
    expect(visibleWidth('☕ sale')).toBe(7); // emoji inside the BMP, on the fast path
  });
});

describe('scale', () => {
  it('prints every finding of a large report once, on a line of its own', () => {
    const many = (n: number) =>
      makeReport({
        channels: Array.from({ length: 20 }, (_, i) => `ch${i}`),
        findings: Array.from({ length: n }, (_, i) =>
          finding('term-avoid', {
            channel: `ch${i % 20}`,
            source: `page-${i % 300}.html`,
            excerpt: `${'Wörter ’ '.repeat(20)}cheap 🌸 ${'more '.repeat(30)}`,
            highlight: [180, 185],
            location: { part: 'body', line: i + 1, column: 3 },
          }),
        ),
      });
    // Output grows with the findings and nothing else (the cost is measured in the benchmark).
    const lines = (report: Report) => colored(report).split('\n').filter((line) => line.includes('term-avoid') && !line.includes('docs/rules/')).length;
    expect(lines(many(1000))).toBe(1000);
    expect(lines(many(4000))).toBe(4000);
  });
});

describe('formatReport pretty', () => {
  it('is the pretty formatter by name', () => {
    expect(formatReport('pretty', smallReport(), { color: false })).toBe(plain(smallReport()));
  });
});
