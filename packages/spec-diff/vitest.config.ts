import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end cases bundle the spec twice with the Redocly CLI (a few seconds each).
    testTimeout: 120_000,
  },
});
