// Inline disables: a finding accepted where it lives, in every format that can carry a
// comment (web page, mail HTML, MJML) and as a trailing marker line of a plain-text post.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Finding } from '../../src/findings/types.js';

const SPEC = `version: 1
campaign: Inline
channels:
  site:
    kind: web
    sources: [page.html]
  newsletter:
    kind: email
    sources: [mail.html, reminder.mjml]
  linkedin:
    kind: social
    sources: [posts.txt]
terms:
  - avoid: [guaranteed]
  - use: RunFast
    instead_of: [Run Fast]
`;

const PAGE = `<html><body><main>
<!-- storefront-disable term-avoid -- legal approved this claim for the spring page -->
<p>Results guaranteed.</p>
<!-- storefront-enable -->
<p>Fit guaranteed too.</p>
<!-- storefront-disable-next-line term-variant -->
<p>Run Fast, the team.</p>
<!-- storefront-disable-next-line message-drift -- nothing to drift here -->
<p>Plain copy.</p>
</main></body></html>
`;

const MAIL = `<html><body>
<!-- storefront-disable-next-line term-avoid -- quoted from a customer review -->
<p>"Comfort guaranteed," says Ana.</p>
<p>Delivery guaranteed.</p>
</body></html>
`;

const MJML = `<mjml><mj-body><mj-section><mj-column>
<!-- storefront-disable term-variant -->
<mj-text>Run Fast is back.</mj-text>
</mj-column></mj-section></mj-body></mjml>
`;

const POSTS = `Results guaranteed, every run.
storefront-disable term-avoid -- the post quotes our ad
---
Run Fast with us.
---
A post with nothing to accept.
storefront-disable term-avoid
`;

let findings: Finding[];
beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-inline-'));
  for (const [name, text] of Object.entries({ 'storefront.yaml': SPEC, 'page.html': PAGE, 'mail.html': MAIL, 'reminder.mjml': MJML, 'posts.txt': POSTS })) writeFileSync(path.join(dir, name), text);
  findings = (await check('storefront.yaml', { cwd: dir, offline: true, today: '2026-04-01' })).findings;
}, 60_000);

const line = (f: Finding) => `${f.rule} ${f.source}:${f.location?.line ?? '-'} ${f.suppressed ? `suppressed(${f.suppressed.reason})` : f.severity}`;

describe('inline storefront-disable comments', () => {
  it('accept findings in their range on a web page, with the reason when given', () => {
    expect(findings.filter((f) => f.source === 'page.html').map(line)).toEqual([
      'term-avoid page.html:3 suppressed(legal approved this claim for the spring page)',
      'term-avoid page.html:5 warning',
      'term-variant page.html:7 suppressed(accepted by an inline storefront-disable comment)',
      'exception-unused page.html:8 warning',
    ]);
  });

  it('work in mail HTML and MJML', () => {
    expect(findings.filter((f) => f.source === 'mail.html').map(line)).toEqual(['term-avoid mail.html:3 suppressed(quoted from a customer review)', 'term-avoid mail.html:4 warning']);
    expect(findings.filter((f) => f.source === 'reminder.mjml').map(line)).toEqual(['term-variant reminder.mjml:3 suppressed(accepted by an inline storefront-disable comment)']);
  });

  it("take a plain-text post's trailing marker line for that post only, and never read it as copy", () => {
    expect(findings.filter((f) => f.source === 'posts.txt').map(line)).toEqual([
      'term-avoid posts.txt:1 suppressed(the post quotes our ad)',
      'term-variant posts.txt:4 warning',
      'exception-unused posts.txt:7 warning',
    ]);
    expect(findings.some((f) => f.excerpt?.includes('storefront-disable'))).toBe(false);
  });

  it('report an unused comment like an unused exception, at the comment', () => {
    const unused = findings.find((f) => f.rule === 'exception-unused' && f.source === 'page.html')!;
    expect(unused.message).toBe('The inline storefront-disable for message-drift (lines 9–9) matched no finding: remove it, or correct its rules');
    expect(unused.location).toEqual({ part: 'comment', line: 8, column: 1 });
  });
});
