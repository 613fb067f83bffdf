import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The stack starts Prism (1-4 s on a busy machine).
    testTimeout: 60_000,
  },
});
