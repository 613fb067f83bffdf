import { defineConfig } from 'vitest/config';
import { hangGuard } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...hangGuard,
    // Every test here is synchronous: it runs git and the CLIs with spawnSync, which no test timeout
    // can interrupt. Such a timeout only fails a test that passed, once it is over: a test that runs
    // the CLI twice took 857 s on a busy two-core machine, past the 600 s guard. The guard is on each
    // child process instead (test/support/throwaway-repo.ts), which it does stop.
    testTimeout: 0,
  },
});
