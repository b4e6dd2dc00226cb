// init on campaigns built at test time from real public copy (../shared/corpus, never copied
// into the repo): a Polish promotion page with its confirmation mail, a Hebrew landing page
// with a Hebrew shop's mail, each with a social post written here. The draft is made while
// the copy is right; then the post drifts, and check must find that and nothing on the page.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { describeShared, itShared, sharedPath } from '../support/shared.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/storefront.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Campaign {
  language: string;
  page: string;
  mail: string;
  post: string;
  drifted: string;
}

function draftThenDrift(campaign: Campaign) {
  const work = mkdtempSync(path.join(tmpdir(), 'storefront-init-corpus-'));
  for (const dir of ['site', 'email', 'social']) mkdirSync(path.join(work, dir));
  const page = `site/${path.basename(campaign.page)}`;
  const mail = `email/${path.basename(campaign.mail)}`;
  copyFileSync(sharedPath('corpus', campaign.page), path.join(work, page));
  copyFileSync(sharedPath('corpus', campaign.mail), path.join(work, mail));
  writeFileSync(path.join(work, 'social/facebook.txt'), campaign.post);
  const drafted = run(['init', page, mail, 'social/facebook.txt', '--language', campaign.language, '--year', '2026'], work);
  expect(drafted.code).toBe(0);
  const before = JSON.parse(run(['check', 'storefront.yaml', '--format', 'json'], work).stdout).findings as Finding[];
  writeFileSync(path.join(work, 'social/facebook.txt'), campaign.drifted);
  const after = JSON.parse(run(['check', 'storefront.yaml', '--format', 'json'], work).stdout).findings as Finding[];
  rmSync(work, { recursive: true, force: true });
  return { page, before, after };
}

interface Finding {
  rule: string;
  channel: string;
  source?: string;
  subject?: string;
  found?: string;
}

describeShared('init on corpus campaigns', { timeout: 180_000 }, () => {
  itShared('Polish: the Russell Hobbs anniversary page, its mail and a post', () => {
    const { page, before, after } = draftThenDrift({
      language: 'pl',
      page: 'web/70latrussellhobbs/index.html',
      mail: 'email/70latrussellhobbs/potwierdzenie.eml',
      post: 'Kup produkty Russell Hobbs za min. 299 zł u jednego z partnerów akcji i odbierz gratis!\nZarejestruj kupione produkty w ciągu 7 dni od zakupu za pomocą formularza zgłoszeniowego.\n',
      // The minimum spend changed, and the registration sentence dropped.
      drifted: 'Kup produkty Russell Hobbs za min. 199 zł u jednego z partnerów akcji i odbierz gratis!\n',
    });
    expect(before.filter((f) => f.source === page)).toEqual([]);
    expect(before.filter((f) => f.channel === 'facebook' && f.rule !== 'message-drift')).toEqual([]);
    expect(after.filter((f) => f.source === page)).toEqual([]);
    const found = after.filter((f) => f.channel === 'facebook').map((f) => `${f.rule} ${f.found ?? f.subject}`);
    expect(found).toContain('fact-mismatch 199.00 PLN');
    expect(found.filter((f) => f.startsWith('message-missing')).length).toBeGreaterThan(0);
  });

  itShared('Hebrew: the Scale App landing page, a shop mail and a post', () => {
    const { page, before, after } = draftThenDrift({
      language: 'he',
      page: 'web/scaleapp-site/he/index.html',
      mail: 'email/chipi/welcome.html',
      post: 'ירידה במשקל ויישום אורח חיים בריא הופכים למטרה אפשרית עם Scale App.\nכמחצית מאוכלוסיית ישראל (49%) נמצאת במצב של עודף משקל או השמנה.\n',
      // The share changed, and the first sentence now says the opposite.
      drifted: 'ירידה במשקל ויישום אורח חיים בריא אינם הופכים למטרה אפשרית עם Scale App.\nכמחצית מאוכלוסיית ישראל (59%) נמצאת במצב של עודף משקל או השמנה.\n',
    });
    expect(before.filter((f) => f.source === page)).toEqual([]);
    expect(before.filter((f) => f.channel === 'facebook')).toEqual([]);
    expect(after.filter((f) => f.source === page)).toEqual([]);
    const found = after.filter((f) => f.channel === 'facebook').map((f) => `${f.rule} ${f.found ?? f.subject}`);
    expect(found).toContain('fact-mismatch 59');
    expect(found.some((f) => /^message-(negated|drift|missing) /.test(f))).toBe(true);
  });
});
