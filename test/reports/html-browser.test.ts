// The review page as a reader sees it, in a real headless Chromium: the verdict, coloured
// matrix cells, a finding, filtering, a Hebrew excerpt laid out right to left, print layout,
// and not one request beyond the file itself. Leaves a screenshot in test-artifacts/.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Report } from '../../src/findings/types.js';
import { formatHtml } from '../../src/reports/html.js';

// Debian's package (the CI installs it with apt-get); overridable for other machines.
const CHROMIUM = process.env.STOREFRONT_CHROMIUM ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium's own connections are refused on the CI
// machines and launching stalls.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const screenshot = path.join(root, 'test-artifacts/html-report.png');
const available = existsSync(CHROMIUM);

// Page functions run inside Chromium; the project compiles without the DOM lib, so the few
// browser globals they use are declared here, for this module only.
interface Range {
  setStart(node: unknown, offset: number): void;
  setEnd(node: unknown, offset: number): void;
  getBoundingClientRect(): { left: number };
}
declare const getComputedStyle: (element: unknown) => { getPropertyValue(name: string): string };
declare const document: { createRange(): Range };

/** A CSS property as the browser computed it for the (first) element the locator finds. */
const computed = (locator: Locator, property: string) => locator.first().evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);

const HEBREW = 'מבצע: 30% הנחה על כל הנעליים';

/** The example campaign plus what it lacks: a Hebrew source with a drift, and a missing cell. */
async function reviewReport(): Promise<Report> {
  const example = await check('fixtures/example/storefront.yaml', { offline: true, cwd: root });
  const source = 'social/instagram-he.csv';
  return {
    ...example,
    summary: { ...example.summary, warnings: example.summary.warnings + 1, sources: example.summary.sources + 1 },
    sources: [...example.sources, { id: source, channel: 'instagram', kind: 'social', status: 'ok', language: 'he' }],
    findings: [
      ...example.findings,
      {
        rule: 'message-drift',
        severity: 'warning',
        channel: 'instagram',
        source,
        subject: 'headline',
        expected: 'Spring Sale: 30% off all running shoes',
        found: HEBREW,
        excerpt: HEBREW,
        highlight: [6, 14],
        location: { part: 'post', line: 2, column: 1 },
        message: 'Key message "headline" is reworded (similarity 0.41, needs 0.75)',
      },
    ],
    coverage: { ...example.coverage, 'spring-hebrew': { site: { status: 'missing' }, instagram: { status: 'drift', score: 0.41, source } } },
  };
}

if (!available && process.env.CI) {
  it(`has Chromium at ${CHROMIUM} (CI installs it with apt-get)`, () => {
    expect.fail(`${CHROMIUM} is missing; the HTML report cannot be checked in a browser`);
  });
}

const title = available ? 'the HTML report in Chromium' : `the HTML report in Chromium: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`;

describe.skipIf(!available)(title, { timeout: 30_000 }, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let fileUrl: string;
  let report: Report;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    report = await reviewReport();
    dir = mkdtempSync(path.join(tmpdir(), 'storefront-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, formatHtml(report, { color: false }));
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(fileUrl);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the verdict and the counts', async () => {
    await expect(page.locator('.verdict strong').innerText()).resolves.toBe('✖ Failed');
    const counts = await page.locator('.verdict .counts li').allInnerTexts();
    expect(counts).toEqual([`${report.summary.errors} errors`, `${report.summary.warnings} warnings`, '0 infos', '6 sources: 6 read, 0 failed']);
  });

  it('colours matrix cells by status, and spells the status out', async () => {
    const cell = (message: string, channel: string) =>
      page
        .locator('table.matrix tbody tr')
        .nth(Object.keys(report.coverage).indexOf(message))
        .locator('td')
        .nth(report.channels.indexOf(channel));
    const present = cell('headline', 'site');
    const missing = cell('spring-hebrew', 'site');
    const drift = cell('headline', 'instagram');
    await expect(present.innerText()).resolves.toMatch(/^✓ present 1\.00/);
    await expect(missing.innerText()).resolves.toBe('✗ missing');
    await expect(drift.innerText()).resolves.toMatch(/^~ drift 0\.68/);
    const colours = await Promise.all([present, missing, drift].map((cell) => computed(cell, 'background-color')));
    expect(new Set(colours).size).toBe(3);
    expect(colours).not.toContain('rgba(0, 0, 0, 0)'); // tinted, so the style sheet was allowed to apply
  });

  it('shows a finding with its wrong value marked in the sentence', async () => {
    const card = page.locator('article.card', { hasText: 'Go Pro for just' });
    await expect(card.locator('h3').innerText()).resolves.toBe('"pro-price" is 49.99 USD in the spec, but "$59.99" here');
    await expect(card.locator('mark').innerText()).resolves.toBe('$59.99');
    await expect(card.locator('mark').isVisible()).resolves.toBe(true);
    await expect(card.innerText()).resolves.toContain('email/launch.eml:37:20');
  });

  it('filters the cards by channel, severity and rule', async () => {
    const visibleChannels = () => page.locator('article.card:visible').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-channel')));
    await expect(page.locator('form#filters').isVisible()).resolves.toBe(true);
    await expect(visibleChannels()).resolves.toHaveLength(report.findings.length);

    await page.selectOption('select[name=channel]', 'x');
    const onX = report.findings.filter((f) => f.channel === 'x').length;
    await expect(visibleChannels()).resolves.toEqual(Array(onX).fill('x'));
    await expect(page.locator('#shown').innerText()).resolves.toBe(`Showing ${onX} of ${report.findings.length} findings`);

    await page.selectOption('select[name=severity]', 'warning');
    await expect(visibleChannels()).resolves.toEqual([]); // x has errors only

    await page.click('button[type=reset]');
    await page.selectOption('select[name=rule]', 'message-drift');
    await expect(visibleChannels()).resolves.toEqual(['instagram', 'instagram']);

    // Printed, the filters disappear and every finding is on paper.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('form#filters').isVisible()).resolves.toBe(false);
    await expect(page.locator('article.card:visible').count()).resolves.toBe(report.findings.length);
    await expect(computed(page.locator('article.card'), 'break-inside')).resolves.toBe('avoid');
    await page.emulateMedia({ media: 'screen' });
    await page.click('button[type=reset]');
    await expect(visibleChannels()).resolves.toHaveLength(report.findings.length);
  });

  it('leads from a matrix cell to the finding that explains it, even through a filter that hides it', async () => {
    await page.selectOption('select[name=channel]', 'x');
    const link = page.locator('table.matrix td.st-drift a').first();
    const card = page.locator((await link.getAttribute('href'))!);
    await expect(card.getAttribute('data-rule')).resolves.toBe('message-drift');
    await expect(card.isVisible()).resolves.toBe(false);
    await link.click();
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await expect(page.locator('select[name=channel]').inputValue()).resolves.toBe('');
    await page.click('button[type=reset]');
  });

  it('shows the facts × channels matrix: values with their places, tinted by status, a differing cell leading to its card', async () => {
    const rows = page.locator('table.fact-matrix tbody tr');
    await expect(rows.count()).resolves.toBe(report.facts!.length);
    const cell = (fact: string, channel: string) => page.locator(`table.fact-matrix tbody tr[data-fact="${fact}"] td`).nth(1 + report.channels.indexOf(channel));
    const agrees = cell('pro-price', 'site');
    const differs = cell('pro-price', 'newsletter');
    const unasked = cell('pro-price', 'x');
    await expect(agrees.innerText()).resolves.toMatch(/^✓ agrees\n49\.99 USD site\/spring\.html:\d+/);
    await expect(differs.innerText()).resolves.toBe('✗ differs\n59.99 USD email/launch.eml:37');
    await expect(unasked.innerText()).resolves.toBe('— not required');
    const colours = await Promise.all([agrees, differs, unasked].map((c) => computed(c, 'background-color')));
    expect(new Set(colours).size).toBe(3);
    // The value channels state differently with no fact covering it is a row too.
    await expect(page.locator('table.fact-matrix tr[data-from="cross-channel"] th').innerText()).resolves.toContain('(no fact in the spec)');
    const link = differs.locator('a');
    const card = page.locator((await link.getAttribute('href'))!);
    await expect(card.getAttribute('data-rule')).resolves.toBe('fact-mismatch');
    await link.click();
    await card.waitFor({ state: 'visible', timeout: 5000 });
  });

  it('shows every finding and no dead controls when scripts are off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      await plain.goto(fileUrl);
      await expect(plain.locator('form#filters').isVisible()).resolves.toBe(false);
      await expect(plain.locator('article.card:visible').count()).resolves.toBe(report.findings.length);
      await expect(plain.locator('#shown').innerText()).resolves.toBe(`${report.findings.length} findings`);
    } finally {
      await context.close();
    }
  });

  it('never runs or loads what hostile copy contains', async () => {
    const hostile = '</blockquote><script>window.pwned = 1</script><img src="http://127.0.0.1:9/x.png" onerror="window.pwned = 2">';
    const findings = report.findings.map((f, i) => (i === 0 ? { ...f, excerpt: hostile, highlight: undefined, message: hostile, found: hostile } : f));
    const dir2 = mkdtempSync(path.join(tmpdir(), 'storefront-html-'));
    const file = path.join(dir2, 'hostile.html');
    writeFileSync(file, formatHtml({ ...report, campaign: hostile, findings }, { color: false }));
    const other = await browser.newPage();
    const seen: string[] = [];
    other.on('request', (request) => seen.push(request.url()));
    try {
      await other.goto(pathToFileURL(file).href);
      await expect(other.evaluate('window.pwned')).resolves.toBeUndefined();
      await expect(other.locator('article.card').first().locator('h3').innerText()).resolves.toBe(hostile);
      await expect(other.locator('img').count()).resolves.toBe(0);
      expect(seen).toEqual([pathToFileURL(file).href]);
    } finally {
      await other.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('lays out a Hebrew excerpt right to left, and English ones left to right', async () => {
    const hebrew = page.locator('.excerpt', { hasText: 'מבצע' });
    const english = page.locator('.excerpt', { hasText: 'Go Pro for just' });
    await expect(computed(hebrew, 'direction')).resolves.toBe('rtl');
    await expect(computed(english, 'direction')).resolves.toBe('ltr');
    await expect(hebrew.getAttribute('lang')).resolves.toBe('he');
    await expect(hebrew.locator('mark').innerText()).resolves.toBe('30% הנחה');
    // Drawn, not only declared: the first word in reading order sits right of the last one.
    const [first, last] = await hebrew.evaluate((el) => {
      const box = (node: unknown, from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect().left;
      };
      const start = el.firstChild!;
      const end = el.lastChild!;
      return [box(start, 0, 1), box(end, end.textContent!.length - 1, end.textContent!.length)];
    });
    expect(first).toBeGreaterThan(last);
    // The labels around the copy keep their place: "Found" still stands left of its value.
    const card = page.locator('article.card', { hasText: 'מבצע' });
    const found = card.locator('dd.found');
    await expect(computed(found, 'direction')).resolves.toBe('rtl');
    const label = await card.locator('dt', { hasText: 'Found' }).boundingBox();
    const value = await found.boundingBox();
    expect(label!.x + label!.width).toBeLessThanOrEqual(value!.x);
  });

  it('made no request but the file itself, ran without errors, and leaves a screenshot', async () => {
    mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(existsSync(screenshot)).toBe(true);
    expect(requests).toEqual([fileUrl]);
    expect(consoleErrors).toEqual([]); // a CSP violation would be logged here
  });
});
