import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own Prism (1-4 s on a busy machine); property tests send a few hundred requests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
