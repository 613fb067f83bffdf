// What every package's vitest config shares.

/**
 * The runner's timeouts are a hang guard, not a speed limit: tests wait for events (a process
 * printed its line, the server got the request), and on a busy two-core machine a step that takes
 * a second alone can take a minute.
 */
export const hangGuard = { testTimeout: 600_000, hookTimeout: 600_000 };
