import { type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { hangGuard } from '../../../vitest.shared.js';

/**
 * Runs a child process (a generator, tsc, npm) to its end, killed only past the repository's hang
 * guard. The tests run every child with spawnSync, which no test timeout can interrupt: such a
 * timeout only fails a test that passed, once it is over, and a short one (it was 60 s for tsc on
 * an output) is what a busy two-core machine misses. The guard here does stop a hung child.
 */
export function runChild(
  what: string,
  command: string,
  args: string[],
  options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {},
  guardMs: number = hangGuard.testTimeout,
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: guardMs, killSignal: 'SIGKILL' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    throw new Error(`${what}: still running after ${guardMs / 1000} s, stopped.`);
  }
  return result;
}
