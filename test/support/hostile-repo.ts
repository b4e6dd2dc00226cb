// A checkout as a stranger's pull request could make it, built at test time in a temp folder:
// a fake `.git` (which defines the repository root) holding a secret-looking credential, a
// folder outside the root with text that must never be read, and the links and special
// files that point at them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SECRET = 'ghs_SECRETxCREDENTIALx0123456789';
export const OUTSIDE_TEXT = 'OUTSIDE-ONLY-TEXT Spring Sale';
export const OUTSIDE_NAME = 'private-outside-name';

export interface HostileRepo {
  /** The temp folder holding both. */
  base: string;
  /** The repository root (has `.git`). */
  repo: string;
  outside: string;
  write(relative: string, text: string | Uint8Array): string;
  link(relative: string, target: string): void;
  fifo(relative: string): void;
}

export function hostileRepo(): HostileRepo {
  const base = mkdtempSync(path.join(tmpdir(), 'storefront-hostile-'));
  const repo = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(repo, '.git', 'config'), `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
  writeFileSync(path.join(outside, `${OUTSIDE_NAME}.txt`), `${OUTSIDE_TEXT}\n`);
  writeFileSync(path.join(outside, `${OUTSIDE_NAME}.html`), `<html><head><title>${OUTSIDE_TEXT}</title></head><body><p>${OUTSIDE_TEXT}</p></body></html>`);
  const at = (relative: string) => {
    const file = path.join(repo, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    return file;
  };
  return {
    base,
    repo,
    outside,
    write: (relative, text) => {
      const file = at(relative);
      writeFileSync(file, text);
      return file;
    },
    link: (relative, target) => symlinkSync(target, at(relative)),
    fifo: (relative) => execFileSync('mkfifo', [at(relative)]),
  };
}
