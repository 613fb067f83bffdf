import { defineConfig } from 'vitest/config';
import { hangGuard } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...hangGuard,
    // The generators and tsc run with spawnSync, which no test timeout can interrupt: such a timeout
    // only fails a test that passed, once it is over (a generator's run and tsc on its output take
    // minutes on a busy two-core machine). The guard is on each child process instead (src/child.ts).
    testTimeout: 0,
    hookTimeout: 0,
  },
});
