// The one sanitiser for every line a person or a CI runner reads: the terminal report, extract's
// outline, GitHub workflow commands, progress and error lines on stderr. Values in them (copy,
// file names, spec values, sitemap entries) may come from a stranger's pull request, and must
// not be able to move the cursor, set the clipboard (OSC 52), retitle the terminal (OSC 0),
// reorder the line (bidi overrides) or start a line of their own — a line starting with `::`
// is a workflow command to a GitHub runner, on stdout and stderr alike.
// JSON, SARIF, JUnit, HTML and the other file formats keep text as found: their own escaping
// makes it inert.

// C0 and C1 controls (ESC starts every terminal sequence; C1 has the 8-bit CSI and OSC) and
// DEL; the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Bidi isolates in a value: an unmatched PDI would close the isolate a report puts around
// copy (highlight.ts), and an RLO after it would then reverse the rest of the line. Embeddings
// and overrides inside that isolate end with it, so copy keeps them; a line with no isolate
// around its values (stderr) loses them too. (LRM, RLM and ALM reorder nothing beyond their
// neighbours, and stay.)
const BIDI_ISOLATE = /[\u2066-\u2069]/g;
const BIDI_EMBEDDING = /[\u202a-\u202e]/g;
const LINE_BREAK = /[\t\n\r\u0085\u2028\u2029]/;

/**
 * A value made safe to print inside one line, one character for one, so offsets into it stay
 * valid: tabs and line breaks become spaces, other controls and bidi isolates U+FFFD.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => (LINE_BREAK.test(ch) ? ' ' : '\uFFFD')).replace(BIDI_ISOLATE, '\uFFFD');
}

/**
 * Text a format escapes line breaks in itself (a GitHub workflow command's %0A, %0D): every
 * other control and bidi isolate is replaced, line breaks and tabs are kept as found.
 */
export function printableLines(text: string): string {
  return text.replace(CONTROL, (ch) => (ch === '\n' || ch === '\r' || ch === '\t' ? ch : LINE_BREAK.test(ch) ? ' ' : '\uFFFD')).replace(BIDI_ISOLATE, '\uFFFD');
}

// A runner reads `::command` at the start of a line, after any leading white space.
const WORKFLOW_COMMAND = /^(\s*):(?=:)/;

/** One line for stderr or a log: printable, no bidi control, and never able to start a workflow command. */
export function safeLine(text: string): string {
  return printable(text).replace(BIDI_EMBEDDING, '\uFFFD').replace(WORKFLOW_COMMAND, '$1\uFF1A');
}

/** A block of lines (commander's messages, extract's outline): each line a safeLine. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}
