// Runs once before the suite: says in one line that the corpus tests are skipped on a clone
// without ../shared, or fails the run when that happens under CI (where ../shared is laid out).
import { hasShared, SHARED_DIR } from './shared.js';

export default function setup(): void {
  if (hasShared) return;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`CI=${process.env.CI} but the shared corpus is missing (${SHARED_DIR}corpus/SOURCES.md): the corpus tests must run in CI`);
  }
  console.log('storefront tests: ../shared/corpus not found beside the repository, so the tests that read the real-world corpus are skipped (they run in CI).');
}
