import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each generator runs once per suite, some under a second Node; tsc then checks each output.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
