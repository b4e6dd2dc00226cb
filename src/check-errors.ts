// The error of a command that cannot run as asked, apart from the checks so the command line
// can use it without loading them.

/** A problem with the command itself (e.g. an unknown --channel): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
