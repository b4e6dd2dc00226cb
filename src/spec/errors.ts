/** A spec that cannot be used: one line, "FILE:LINE:COLUMN: PATH: what was expected". */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly path: string,
    readonly reason: string,
  ) {
    const where = line ? `${file}:${line}:${column ?? 1}` : file;
    super(`${where}: ${path ? `${path}: ` : ''}${reason}`);
  }
}
