/** A problem with the command itself (e.g. an unknown --channel): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
