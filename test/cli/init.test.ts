// `storefront init` end to end: draft a spec from the example's page (the truth) and its
// other channels, then check with it — the draft must find the example's deliberate drifts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');
const SOURCES = ['site/spring.html', 'email/launch.eml', 'email/reminder.mjml', 'social/x-posts.json', 'social/instagram.csv'];

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storefront-init-'));
  cpSync(path.join(root, 'fixtures/example'), dir, { recursive: true });
  rmSync(path.join(dir, 'storefront.yaml'));
  const drafted = run(['init', ...SOURCES, '--year', '2026'], dir);
  expect(drafted.stderr).toBe('storefront: drafted storefront.yaml: review it, then run storefront check storefront.yaml\n');
  expect(drafted.code).toBe(0);
}, 120_000);

describe('storefront init on the example campaign', { timeout: 120_000 }, () => {
  it('drafts the campaign, channels, messages, facts with near words, and brand terms from the page', () => {
    const spec = parse(readFileSync(path.join(dir, 'storefront.yaml'), 'utf8'));
    expect(spec.campaign).toBe('Spring Sale: 30% off all running shoes');
    expect(spec.channels).toEqual({
      site: { kind: 'web', sources: ['site/spring.html'] },
      newsletter: { kind: 'email', sources: ['email/launch.eml', 'email/reminder.mjml'] },
      x: { kind: 'social', platform: 'x', sources: ['social/x-posts.json'] },
      instagram: { kind: 'social', platform: 'instagram', sources: ['social/instagram.csv'] },
    });
    expect(spec.messages[0]).toEqual({ id: 'headline', text: 'Spring Sale: 30% off all running shoes' });
    expect(spec.messages.map((m: { text: string }) => m.text)).toContain('Free shipping on orders over $50');
    const facts = Object.fromEntries(spec.facts.map((f: { id: string; type: string; value: unknown; near?: string[] }) => [f.id, [f.type, f.value, f.near]]));
    expect(facts).toMatchObject({
      discount: ['percent', 30, ['off']],
      'pro-price': ['money', '49.99 USD', ['Pro']],
      'promo-code': ['code', 'SPRING30', undefined],
      landing: ['url', 'https://runfast.example/spring', undefined],
    });
    expect(Object.values(facts)).toContainEqual(['date', '2026-04-30', ['until', 'ends']]);
    // The struck-through $69.99 and the "regular price" $129.99 are not statements: no facts.
    expect(JSON.stringify(spec.facts)).not.toMatch(/69\.99|129\.99/);
    expect(spec.terms).toEqual([
      { use: 'RunFast', instead_of: ['Run Fast', 'Runfast', 'Run-Fast'] },
      { require: 'Unsubscribe', channels: ['newsletter'] },
    ]);
  });

  it('explains itself in comments for the reviewer', () => {
    const text = readFileSync(path.join(dir, 'storefront.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toContain('# Stated as: "RunFast Pro is just $49.99 a month $69.99, with weekly coaching plans."');
  });

  it('gives a spec that check accepts and that finds the deliberate drifts in the other channels', () => {
    const checked = run(['check', 'storefront.yaml', '--format', 'json'], dir);
    expect(checked.code).toBe(1);
    const findings = (JSON.parse(checked.stdout).findings as Array<{ rule: string; channel: string; found?: string }>).map((f) => `${f.rule} ${f.channel} ${f.found ?? ''}`);
    expect(findings).toEqual(
      expect.arrayContaining([
        'fact-mismatch newsletter 59.99 USD',
        'term-variant newsletter Run Fast',
        'message-negated newsletter Shipping is not free on orders over $50',
        'fact-mismatch x SPRNG30',
        'length-exceeded x 369',
        'cross-channel-conflict newsletter 14',
        expect.stringMatching(/^message-drift instagram Spring deals are here/),
      ]),
    );
    // Nothing is reported on the page the spec was drafted from.
    expect(findings.filter((f) => f.includes(' site '))).toEqual([]);
  });

  it('never overwrites a spec unless --force', () => {
    const before = readFileSync(path.join(dir, 'storefront.yaml'), 'utf8');
    const again = run(['init', 'site/spring.html'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('storefront: storefront.yaml already exists: give --force to overwrite it, or --output another file\n');
    expect(readFileSync(path.join(dir, 'storefront.yaml'), 'utf8')).toBe(before);
    expect(run(['init', 'site/spring.html', '--force', '--year', '2026'], dir).code).toBe(0);
  });

  it('writes a commented skeleton when given no copy, and refuses an unreadable source in one line', () => {
    const skeleton = run(['init', '--output', '-'], dir);
    expect(skeleton.code).toBe(0);
    writeFileSync(path.join(dir, 'skeleton.yaml'), skeleton.stdout);
    expect(run(['check', 'skeleton.yaml', '--offline'], dir).code).toBe(1);
    const missing = run(['init', 'site/nope.html', '--output', 'other.yaml'], dir);
    expect(missing).toMatchObject({ code: 2, stdout: '', stderr: 'storefront: site/nope.html: file not found\n' });
  });
});

describe('storefront init on the Polish example', { timeout: 120_000 }, () => {
  it('drafts Polish facts with Polish near words, no YAML aliases, and finds the wrong price and end date', () => {
    const pl = mkdtempSync(path.join(tmpdir(), 'storefront-init-pl-'));
    cpSync(path.join(root, 'fixtures/example-pl'), pl, { recursive: true });
    rmSync(path.join(pl, 'storefront.yaml'));
    const drafted = run(['init', 'sklep/wiosna.html', 'email/start.eml', 'email/przypomnienie.eml', 'social/facebook.txt', '--language', 'pl', '--year', '2026'], pl);
    expect(drafted.code).toBe(0);
    const text = readFileSync(path.join(pl, 'storefront.yaml'), 'utf8');
    expect(text).not.toMatch(/[&*]a\d/);
    const spec = parse(text);
    expect(spec.language).toBe('pl');
    const facts = Object.fromEntries(spec.facts.map((f: { id: string; value: unknown; near?: string[] }) => [f.id, [f.value, f.near]]));
    expect(facts).toMatchObject({ discount: [30, ['taniej']], 'pro-price': ['49.99 PLN', ['Pro']], 'promo-code': ['WIOSNA30', undefined] });
    expect(Object.values(facts)).toContainEqual(['2026-04-30', ['do']]);
    const checked = run(['check', 'storefront.yaml', '--format', 'json'], pl);
    const findings = (JSON.parse(checked.stdout).findings as Array<{ rule: string; channel: string; found?: string }>).map((f) => `${f.rule} ${f.channel} ${f.found ?? ''}`);
    expect(findings).toEqual(expect.arrayContaining(['fact-mismatch newsletter 59.99 PLN', 'fact-mismatch newsletter 2026-05-31']));
  }, 120_000);
});

// The authoring loop's promise: a draft from copy that is right reports nothing on that copy
// and finds every deliberate drift the example campaigns carry (their spec headers list them).
const EXAMPLES = [
  {
    name: 'example',
    language: 'en',
    sources: SOURCES,
    drifts: [
      'fact-mismatch newsletter 59.99 USD',
      'term-variant newsletter Run Fast',
      'message-negated newsletter Shipping is not free on orders over $50',
      'fact-mismatch x SPRNG30',
      'length-exceeded x 369',
      'cross-channel-conflict newsletter 14',
      'message-drift instagram Spring deals are here 🌸 Take 30% off your next running shoes',
    ],
  },
  {
    name: 'example-pl',
    language: 'pl',
    sources: ['sklep/wiosna.html', 'email/start.eml', 'email/przypomnienie.eml', 'social/facebook.txt'],
    drifts: [
      'fact-mismatch newsletter 59.99 PLN',
      'fact-mismatch newsletter 2026-05-31',
      'message-negated newsletter dostawa nie jest darmowa przy zamówieniach powyżej 200 zł',
      'message-drift facebook Wiosenne promocje już są 🌸 Buty biegowe',
      'message-drift facebook Darmowa dostawa przy zamowieniach powyzej 200 zl',
      'term-variant facebook Lesny Bieg',
    ],
  },
  {
    name: 'example-he',
    language: 'he',
    sources: ['site/aviv.html', 'email/hashaka.eml', 'email/tizkoret.html', 'social/instagram.csv', 'social/x-en.json'],
    drifts: [
      'fact-mismatch newsletter 59.90 ILS',
      'term-variant newsletter Run Fast',
      'message-drift instagram האביב כבר כאן 🌸 נעלי ריצה',
      'message-negated instagram המשלוח אינו חינם בהזמנה מעל 200 ש"ח',
      'fact-mismatch instagram 2026-05-31',
    ],
  },
];

describe.each(EXAMPLES)('init then check on $name', { timeout: 120_000 }, ({ name, language, sources, drifts }) => {
  it('reports nothing on the truth source and every deliberate drift elsewhere', () => {
    const work = mkdtempSync(path.join(tmpdir(), `storefront-init-${name}-`));
    cpSync(path.join(root, 'fixtures', name), work, { recursive: true });
    rmSync(path.join(work, 'storefront.yaml'));
    expect(run(['init', ...sources, '--language', language, '--year', '2026'], work).code).toBe(0);
    const checked = run(['check', 'storefront.yaml', '--format', 'json'], work);
    const findings = JSON.parse(checked.stdout).findings as Array<{ rule: string; channel: string; source?: string; found?: string }>;
    expect(findings.filter((f) => f.source === sources[0])).toEqual([]);
    expect(findings.map((f) => `${f.rule} ${f.channel} ${f.found ?? ''}`)).toEqual(expect.arrayContaining(drifts));
    rmSync(work, { recursive: true, force: true });
  });
});

describe('init drafts near words that tell facts of one type apart', { timeout: 120_000 }, () => {
  it('never gives two prices the same word, so each claims its own value', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'storefront-init-club-'));
    writeFileSync(
      path.join(work, 'page.html'),
      `<html><head><title>BoxClub</title></head><body><main><h1>Join the Club</h1>
<p>Club members pay $19 for the first box.</p><p>After that, it's $24 a box for Club members, delivered monthly.</p>
<p>Club gift cards start at $50.</p></main></body></html>`,
    );
    writeFileSync(path.join(work, 'linkedin.txt'), "Club members pay $19 for the first box. After that, it's $29 a box for Club members.\n");
    expect(run(['init', 'page.html', 'linkedin.txt', '--year', '2026'], work).code).toBe(0);
    const spec = parse(readFileSync(path.join(work, 'storefront.yaml'), 'utf8'));
    const money = (spec.facts as Array<{ type: string; near?: string[] }>).filter((f) => f.type === 'money');
    const words = money.flatMap((f) => (f.near ?? []).map((w) => w.toLowerCase()));
    expect(words).not.toContain('club');
    expect(new Set(words).size).toBe(words.length);
    const findings = JSON.parse(run(['check', 'storefront.yaml', '--format', 'json'], work).stdout).findings as Array<{ rule: string; source?: string; found?: string }>;
    expect(findings.filter((f) => f.source === 'page.html')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'fact-mismatch').map((f) => `${f.source} ${f.found}`)).toEqual(['linkedin.txt 29.00 USD']);
    rmSync(work, { recursive: true, force: true });
  });
});
