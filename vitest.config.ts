import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // CLI tests spawn Node; on a loaded 2-core machine 5 s is not enough. No test asserts time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
