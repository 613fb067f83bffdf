import { defineConfig } from 'vitest/config';
import { hangGuard } from '../vitest.shared.js';

// The suites that need system packages: Chromium (/usr/bin/chromium) and curl.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    ...hangGuard,
    // One browser or mock at a time on small CI machines.
    fileParallelism: false,
  },
});
