// Mailboxes exported as mbox (Thunderbird, Gmail Takeout, Apple Mail, mutt): one document,
// each message a unit of copy read like an .eml, anchored in the mbox itself. The split is
// written here: the npm splitters (node-mbox, mbox-reader) are streams over whole messages
// that neither undo mboxrd's ">From " quoting nor say where a message starts, which anchors need.
import { partWith, type Part } from '../../documents/types.js';
import { moveAnchors, readMessage, withSent } from './email.js';
import { SourceError, type Reader } from '../types.js';

/** One message of an mbox, read. */
export interface MboxMessage {
  /** The unit its parts carry: the Message-ID, else `#N` (its 1-based place in the file). */
  unit: string;
  /** Line of its "From " separator in the mbox. */
  line: number;
  /** Date header as ISO 8601, when it parses. */
  date?: string;
  parts: Part[];
}

/** A message of the mbox that could not be read; the others still are. */
export interface MboxProblem {
  unit: string;
  line: number;
  reason: string;
}

/** A message as the mbox holds it, quoting undone. */
interface RawMessage {
  /** Line of the "From " separator; the message's line k is the file's line `line + k`. */
  line: number;
  text: string;
  /** Message lines that lost a leading ">" to unquoting: one column wider in the file. */
  widened: Set<number>;
}

/**
 * Splits an mbox (LF or CRLF). A message starts at a "From " line at the start of the file or
 * after a blank line; writers quote body lines that would look like one (">From "), and mboxrd
 * quotes those again (">>From "), so one ">" comes off every /^>+From / line. Text before the
 * first separator means this is not an mbox.
 */
export function splitMbox(raw: string): RawMessage[] {
  const lines = raw.split('\n');
  const messages: RawMessage[] = [];
  let current: (RawMessage & { body: string[] }) | undefined;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (previousBlank && content.startsWith('From ')) {
      if (current) messages.push(finish(current));
      current = { line: i + 1, text: '', widened: new Set(), body: [] };
    } else if (current) {
      const quoted = /^>+From /.test(content);
      if (quoted) current.widened.add(current.body.length + 1);
      current.body.push(quoted ? line.slice(1) : line);
    } else if (content.trim()) {
      throw new SourceError(`not an mbox: line ${i + 1} comes before any "From " separator line`, i + 1, 1);
    }
    previousBlank = content === '';
  }
  if (current) messages.push(finish(current));
  return messages;
}

/** The blank line an mbox writer adds after each message is not the message's. */
function finish({ line, widened, body }: RawMessage & { body: string[] }): RawMessage {
  while (body.length && /^\r?$/.test(body[body.length - 1])) body.pop();
  return { line, widened, text: body.join('\n') };
}

/** Every readable message of an mbox, and one problem for each message that is not. */
export async function readMboxMessages(bytes: Uint8Array): Promise<{ messages: MboxMessage[]; problems: MboxProblem[] }> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!raw.trim()) throw new SourceError('not an mbox: the file is empty');
  const messages: MboxMessage[] = [];
  const problems: MboxProblem[] = [];
  const units = new Set<string>();
  for (const [index, message] of splitMbox(raw).entries()) {
    const place = `#${index + 1}`;
    try {
      const read = await readMessage(Buffer.from(message.text, 'latin1'));
      // A Message-ID seen twice (a copy kept in two folders) cannot tell the two apart.
      const unit = read.messageId && !units.has(read.messageId) ? read.messageId : place;
      units.add(unit);
      const parts = withSent(read).map((part) => partWith(part, { unit, anchors: moveAnchors(part.anchors, message.line, message.widened) }));
      messages.push({ unit, line: message.line, date: read.date, parts });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      problems.push({ unit: place, line: message.line, reason: error.message });
    }
  }
  return { messages, problems };
}

/**
 * An mbox as one document: the parts of every readable message, each carrying its message's
 * unit. Throws only when no message is readable, naming why for the first few.
 */
export const readMbox: Reader = async (input) => {
  const { messages, problems } = await readMboxMessages(input.bytes);
  if (messages.length) {
    // One bad message loses nothing else: it is reported on its own, the others are read.
    return { parts: messages.flatMap((m) => m.parts), problems: problems.map((p) => new SourceError(`message ${p.unit}: ${p.reason}`, p.line)) };
  }
  const reasons = problems.slice(0, 3).map((p) => `${p.unit} (line ${p.line}): ${p.reason}`);
  if (problems.length > 3) reasons.push(`${problems.length - 3} more`);
  throw new SourceError(`no readable message in the mbox: ${reasons.join('; ')}`, problems[0]?.line);
};

