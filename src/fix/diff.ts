// A unified diff of one file's fix, for --dry-run: changes are whole lines, so hunks are
// built from the changed line numbers with three lines of context.
const CONTEXT = 3;

export function unifiedDiff(name: string, before: string, after: string): string {
  // The empty string after a final newline is no line of the file.
  const lines = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const a = lines(before);
  const b = lines(after);
  // A fix never adds or removes lines: line i of one is line i of the other.
  const changed = a.map((line, i) => line !== b[i]).flatMap((c, i) => (c ? [i] : []));
  if (!changed.length) return '';
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(a.length - 1, i + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const [from, to] of hunks) {
    const size = to - from + 1;
    out.push(`@@ -${from + 1},${size} +${from + 1},${size} @@`);
    for (let i = from; i <= to; i++) {
      if (a[i] === b[i]) out.push(` ${a[i]}`);
      else out.push(`-${a[i]}`, `+${b[i]}`);
    }
  }
  return `${out.join('\n')}\n`;
}
