import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Part } from '../../../src/documents/types.js';
import { readEml } from '../../../src/sources/email/email.js';
import { checkSpec } from '../../../src/check.js';
import { readMbox, readMboxMessages, splitMbox } from '../../../src/sources/email/mbox.js';
import { makeSpec, sourceError } from '../../helpers.js';
import { SourceError, type SourceInput } from '../../../src/sources/types.js';

const fixture = (file: string) => fileURLToPath(new URL(`../../fixtures/email/${file}`, import.meta.url));
const input = (name: string, bytes: Uint8Array): SourceInput => ({ id: name, name, bytes, kind: 'email' });
const mbox = async (file: string): Promise<Part[]> => {
  const read = await readMbox(input(file, readFileSync(fixture(file))));
  return Array.isArray(read) ? read : read.parts;
};
const rows = (parts: Part[]) => parts.map((p) => [p.unit, p.role, p.text]);

/** The mbox's own text at an anchor (latin1: one character per byte, as 8bit single-byte lines count). */
function fileAt(file: string, line: number, column: number): string {
  return readFileSync(fixture(file), 'latin1').split(/\r?\n/)[line - 1].slice(column - 1);
}


const CAMPAIGN = [
  ['launch-2026@runfast.example', 'subject', 'Spring Sale: 30% off all running shoes'],
  ['launch-2026@runfast.example', 'preheader', 'Thirty percent off every pair, this week only'],
  ['launch-2026@runfast.example', 'heading', 'Spring Sale: 30% off all running shoes'],
  ['launch-2026@runfast.example', 'body', 'Use code SPRING30 at checkout.'],
  ['reminder-pl@runfast.example', 'subject', 'Wiosenna wyprzedaż: 30% rabatu na buty do biegania'],
  ['reminder-pl@runfast.example', 'body', 'Kod WIOSNA30 działa do 30 kwietnia. Żółte, zielone i różowe modele już czekają na Ciebie w sklepie RunFast.'],
  // mboxrd: one ">" comes off each quoted "From " line.
  ['reminder-pl@runfast.example', 'body', 'From now on every order ships free. >From the archive: quoted with one ">" more.'],
  // Message 3 is not a mail; message 4 has no Message-ID, so it is named by its place. Its
  // "From here on" line follows a non-blank line: body text, not a separator.
  ['#4', 'subject', 'Last day'],
  ['#4', 'body', 'Last day: 30% off ends tonight. From here on, prices go back up.'],
];

describe('readMbox', () => {
  it('reads every message as a unit: subject, preheader and body, in file order', async () => {
    expect(rows(await mbox('campaign.mbox'))).toEqual(CAMPAIGN);
  });

  it('anchors each part in the mbox itself, also on unquoted ">From " lines', async () => {
    const parts = await mbox('campaign.mbox');
    for (const part of parts) {
      const [anchor] = part.anchors;
      expect(anchor, `${part.unit} ${part.role}`).toBeDefined();
      // Encoded-word subjects are anchored at the encoded value; all else at its own first letters.
      const expected = /=\?/.test(fileAt('campaign.mbox', anchor.line, 1)) ? '=?' : part.text.slice(0, 2);
      expect(fileAt('campaign.mbox', anchor.line, anchor.column).slice(0, 2), `${part.unit} ${part.role}`).toBe(expected);
    }
    const quoted = parts.find((p) => p.text.startsWith('From now on'))!;
    expect(quoted.anchors[0]).toEqual({ at: 0, line: 26, column: 2 });
    expect(quoted.anchors.find((a) => a.line === 27)).toEqual({ at: quoted.text.indexOf('>From the'), line: 27, column: 2 });
  });

  it('reads a CRLF mbox as the same messages at the same places', async () => {
    const lf = await mbox('campaign.mbox');
    const crlf = await mbox('campaign-crlf.mbox');
    expect(crlf).toEqual(lf);
  });

  it('keeps the readable messages when one is not a mail, and says which one failed and why', async () => {
    const { messages, problems } = await readMboxMessages(readFileSync(fixture('campaign.mbox')));
    expect(messages.map((m) => [m.unit, m.line, m.date])).toEqual([
      ['launch-2026@runfast.example', 1, '2026-03-02T09:00:00.000Z'],
      ['reminder-pl@runfast.example', 15, '2026-03-16T08:00:00.000Z'],
      ['#4', 33, '2026-03-30T09:00:00.000Z'],
    ]);
    expect(problems).toEqual([{ unit: '#3', line: 29, reason: 'not an email: the file does not start with a header block ("Name: value" lines)' }]);
  });

  it('refuses, in one line, an mbox none of whose messages is readable', async () => {
    const error = await sourceError(() => mbox('unreadable.mbox'));
    expect(error.message).toBe(
      'no readable message in the mbox: #1 (line 1): not an email: the file does not start with a header block ("Name: value" lines); #2 (line 4): no copy: the message has no subject and no text in its HTML or text part',
    );
    expect(error.line).toBe(1);
  });

  it('refuses an empty file and one that does not start with a "From " line (an .eml named .mbox)', async () => {
    expect((await sourceError(() => readMbox(input('empty.mbox', Buffer.from(' \n\n'))))).message).toBe('not an mbox: the file is empty');
    const eml = readFileSync(fixture('alternative.eml'));
    expect((await sourceError(() => readMbox(input('mail.mbox', eml)))).message).toBe('not an mbox: line 1 comes before any "From " separator line');
  });

  it('names a message by its place when its Message-ID was already seen', async () => {
    const one = readFileSync(fixture('campaign.mbox'), 'latin1').split('\n').slice(0, 14).join('\n');
    const read = await readMbox(input('twice.mbox', Buffer.from(`${one}\n\n${one}\n`, 'latin1')));
    const parts = Array.isArray(read) ? read : read.parts;
    expect([...new Set(parts.map((p) => p.unit))]).toEqual(['launch-2026@runfast.example', '#2']);
  });
});

describe('mbox messages carry when they were sent', () => {
  it('stamps every part of a message with its Date, as ISO 8601', async () => {
    const parts = await mbox('campaign.mbox');
    const sent = [...new Map(parts.map((p) => [p.unit, p.sent])).values()];
    expect(sent).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-16T08:00:00.000Z', '2026-03-30T09:00:00.000Z']);
  });
});

describe('an mbox in a campaign', () => {
  it('reports a broken message as its own source-error at its line, and checks every other message', async () => {
    const spec = makeSpec({ channels: [{ name: 'newsletter', kind: 'email', sources: [{ type: 'glob', pattern: fixture('campaign.mbox') }] }] });
    // The hand-made spec lives nowhere: --root lets it read the fixture by its absolute path.
    const report = await checkSpec({ ...spec, messages: [] }, { offline: true, root: fixture('') });
    expect(report.sources).toEqual([expect.objectContaining({ status: 'ok' })]);
    const errors = report.findings.filter((f) => f.rule === 'source-error');
    expect(errors.map((f) => [f.found, f.location?.line])).toEqual([
      ['message #3: not an email: the file does not start with a header block ("Name: value" lines)', 29],
    ]);
    expect(report.summary.passed).toBe(false);
  });
});

describe('an mbox of every .eml fixture', () => {
  const emls = readdirSync(fixture('.'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.eml') && f !== 'not-an-email.eml')
    .sort();

  it('reads each message as its .eml alone reads, anchored where the message lies in the mbox', async () => {
    expect(emls.length).toBeGreaterThan(15);
    // Build the mbox as an mboxrd writer would: separator, quoted "From " lines, a blank line.
    let text = '';
    const starts: number[] = [];
    const quotedLines: Array<Set<number>> = [];
    for (const file of emls) {
      let message = readFileSync(fixture(file), 'latin1');
      if (message.startsWith('From ')) message = message.slice(message.indexOf('\n') + 1); // Thunderbird's envelope line
      const lines = message.replace(/\n$/, '').split('\n');
      quotedLines.push(new Set(lines.flatMap((line, i) => (/^>*From /.test(line) ? [i + 1] : []))));
      starts.push(text.split('\n').length);
      text += `From news@runfast.example Mon Mar  2 09:00:00 2026\n${lines.map((l) => l.replace(/^(>*From )/, '>$1')).join('\n')}\n\n`;
    }
    const { messages, problems } = await readMboxMessages(Buffer.from(text, 'latin1'));
    expect(problems).toEqual([]);
    expect(messages).toHaveLength(emls.length);
    for (const [i, file] of emls.entries()) {
      const alone = await readEml(input(file, Buffer.from(readFileSync(fixture(file), 'latin1').replace(/^From .*\n/, ''), 'latin1')));
      const moved = alone.map((part) => ({
        ...part,
        unit: messages[i].unit,
        anchors: part.anchors.map((a) => ({ ...a, line: a.line + starts[i], column: a.column + (quotedLines[i].has(a.line) ? 1 : 0) })),
      }));
      expect(messages[i].parts, file).toEqual(moved);
      expect(messages[i].line).toBe(starts[i]);
    }
  });

  it('splits only at "From " lines that start the file or follow a blank line', () => {
    const split = splitMbox('From a Mon\nSubject: one\n\nbody\nFrom here: not a separator\n\nFrom b Tue\r\nSubject: two\r\n\r\n>From x\r\n');
    expect(split.map((m) => [m.line, m.text, [...m.widened]])).toEqual([
      [1, 'Subject: one\n\nbody\nFrom here: not a separator', []],
      [7, 'Subject: two\r\n\r\nFrom x\r', [3]],
    ]);
  });
});
