import { defineConfig } from 'vitest/config';
import { hangGuard } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...hangGuard,
  },
});
