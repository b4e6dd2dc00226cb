// The package's version, for the User-Agent, SARIF's tool.driver and --version.
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  try {
    // src/ and dist/ are both one level below package.json.
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0';
  } catch {
    return '0';
  }
}

export const VERSION = packageVersion();
