import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // action-validator compiles its WebAssembly on first use and the CommonJS cases spawn Node:
    // half a second alone, several seconds when turbo runs every suite at once on two cores.
    testTimeout: 30_000,
  },
});
