import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts the real Prism mock once (on a free port) for the suites that talk to it.
    globalSetup: ['test/support/global-setup.ts'],
    // Type tests run through tsc: an unused `@ts-expect-error` or a failed `expectTypeOf` fails the run.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The consumer test packs and installs two tarballs; the Prism mock answers in tens of ms.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
