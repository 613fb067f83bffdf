import { defineConfig } from 'vitest/config';

// The suites that need system packages: Chromium (/usr/bin/chromium) and curl.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser or mock at a time on small CI machines.
    fileParallelism: false,
  },
});
