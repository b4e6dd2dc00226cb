// Which spec `storefront check` runs when it is given none: `storefront.yaml` (or `.yml`) in
// the working directory or the nearest parent folder that has one, as ESLint and
// markdownlint-cli2 find their configuration, so the check runs from any subfolder.
import { stat } from 'node:fs/promises';
import path from 'node:path';

export const SPEC_NAMES = ['storefront.yaml', 'storefront.yml'] as const;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The absolute path of the nearest spec at or above `cwd`, or undefined. */
export async function findSpec(cwd: string): Promise<string | undefined> {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of SPEC_NAMES) {
      const candidate = path.join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
