// The package's version, for the User-Agent, SARIF's tool.driver and --version, and where its
// documentation lives (from package.json's `repository`), for the help links of every report.
import { readFileSync } from 'node:fs';

interface PackageJson {
  version?: string;
  repository?: string | { url?: string };
}

function packageJson(): PackageJson {
  try {
    // src/ and dist/ are both one level below package.json.
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;
  } catch {
    return {};
  }
}

const PACKAGE = packageJson();

export const VERSION = PACKAGE.version ?? '0';

/** `git+https://github.com/o/r.git` (or `github:o/r`) as the repository's web address. */
export function repositoryWebUrl(repository: PackageJson['repository']): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}/${shorthand[2]}`;
  return raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '').replace(/\/+$/, '');
}

/** The docs folder of the repository, as browsed on the web (main branch). */
export const DOCS_URL = `${repositoryWebUrl(PACKAGE.repository) ?? 'https://github.com/storefront-cli/storefront-cli'}/blob/main/docs`;
