// What every package's vitest config shares.

/**
 * The runner's timeouts are a hang guard, not a speed limit: tests wait for events (a process
 * printed its line, the server got the request), and on a busy two-core machine a step that takes
 * a second alone can take a minute. So does `expect.poll` (Vitest's default gives up after 1 s):
 * it fails with what it last saw after three minutes, before the test's own guard.
 */
export const hangGuard = { testTimeout: 600_000, hookTimeout: 600_000, expect: { poll: { timeout: 180_000 } } };
