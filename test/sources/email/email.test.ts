import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locate, type Part, type Position } from '../../../src/documents/types.js';
import { readEml, readEmailHtml, readEmailText, readMjml } from '../../../src/sources/email/email.js';
import { SourceError, type SourceInput } from '../../../src/sources/types.js';
import { sourceError } from '../../helpers.js';
import { describeShared, hasShared, sharedPath } from '../../support/shared.js';

const corpusDir = sharedPath('corpus', 'email');
const corpus = (file: string) => path.join(corpusDir, file);
const fixture = (file: string) => fileURLToPath(new URL(`../../fixtures/email/${file}`, import.meta.url));

function input(file: string, bytes: Uint8Array = readFileSync(file)): SourceInput {
  return { id: path.basename(file), name: path.basename(file), bytes, kind: 'email' };
}
const eml = (file: string) => readEml(input(file));
const fromString = (text: string, encoding: BufferEncoding = 'utf8') => readEml(input('inline.eml', Buffer.from(text, encoding)));
const texts = (parts: Part[]) => parts.map((p) => p.text);
const find = (parts: Part[], text: string) => parts.filter((p) => p.text.includes(text));
const one = (parts: Part[], text: string) => {
  const found = find(parts, text);
  expect(found, `parts containing "${text}"`).toHaveLength(1);
  return found[0];
};
/** The file's text from a position on, to check that an anchor points at the copy. */
function fileAt(file: string, position: Position | undefined, encoding: BufferEncoding = 'latin1'): string {
  expect(position).toBeDefined();
  const line = readFileSync(file, encoding).split('\n')[position!.line - 1] ?? '';
  return line.slice(position!.column - 1);
}
const positionOf = (part: Part, text: string) => locate(part, part.text.indexOf(text));

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .sort();
}

describeShared('readEml on the corpus', () => {
  const subjects: Record<string, string> = {
    'mikel-mail/bad_subject.eml': 'MySurvey.com: You have a survey waiting! 91123105',
    'mikel-mail/content_transfer_encoding_7-bit.eml': 'Discover(R) Card News Online - January 2002',
    'mikel-mail/content_transfer_encoding_with_8bits.eml': 'The Original Advantage #e13011',
    'nodemailer-mailparser/spam.eml': '123.042 Euro pro Jahr GRARANTIERT von einer Bank! KOSTENLOS',
    'php-mime-mail-parser/issue230.eml': 'Scientific conferences, Bulgaria 2019',
    'spamscope-mail-parser/mail_test_10.eml': '*** ATTENZIONE *** - Modelli POWER7+ inclusi nella campagna Move To Eight',
    'spamscope-mail-parser/mail_test_13.eml': 'New Webinar: So, You Have A Disaster... Now What?',
    'spamscope-mail-parser/mail_test_5.eml': 'Je prépare mon été zéro complexe !',
    'spamscope-mail-parser/mail_test_6.eml': 'Быстрее вкладывайте в золото!',
    'spamscope-mail-parser/mail_test_8.eml': 'Have you ever wanted to land on an Aircraft Carrier',
  };

  /** The Subject header as written, when it is plain text (no encoded words) on one line. */
  const plainSubject = (file: string): string | undefined => {
    const header = /^Subject:[ \t]*(.*)$/im.exec(readFileSync(corpus(file), 'latin1').split(/\r?\n\r?\n/)[0])?.[1].trim();
    return header && !header.includes('=?') && /^[\x20-\x7e]+$/.test(header) ? header : undefined;
  };
  const emls = hasShared ? filesUnder(corpusDir, '.eml') : [];

  it('knows the subject of every .eml in the corpus: written in the table, or plain in its header', () => {
    expect(emls.length).toBeGreaterThanOrEqual(Object.keys(subjects).length);
    for (const file of Object.keys(subjects)) expect(emls).toContain(file);
    expect(emls.filter((file) => !(file in subjects) && plainSubject(file) === undefined)).toEqual([]);
  });

  it.each(emls.filter((file) => !(file in subjects)))('reads %s with the subject its header says, first', async (file) => {
    const parts = await eml(corpus(file));
    expect(parts[0]).toMatchObject({ role: 'subject', text: plainSubject(file) });
    expect(parts.filter((p) => p.role !== 'subject').length).toBeGreaterThan(0);
  });

  it.each(Object.entries(subjects))('reads %s with its subject and body copy', async (file, subject) => {
    const parts = await eml(corpus(file));
    expect(parts[0]).toMatchObject({ role: 'subject', text: subject });
    expect(parts.filter((p) => p.role !== 'subject').length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(part.text).toBe(part.text.replace(/\s+/g, ' ').trim());
      expect(part.text).not.toBe('');
    }
  });

  it('anchors every part on its own text in the file (QP escapes: on the "=")', async () => {
    const files = [...filesUnder(corpusDir, '.eml'), ...filesUnder(corpusDir, '.mjml')];
    let checked = 0;
    for (const file of files) {
      const full = corpus(file);
      const parts = file.endsWith('.mjml') ? readMjml(input(full)) : await eml(full);
      const lines = readFileSync(full, 'utf8').split('\n');
      // Encoded-word subjects (=?utf-8?Q?…) are anchored at the start of the encoded value.
      for (const part of parts.filter((p) => !(p.role === 'subject' && p.anchors[0] && lines[p.anchors[0].line - 1].includes('=?')))) {
        for (const anchor of part.anchors) {
          const char = part.text[anchor.at];
          if (!/[A-Za-z0-9]/.test(char)) continue;
          expect([char, '='], `${file} ${part.role} "${part.text.slice(anchor.at, anchor.at + 20)}"`).toContain(lines[anchor.line - 1][anchor.column - 1]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(800);
  });

  it('anchors the subject at its header', async () => {
    const file = corpus('spamscope-mail-parser/mail_test_13.eml');
    const [subject] = await eml(file);
    expect(fileAt(file, subject.anchors[0])).toMatch(/^=\?utf-8\?Q\?New=20Webinar/);
  });

  it('reads the hidden preheader and the quoted-printable HTML of mail_test_13, anchored in the .eml', async () => {
    const file = corpus('spamscope-mail-parser/mail_test_13.eml');
    const parts = await eml(file);
    expect(parts.find((p) => p.role === 'preheader')?.text).toBe('Upcoming Webinar – So, You Have A Disaster... Now What?');
    one(parts, 'Register Today for This FREE Essential Webinar!');
    // QP soft breaks and =E2=80=99 are decoded...
    const paragraph = one(parts, 'As continuity professionals, we’re always waiting for a disaster to occur.');
    // ...and the anchors still point into the raw quoted-printable lines.
    expect(paragraph.anchors[0]).toMatchObject({ line: 861, column: 70 });
    expect(fileAt(file, paragraph.anchors[0])).toMatch(/^As co=/);
    expect(fileAt(file, positionOf(one(parts, '2:00 p.m. ET'), '2:00'))).toMatch(/^2:00 p\.m\. ET/);
    // Every part that starts with a plain word is anchored where that word starts.
    const checked = parts.filter((p) => p.role !== 'subject' && /^[A-Za-z]{2}/.test(p.text));
    expect(checked.length).toBeGreaterThan(15);
    for (const part of checked) expect(fileAt(file, part.anchors[0]).slice(0, 2)).toBe(part.text.slice(0, 2));
  });

  it('reads $ prices from the Provantage mail with the non-standard CTE "8bits"', async () => {
    const file = corpus('mikel-mail/content_transfer_encoding_with_8bits.eml');
    const parts = await eml(file);
    for (const price of ['$201.42', '$12.31', '$908.56', '$195.68']) {
      expect(fileAt(file, positionOf(one(parts.filter((p) => p.role === 'body'), price), price))).toMatch(/^\$\d/);
    }
    one(parts, 'Receive a $30 rebate direct from Sony');
  });

  it('reads $ amounts and percentages from the Discover mail with the non-standard CTE "7-bit"', async () => {
    const parts = await eml(corpus('mikel-mail/content_transfer_encoding_7-bit.eml'));
    const body = texts(parts).join('\n');
    for (const amount of ['$1 million', '$5 million', '7% Cashback', '100% Fraud Protection']) expect(body).toContain(amount);
    // Its "HTML" part is a plain-text rendering (no markup): read as paragraphs, said once.
    expect(parts.length).toBeGreaterThan(20);
    expect(find(parts, 'we\'re making quick progress toward our goal of $5 million')).toHaveLength(1);
    expect(body).not.toMatch(/Ã/);
  });

  it('decodes issue230.eml (x-mac-cyrillic over UTF-8) into readable English', async () => {
    const parts = await eml(corpus('php-mime-mail-parser/issue230.eml'));
    one(parts, 'We are pleased to invite you to participate in conferences');
    one(parts, '© 2019 Science and Education Foundation, Bulgaria. All Rights Reserved.');
    for (const part of parts) expect(part.text).not.toMatch(/¬|вА/);
  });

  it('reads spam.eml, whose multipart boundary sits on a text/html type', async () => {
    const parts = await eml(corpus('nodemailer-mailparser/spam.eml'));
    one(parts, 'Heute verdient er 35 Millionen Euro pro Jahr');
    one(parts, 'Newsletter abmelden hier klicken');
  });

  it('keeps attachments out of the copy (mail_test_10: a PDF)', async () => {
    const parts = await eml(corpus('spamscope-mail-parser/mail_test_10.eml'));
    one(parts, 'campagna Move To Eight - plet ZWEP6227F');
    one(parts, 'tra il 20/01/2017 e il 31/03/2017');
    for (const part of parts) expect(part.text).not.toMatch(/JVBER|%PDF|\.pdf/);
  });

  it('drops text-part sentences the HTML part already says, keeps the rest', async () => {
    const eight = await eml(corpus('spamscope-mail-parser/mail_test_8.eml'));
    one(eight, 'With 120+ Aircraft to Master, From the 1903 Wright Flyer');
    one(eight, '20,000+ Real Airports With changeable Weather');
    // Bare tracking links of the text part are not copy of their own.
    expect(find(eight, 'moneytrack.top/l/lt10')).toHaveLength(0);
    // bad_subject's HTML says only "hello world": the text part's copy stays.
    const survey = await eml(corpus('mikel-mail/bad_subject.eml'));
    one(survey, 'hello world');
    expect(find(survey, 'You have a survey waiting!').map((p) => p.role)).toEqual(['subject', 'body']);
  });

  it('reads French and Russian mails', async () => {
    one(await eml(corpus('spamscope-mail-parser/mail_test_5.eml')), 'Offre valable du 8 mars au 8 avril 2017');
    one(await eml(corpus('spamscope-mail-parser/mail_test_6.eml')), 'Все права защищены');
  });
});

describe('readEml on hand-written messages', () => {
  it('reads multipart/alternative: encoded subject, preheader, QP HTML, base64 text, attachment', async () => {
    const file = fixture('alternative.eml');
    const parts = await eml(file);
    // Every part carries the mail's Date header as ISO 8601.
    expect(parts[0]).toEqual({ role: 'subject', text: 'Spring Sale: 30% off all running shoes – this week', anchors: [{ at: 0, line: 3, column: 10 }], sent: '2026-03-02T09:00:00.000Z' });
    // The preheader's QP soft line break ("off=") is joined.
    expect(parts[1]).toMatchObject({ role: 'preheader', text: 'Thirty percent off every pair, this week only. Lace up before the sale ends!' });
    const heading = one(parts.slice(1), 'Spring Sale: 30% off all running shoes');
    expect(fileAt(file, heading.anchors[0])).toMatch(/^Spring Sale: 30% off all running shoes<\/h1>/);
    // Said in both parts: once. =E2=80=99 decodes to ’.
    const paragraph = one(parts, 'We’re giving every runner 30% off through April 30.');
    expect(fileAt(file, paragraph.anchors[0])).toMatch(/^We=E2=80=99re giving/);
    expect(fileAt(file, positionOf(paragraph, 'sale of the year'))).toMatch(/^sale of the year/);
    expect(fileAt(file, positionOf(paragraph, 'SPRING30'))).toMatch(/^SPRING30 at c=/);
    expect(parts.find((p) => p.text === 'Shop now')?.href).toBe('https://runfast.example/spring');
    // Only in the base64 text part: kept, without anchors (base64 keeps no lines).
    expect(one(parts, 'reply STOP to opt out')).toEqual({ role: 'body', text: 'Only in the text part: reply STOP to opt out of texts.', anchors: [], sent: '2026-03-02T09:00:00.000Z' });
    const all = texts(parts).join('\n');
    expect(all).not.toMatch(/ATTACH95|mailto:|RunFast newsletter|color: #333|multi-part message/);
  });

  it('decodes an iso-8859-2 subject and 8bit body after a "From - " envelope line', async () => {
    const file = fixture('polish-iso-8859-2.eml');
    const parts = await eml(file);
    expect(texts(parts)).toEqual([
      'Darmowa dostawa przy zamówieniach powyżej 200 zł',
      'Wiosenna wyprzedaż: 30% rabatu na wszystkie buty do biegania.',
      'Darmowa dostawa przy zamówieniach powyżej 200 zł. Oferta ważna do 30 kwietnia.',
    ]);
    expect(parts[2].anchors[0]).toMatchObject({ line: 12, column: 1 });
    expect(positionOf(parts[2], 'Oferta')).toEqual({ line: 13, column: 1 });
  });

  it('decodes windows-1255 Hebrew from a B-encoded subject and a QP HTML body', async () => {
    const file = fixture('hebrew-windows-1255.eml');
    const parts = await eml(file);
    expect(texts(parts)).toEqual(['מבצע אביב: 30% הנחה', 'מבצע אביב: 30% הנחה על כל נעלי הריצה', 'המבצע בתוקף עד 30.4']);
    expect(parts[2].anchors[0]).toMatchObject({ line: 11, column: 4 });
  });

  it('decodes windows-1250 Czech', async () => {
    const parts = await eml(fixture('czech-windows-1250.eml'));
    expect(texts(parts)).toEqual(['Jarní výprodej', 'Jarní výprodej: sleva 30 % na všechny běžecké boty.', 'Doprava zdarma při nákupu nad 1 000 Kč.']);
  });

  it('decodes a koi8-r base64 HTML part, without anchors', async () => {
    const parts = await eml(fixture('russian-koi8-r-base64.eml'));
    expect(parts.map((p) => [p.role, p.text])).toEqual([
      ['subject', 'Весенняя распродажа'],
      ['preheader', 'Весенняя распродажа уже началась'],
      ['heading', 'Скидка 30% на все кроссовки'],
      ['body', 'Бесплатная доставка при заказе от 5000 рублей.'],
    ]);
    for (const part of parts.slice(1)) expect(part.anchors).toEqual([]);
  });

  it('decodes ISO-2022-JP (escape sequences are not binary)', async () => {
    expect(texts(await eml(fixture('japanese-iso-2022-jp.eml')))).toEqual(['春のセール', '春のセール：ランニングシューズ全品30%オフ。']);
  });

  it('joins format=flowed lines and still anchors each word on its own line', async () => {
    const file = fixture('flowed.eml');
    const parts = await eml(file);
    const paragraph = one(parts, 'Spring is here');
    expect(paragraph.text).toBe('Spring is here and every runner deserves new shoes: take 30% off all running shoes until April 30 with code SPRING30 at checkout.');
    expect(fileAt(file, positionOf(paragraph, 'SPRING30'), 'utf8')).toMatch(/^SPRING30 at $/);
    expect(fileAt(file, positionOf(paragraph, 'checkout'), 'utf8')).toBe('checkout.');
    expect(one(parts, 'Free shipping').anchors[0]).toMatchObject({ line: 11, column: 1 });
  });

  it('reads UTF-8 labelled as iso-8859-1 as UTF-8, and real iso-8859-1 as itself', async () => {
    expect(texts(await eml(fixture('mislabelled-utf8.eml')))).toContain('Café crème – 20% off every morning.');
    const latin1 = 'From: a@example.com\nSubject: Menu\nContent-Type: text/plain; charset=iso-8859-1\n\nCaf\xe9 cr\xe8me \xe0 2 \x80.\n';
    expect(texts(await fromString(latin1, 'latin1'))).toContain('Café crème à 2 €.');
  });

  it('keeps a text-only message whole and builds no HTML from it', async () => {
    const parts = await fromString('From: a@example.com\nSubject: Hi\n\nLine one\ncontinues.\n\nSecond <b>paragraph</b>.\n');
    expect(parts.map((p) => [p.role, p.text])).toEqual([
      ['subject', 'Hi'],
      ['body', 'Line one continues.'],
      ['body', 'Second <b>paragraph</b>.'],
    ]);
    expect(parts[1].anchors).toEqual([
      { at: 0, line: 4, column: 1 },
      { at: 9, line: 5, column: 1 },
    ]);
  });

  it('refuses bytes that are not a mail with a one-line SourceError', async () => {
    expect((await sourceError(() => eml(fixture('not-an-email.eml')))).message).toMatch(/header block/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await sourceError(() => readEml(input('image.eml', png)))).message).toMatch(/binary/);
    expect((await sourceError(() => fromString('title: Spring\nbody: 30% off\n'))).message).toMatch(/no From, Subject or Content-Type/);
    expect((await sourceError(() => fromString(''))).message).toMatch(/empty/);
    expect((await sourceError(() => fromString('From: a@example.com\nTo: b@example.com\n\n \n'))).message).toMatch(/no copy/);
  });
});

describe('readEmailText', () => {
  it('reads a Subject line and paragraphs, anchored where each word is', () => {
    const file = fixture('launch.txt');
    const parts = readEmailText(input(file));
    expect(parts.map((p) => [p.role, p.text])).toEqual([
      ['subject', 'Spring Sale: 30% off all running shoes'],
      ['body', 'Hi runner,'],
      ['body', 'Take 30% off every pair through April 30. Use code SPRING30 at checkout.'],
      ['body', 'Unsubscribe: https://runfast.example/unsubscribe'],
    ]);
    expect(parts[0].anchors).toEqual([{ at: 0, line: 1, column: 10 }]);
    expect(parts[2].anchors[0]).toMatchObject({ line: 5, column: 1 });
    expect(fileAt(file, positionOf(parts[2], 'Use code'))).toMatch(/^Use code$/);
    expect(positionOf(parts[2], 'SPRING30')).toEqual({ line: 6, column: 1 });
  });

  it('reads a text without a Subject line as body only, and refuses an empty one', async () => {
    const parts = readEmailText(input('plain.txt', Buffer.from('\uFEFFNew shoes.\r\n\r\nSubject: not a header here\r\n')));
    expect(parts.map((p) => [p.role, p.text, p.anchors[0].line])).toEqual([
      ['body', 'New shoes.', 1],
      ['body', 'Subject: not a header here', 3],
    ]);
    await sourceError(() => readEmailText(input('empty.txt', Buffer.from(' \n\n'))));
  });
});

describe('readEmailHtml', () => {
  it('decodes the meta charset, reads the title as subject and the preheader, skips page metadata and merge tags', () => {
    const file = fixture('launch.html');
    const parts = readEmailHtml(input(file));
    expect(parts[0]).toMatchObject({ role: 'subject', text: 'RunFast Spring Sale: 30% off' });
    expect(fileAt(file, parts[0].anchors[0])).toMatch(/^RunFast Spring Sale: 30% off<\/title>/);
    expect(parts[1]).toMatchObject({ role: 'preheader', text: 'Spring Sale starts today' });
    one(parts, 'save 30% on running shoes');
    one(parts, 'Shoes from €49.99 until April 30.');
    expect(parts.find((p) => p.text === 'Shop the sale')?.href).toBe('https://runfast.example/spring');
    expect(texts(parts).join('\n')).not.toMatch(/FNAME|\*\||Not copy/);
  });
});

describe('readMjml', () => {
  it('reads the copy of a template and anchors it in the .mjml', () => {
    const file = fixture('launch.mjml');
    const parts = readMjml(input(file));
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['title', 'RunFast Spring Sale', undefined],
      ['preheader', '30% off every pair, this week only', undefined],
      ['nav', 'Women', 'https://runfast.example/women'],
      ['nav', 'Men', 'https://runfast.example/men'],
      ['alt', 'Road & trail shoes on sale', undefined],
      ['heading', 'Hi , Spring Sale: 30% off all running shoes', undefined],
      ['body', 'Take 30% off every pair through April 30 with code SPRING30.', undefined],
      ['cta', 'Shop the sale', 'https://runfast.example/spring'],
      ['body', 'Free shipping on orders over $50.', undefined],
      ['body', 'Road shoes', undefined],
      ['body', '$89.99', undefined],
    ]);
    expect(fileAt(file, parts[0].anchors[0])).toMatch(/^RunFast Spring Sale<\/mj-title>/);
    expect(fileAt(file, parts[4].anchors[0])).toMatch(/^Road &amp; trail/);
    expect(fileAt(file, positionOf(parts[6], 'April 30'))).toMatch(/^April 30 with code/);
    expect(fileAt(file, positionOf(parts[7], 'the sale'))).toMatch(/^the sale<\/mj-button>/);
  });

});

describeShared('readMjml on the corpus templates', () => {
  const templates = hasShared ? filesUnder(path.join(corpusDir, 'mjml-email-templates'), '.mjml') : [];

  it.each(templates)('reads %s with every anchor on its text', (file) => {
    const full = corpus(`mjml-email-templates/${file}`);
    const parts = readMjml(input(full));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.text).not.toMatch(/\{\{|\[\[|mj-|Roboto|font-family/);
      const first = part.text[0];
      if (/[A-Za-z0-9]/.test(first) && part.role !== 'alt') expect(fileAt(full, part.anchors[0], 'utf8')[0]).toBe(first);
    }
  });

  it('reads the Black Friday offer, its code and its button', () => {
    const parts = readMjml(input(corpus('mjml-email-templates/black-friday.mjml')));
    one(parts, 'Take an extra 50% off');
    one(parts, 'Use code SALEONSALE* at checkout');
    expect(parts.filter((p) => p.role === 'cta').map((p) => p.text)).toEqual(['Shop Now']);
  });

  it('reads racoon, recast and referral templates', () => {
    const racoon = readMjml(input(corpus('mjml-email-templates/racoon.mjml')));
    one(racoon, 'FREE SHIPPING ON ORDER OVER 55€');
    const buttons = racoon.filter((p) => p.role === 'cta' && p.text === 'BUY NOW');
    expect(buttons.length).toBeGreaterThan(5);
    for (const button of buttons) expect(button.href).toBe('https://mjml.io');
    const recast = readMjml(input(corpus('mjml-email-templates/recast.mjml')));
    expect(recast[0]).toMatchObject({ role: 'title', text: 'Hello world' });
    one(readMjml(input(corpus('mjml-email-templates/referral-email.mjml'))), "You'll get a 15% discount");
  });

});

describe('readMjml on hand-written templates', () => {
  it('takes hidden text before any copy as the preheader when there is no mj-preview', () => {
    const template = [
      '<mjml><mj-body><mj-section><mj-column>',
      '<mj-raw><div style="display:none">Last day: 30% off &amp; free returns</div></mj-raw>',
      '<mj-text><p style="display:none">Hidden later: not copy</p><p>Visible copy</p></mj-text>',
      '<mj-button href="https://runfast.example/?a=1&amp;b=2">Go</mj-button>',
      '</mj-column></mj-section></mj-body></mjml>',
    ].join('\n');
    const parts = readMjml(input('hidden.mjml', Buffer.from(template)));
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['preheader', 'Last day: 30% off & free returns', undefined],
      ['body', 'Visible copy', undefined],
      ['cta', 'Go', 'https://runfast.example/?a=1&b=2'],
    ]);
    expect(parts[0].anchors[0]).toMatchObject({ line: 2, column: 35 });
  });

  it('refuses a file that is not MJML', async () => {
    const error = await sourceError(() => readMjml(input('page.mjml', Buffer.from('<html><body><p>Hi</p></body></html>'))));
    expect(error.message).toMatch(/no <mjml> root/);
    await sourceError(() => readMjml(input('empty.mjml', Buffer.from('<mjml><mj-body></mj-body></mjml>'))));
  });
});

describe('readEml on the generated shapes (test/fixtures/email/make-fixtures.mjs)', () => {
  const rows = (parts: Part[]) => parts.map((p) => [p.role, p.label, p.text]);

  it('reads multipart/alternative with a multipart/related HTML part, UTF-8 quoted-printable', async () => {
    const file = fixture('polish-related-qp.eml');
    const parts = await eml(file);
    expect(parts.map((p) => [p.role, p.text, p.href])).toEqual([
      ['subject', 'Wiosenna wyprzedaż: 30% rabatu na buty do biegania', undefined],
      // The Litmus spacer (&#847;&zwnj;&nbsp; repeated) in its own hidden div is not copy.
      ['preheader', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', undefined],
      ['alt', 'Buty do biegania w promocji', undefined],
      ['heading', 'Wiosenna wyprzedaż: 30% rabatu na wszystkie buty do biegania', undefined],
      ['body', 'Kod WIOSNA30 działa do 30 kwietnia. Żółte, zielone i różowe modele już czekają na Ciebie w sklepie RunFast.', undefined],
      ['cta', 'Kupuję teraz', 'https://runfast.example/pl/wiosna'],
      // Said only in the text part: kept, anchored in the text part's QP lines.
      ['body', 'Odpowiedz STOP, aby zrezygnować z wiadomości SMS.', undefined],
    ]);
    expect(fileAt(file, parts[1].anchors[0])).toMatch(/^Darmowa do=$/);
    expect(fileAt(file, parts[3].anchors[0])).toMatch(/^Wiosenna wyprzeda=C5=BC: 30% rabatu na wszystkie/);
    expect(fileAt(file, positionOf(parts[4], 'zielone'))).toMatch(/^zielone i=$/);
    expect(fileAt(file, parts[6].anchors[0])).toMatch(/^Odpowiedz STOP/);
    for (const part of parts) expect(part.text).not.toMatch(/[\u034f\u200c\u00a0]|iVBOR|buty\.png/);
  });

  it('reads nested forwards (message/rfc822 inside message/rfc822) as copy labelled "forward", anchored in the outer file', async () => {
    const file = fixture('forward-nested.eml');
    const parts = await eml(file);
    expect(rows(parts)).toEqual([
      ['subject', undefined, 'Fwd: מבצע אביב: 30% הנחה'],
      ['body', undefined, 'Przesyłam dalej wersję hebrajską do sprawdzenia przed wysyłką.'],
      // windows-1255: base64 text part and QP HTML part say the same; ₪ is byte 0xA4.
      ['subject', 'forward', 'מבצע אביב: 30% הנחה'],
      ['heading', 'forward', 'מבצע אביב: 30% הנחה על כל נעלי הריצה'],
      ['body', 'forward', 'משלוח חינם בהזמנה מעל 200 ₪. המבצע בתוקף עד 30.4'],
      // koi8-r, 8bit, attached to the forwarded message as original.eml.
      ['subject', 'forward', 'Быстрее вкладывайте в золото!'],
      ['body', 'forward', 'Профессионалы.ru - ведущая деловая сеть России и СНГ для поиска специалистов, работы, партнеров по бизнесу и клиентов, идей, компетенций и экспертизы.'],
      ['body', 'forward', '© 2008-2017, Профессионалы.ru, Все права защищены'],
    ]);
    // Forwards kept 8bit lie in the file as they were: their anchors are the file's lines.
    expect(fileAt(file, parts[2].anchors[0])).toMatch(/^=\?windows-1255\?B\?/);
    expect(fileAt(file, parts[3].anchors[0])).toMatch(/^=EE=E1=F6=F2 =E0=E1=E9=E1: 30%/);
    expect(fileAt(file, parts[5].anchors[0])).toMatch(/^=\?koi8-r\?Q\?/);
    expect(fileAt(file, positionOf(parts[6], 'ru - '))).toMatch(/^ru - /);
    expect(parts[7].anchors[0]).toMatchObject({ line: parts[6].anchors[0].line + 2, column: 1 });
  });

  it('reads a base64-encoded forward too, without anchors (it keeps no lines of the file)', async () => {
    const inner = readFileSync(fixture('encoded-words/koi8-r-b.eml'));
    const outer = `From: a@example.com\nSubject: FYI\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee below.\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n${inner.toString('base64').replace(/.{76}/g, '$&\n')}\n--b--\n`;
    const parts = await fromString(outer);
    expect(rows(parts)).toEqual([
      ['subject', undefined, 'FYI'],
      ['body', undefined, 'See below.'],
      ['subject', 'forward', 'Быстрее вкладывайте в золото!'],
      ['body', 'forward', 'Профессионалы.ru - ведущая деловая сеть России и СНГ для поиска специалистов, работы, партнеров по бизнесу и клиентов, идей, компетенций и экспертизы.'],
    ]);
    expect(parts.slice(2).map((p) => p.anchors)).toEqual([[], []]);
  });

  it.each([
    ['encoded-words/iso-8859-2-q.eml', 'Darmowa dostawa przy zamówieniach powyżej 200 zł', 'Kod WIOSNA30 działa do 30 kwietnia. Żółte, zielone i różowe modele już czekają na Ciebie w sklepie RunFast.'],
    ['encoded-words/windows-1250-b.eml', 'Jarní výprodej: sleva 30 % na běžecké boty', 'Doprava zdarma při nákupu nad 1 000 Kč.'],
    ['encoded-words/windows-1255-q.eml', 'מבצע אביב: 30% הנחה', 'משלוח חינם בהזמנה מעל 200 ₪. המבצע בתוקף עד 30.4'],
    ['encoded-words/koi8-r-b.eml', 'Быстрее вкладывайте в золото!', 'Профессионалы.ru - ведущая деловая сеть России и СНГ для поиска специалистов, работы, партнеров по бизнесу и клиентов, идей, компетенций и экспертизы.'],
    // A UTF-8 character split between two padded base64 words: joined as bytes, not two U+FFFD.
    ['encoded-words/utf-8-split-b.eml', 'Быстрее вкладывайте в золото!', '© 2008-2017, Профессионалы.ru, Все права защищены'],
    // windows-1252 0x80-0x9F, which Node 20's TextDecoder leaves as C1 controls.
    ['windows-1252-qp.eml', 'Spring Sale – €30 off “Pro” shoes', 'Save €30 on “Pro” shoes — the sale ends April 30.'],
  ])('decodes the encoded-word subject and QP body of %s', async (file, subject, body) => {
    const parts = await eml(fixture(file));
    expect(parts.map((p) => [p.role, p.text])).toEqual([
      ['subject', subject],
      ['body', body],
    ]);
    expect(parts[0].anchors).toEqual([{ at: 0, line: 2, column: 10 }]);
  });
});

describe('preheaders as ESPs write them', () => {
  const html = (body: string) => readEmailHtml(input('mail.html', Buffer.from(`<html><head><title>Spring Sale</title></head><body>${body}<p>Visible copy</p></body></html>`)));
  const roles = (parts: Part[]) => parts.map((p) => [p.role, p.text]);

  it.each([
    ['Mailchimp', '<!--[if !gte mso 9]><!----><span class="mcnPreviewText" style="display:none; font-size:0px; line-height:0px; max-height:0px; max-width:0px; opacity:0; overflow:hidden; visibility:hidden; mso-hide:all;">Thirty percent off every pair</span><!--<![endif]-->'],
    ['Klaviyo (spacer in the same div)', '<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">Thirty percent off every pair&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;</div>'],
    ['Litmus (spacer in its own div)', '<div style="display: none; max-height: 0px; overflow: hidden;">Thirty percent off every pair</div><div style="display: none; max-height: 0px; overflow: hidden;">&#847; &zwnj; &nbsp; &#8199; &#65279; &#847; &zwnj; &nbsp; &#8199; &#65279; &#847; &zwnj; &nbsp; &#8199; &#65279;</div>'],
    ['HubSpot', '<div id="preview_text" style="display:none!important;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;">Thirty percent off every pair&#8204;&nbsp;&#8204;&nbsp;&#847;&#173;</div>'],
    ['a class only (kept visible but tiny)', '<span class="preheader" style="font-size:1px;color:#fefefe">Thirty percent off every pair</span>'],
    ['collapsed for Outlook, no display:none', '<div style="mso-hide:all;font-size:0;max-height:0;line-height:0;opacity:0;overflow:hidden">Thirty percent off every pair</div>'],
    ['transparent and zero height, spacer after', '<span style="color:transparent;opacity:0;height:0;max-height:0;overflow:hidden">Thirty percent off every pair&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;</span>'],
  ])('%s: the preheader is its own part, padding stripped', (_, body) => {
    expect(roles(html(body))).toEqual([
      ['subject', 'Spring Sale'],
      ['preheader', 'Thirty percent off every pair'],
      ['body', 'Visible copy'],
    ]);
  });

  it('takes only the first hidden text: hidden text after visible copy is not copy', () => {
    expect(roles(html('<p>First</p><div style="display:none">Hidden later</div>'))).toEqual([
      ['subject', 'Spring Sale'],
      ['body', 'First'],
      ['body', 'Visible copy'],
    ]);
  });
});

describe('readEmailHtml on a newsletter saved from the browser', () => {
  it("reads mail_test_13's Mailchimp web view: <title> as subject, preheader, copy anchored in the saved file", () => {
    const file = fixture('saved-newsletter.html');
    const parts = readEmailHtml(input(file));
    expect(parts.slice(0, 4).map((p) => [p.role, p.text])).toEqual([
      ['subject', 'New Webinar: So, You Have A Disaster... Now What?'],
      ['preheader', 'Upcoming Webinar – So, You Have A Disaster... Now What?'],
      ['link', 'View this email in your browser'],
      ['body', 'Register Today for This FREE Essential Webinar!'],
    ]);
    expect(fileAt(file, parts[0].anchors[0], 'utf8')).toMatch(/^New Webinar: So, You Have A Disaster\.\.\. Now What\?<\/title>/);
    expect(fileAt(file, parts[1].anchors[0], 'utf8')).toMatch(/^Upcoming Webinar – So/);
    one(parts, 'As continuity professionals, we’re always waiting for a disaster to occur.');
    expect(fileAt(file, positionOf(one(parts, '2:00 p.m. ET'), '2:00'), 'utf8')).toMatch(/^2:00 p\.m\. ET/);
    // The same copy as the .eml it was sent as, apart from the subject's source.
    expect(parts.filter((p) => p.role === 'subject')).toHaveLength(1);
    expect(texts(parts).join('\n')).not.toMatch(/mcnPreviewText|font-family|og:|\*\|/);
  });

  it('has no subject when the title is empty or a merge tag', () => {
    const parts = readEmailHtml(input('x.html', Buffer.from('<html><head><title>*|MC:SUBJECT|*</title></head><body><p>Copy</p></body></html>')));
    expect(parts.map((p) => [p.role, p.text])).toEqual([['body', 'Copy']]);
    return sourceError(() => readEmailHtml(input('y.html', Buffer.from('<html><head><title>Only a title</title></head><body></body></html>'))));
  });
});

describe('one decoder for text, MJML and HTML mail', () => {
  it('reads an undeclared windows-1252 .txt as a browser would, with the € of byte 0x80', () => {
    const parts = readEmailText(input('menu.txt', Buffer.from('Subject: Caf\xe9 week\n\nCaf\xe9 cr\xe8me for 2 \x80 \x96 every morning.\n', 'latin1')));
    expect(texts(parts)).toEqual(['Café week', 'Café crème for 2 € – every morning.']);
  });

  it('names what the file should have been when it is binary', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await sourceError(() => readMjml(input('logo.mjml', png)))).message).toBe('not MJML: looks like binary data');
    expect((await sourceError(() => readEmailText(input('logo.txt', png)))).message).toBe('not text: looks like binary data');
  });
});
