// Value extraction on real campaign copy from ../shared/corpus. The readers are not under
// test here, so the copy is taken out of each file with a deliberately crude decoder
// (quoted-printable, tags, a few entities); the phrases asserted are checked to be there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractValues, type Value } from '../../src/normalize/values/index.js';
import { describeShared, sharedPath } from '../support/shared.js';

const corpus = (path: string) => sharedPath('corpus', path);

function decodeEntities(html: string): string {
  return html
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&euro;/g, '€')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function copyText(path: string): string {
  let text = readFileSync(corpus(path), 'latin1');
  if (path.endsWith('.eml')) text = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  else text = Buffer.from(text, 'latin1').toString('utf8');
  text = text.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ');
}

/** The values stated inside the first occurrence of `phrase` in the text. */
function valuesIn(text: string, phrase: string, language: string, year?: number): Array<[Value['type'], string]> {
  const at = text.indexOf(phrase);
  expect(at, `corpus phrase "${phrase}"`).toBeGreaterThanOrEqual(0);
  return extractValues(text, { language, year })
    .filter((v) => v.start >= at && v.end <= at + phrase.length)
    .map((v) => [v.type, v.key]);
}

describeShared('values in the mjml templates', () => {
  it('black-friday: the extra 50% off, the invalid footnote date and the time give nothing else', () => {
    const text = copyText('email/mjml-email-templates/black-friday.mjml');
    expect(valuesIn(text, 'Take an extra 50% off', 'en')).toEqual([['percent', '50']]);
    expect(valuesIn(text, 'on 17/29/11 at 11:59 pm', 'en', 2011)).toEqual([]);
    expect(extractValues(text, { language: 'en', year: 2011 }).filter((v) => v.type === 'date')).toEqual([]);
  });

  it('racoon: "OVER 55€" and the product prices', () => {
    const text = copyText('email/mjml-email-templates/racoon.mjml');
    expect(valuesIn(text, 'FREE SHIPPING ON ORDER OVER 55€', 'en')).toEqual([['money', '55.00 EUR']]);
    const prices = extractValues(text, { language: 'en' }).filter((v) => v.type === 'money').map((v) => v.key);
    expect(prices).toEqual(expect.arrayContaining(['15.00 EUR', '20.00 EUR', '28.00 EUR', '75.00 EUR']));
    expect(valuesIn(text, 'SPRING PROMO 50% OFFER', 'en')).toEqual([['percent', '50']]);
  });

  it('ticketshop: comma-decimal euros, the password code, and no number in "9 AM"', () => {
    const text = copyText('email/mjml-email-templates/ticketshop.mjml');
    expect(valuesIn(text, '12,99€', 'en')).toEqual([['money', '12.99 EUR']]);
    expect(valuesIn(text, 'PASSWORD : YULAN03', 'en')).toEqual([['code', 'YULAN03']]);
    expect(valuesIn(text, 'BEGINS TODAY AT 9 AM', 'en')).toEqual([]);
  });

  it('reactivation: $399 in three cities', () => {
    const text = copyText('email/mjml-email-templates/reactivation-email.mjml');
    expect(extractValues(text, { language: 'en' }).map((v) => [v.type, v.key])).toEqual([
      ['money', '399.00 USD'],
      ['money', '399.00 USD'],
      ['money', '399.00 USD'],
    ]);
  });

  it('referral: a 15% discount and no code for the template placeholder', () => {
    const text = copyText('email/mjml-email-templates/referral-email.mjml');
    expect(valuesIn(text, "You'll get a 15% discount", 'en')).toEqual([['percent', '15']]);
    expect(extractValues(text, { language: 'en' }).filter((v) => v.type === 'code')).toEqual([]);
  });
});

describeShared('values in real received mail', () => {
  it('IBM Italy (it): 5% extra discount, dd/mm/yyyy validity dates, the code', () => {
    const text = copyText('email/spamscope-mail-parser/mail_test_10.eml');
    expect(valuesIn(text, 'sconto addizionale del 5%', 'it')).toEqual([['percent', '5']]);
    expect(valuesIn(text, 'tra il 20/01/2017 e il 31/03/2017', 'it')).toEqual([
      ['date', '2017-01-20'],
      ['date', '2017-03-31'],
    ]);
    expect(valuesIn(text, 'plet ZWEP6227F.', 'it')).toEqual([['code', 'ZWEP6227F']]);
  });

  it('Continuity Insights webinar: the date, and the time is no number', () => {
    const text = copyText('email/spamscope-mail-parser/mail_test_13.eml');
    expect(valuesIn(text, 'Thursday, September 13, 2018 2:00 p.m. ET', 'en')).toEqual([['date', '2018-09-13']]);
  });

  it('German spam: dot-grouped euros', () => {
    const text = copyText('email/nodemailer-mailparser/spam.eml');
    expect(valuesIn(text, '123.042 Euro pro Jahr', 'de')).toEqual([['money', '123042.00 EUR']]);
  });

  it('Discover card news: "$1 Million" and "$5 million" with their multiplier', () => {
    const text = copyText('email/mikel-mail/content_transfer_encoding_7-bit.eml');
    expect(valuesIn(text, 'Be Charitable $1 Million', 'en')).toEqual([['money', '1000000.00 USD']]);
    expect(valuesIn(text, 'our goal of $5 million', 'en')).toEqual([['money', '5000000.00 USD']]);
  });

  it('Provantage: an American date pair read month first because one of them can only be', () => {
    const text = copyText('email/mikel-mail/content_transfer_encoding_with_8bits.eml');
    expect(valuesIn(text, 'between 10/01/01 and 12/31/01', 'en')).toEqual([
      ['date', '2001-10-01'],
      ['date', '2001-12-31'],
    ]);
  });
});

describeShared('values on real web pages and posts', () => {
  it('Monster Pet Supplies: pound prices and a range', () => {
    const text = copyText('web/extruct/microdata-with-description.html');
    expect(valuesIn(text, 'From only £5.29 - £9.56', 'en-GB')).toEqual([
      ['money', '5.29 GBP'],
      ['money', '9.56 GBP'],
    ]);
  });

  it('ebrosia (de): euros glued and spaced, "60 Euro"', () => {
    const text = copyText('web/trafilatura/ebrosia.de.zinfandel.html');
    expect(valuesIn(text, 'Newsletter - 10€ sichern!', 'de')).toEqual([['money', '10.00 EUR']]);
    expect(valuesIn(text, 'Jetzt 10 € Gutschein sichern!', 'de')).toEqual([['money', '10.00 EUR']]);
    expect(valuesIn(text, 'Mindestbestellwert 60 Euro', 'de')).toEqual([['money', '60.00 EUR']]);
  });

  it('lavazza (de): "4,49€"', () => {
    const text = copyText('web/trafilatura/lavazza.de.qualita.html');
    expect(valuesIn(text, 'Standard-Lieferung 4,49€', 'de')).toEqual([['money', '4.49 EUR']]);
  });

  it('parallels: "up to 50% off" for education', () => {
    const text = copyText('web/trafilatura/parallels.com.desktop.html');
    expect(valuesIn(text, 'save users up to 50% off', 'en')).toEqual([['percent', '50']]);
  });

  it('songkick: event dates with and without weekday', () => {
    const text = copyText('web/extruct/tovestyrke.html');
    expect(valuesIn(text, 'Hoxton Square Bar & Kitchen, 12 Jun 2017', 'en')).toEqual([['date', '2017-06-12']]);
    expect(valuesIn(text, 'Wednesday 04 April 2018', 'en')).toEqual([['date', '2018-04-04']]);
  });

  it('mastodon: the flight deal post gives both ends of the fare range', () => {
    const statuses = JSON.parse(readFileSync(corpus('social/rtoot-mastodon/timeline_public_mastodon_social.json'), 'utf8')) as Array<{ content: string }>;
    const post = statuses.find((s) => s.content.includes('Cheap Flights'));
    expect(post).toBeDefined();
    const text = decodeEntities(post!.content.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
    expect(valuesIn(text, 'Cheap Flights: Phoenix to Anchorage or Fairbanks $236-$279 r/t [August-December]', 'en')).toEqual([
      ['money', '236.00 USD'],
      ['money', '279.00 USD'],
    ]);
  });
});
