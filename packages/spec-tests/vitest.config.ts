import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Lint and bundle runs of mutated copies spawn the Redocly CLI (about a second each).
    testTimeout: 60_000,
  },
});
