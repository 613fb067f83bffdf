import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own mock (real Prism, 1-4 s on a busy machine); a conformance run sends
    // a few thousand requests.
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
