import { defineConfig } from 'vitest/config';
import { hangGuard } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...hangGuard,
    // Starts the real Prism mock once (on a free port) for the suites that talk to it.
    globalSetup: ['test/support/global-setup.ts'],
    // Type tests run through tsc: an unused `@ts-expect-error` or a failed `expectTypeOf` fails the run.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
