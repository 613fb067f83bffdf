/**
 * Spaces request starts at least `1000 / perSecond` ms apart (no burst; requests are sequential): the real API may count
 * requests against a quota, and a conformance run should never look like a flood. No limit: no wait.
 *
 * The limiter calls `send` itself and starts the next gap only once `send` has handed the request over, so the spacing
 * holds between the moments requests are sent, however late a timer fires or however long the code before `send` takes.
 */
export function rateLimiter(perSecond: number | undefined): <T>(send: () => Promise<T>) => Promise<T> {
  if (perSecond === undefined || perSecond <= 0) return (send) => send();
  const gap = 1000 / perSecond;
  let next = 0;
  return async (send) => {
    // A loop, not one timer: a timer may fire a millisecond early.
    for (let wait = next - Date.now(); wait > 0; wait = next - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const sent = send();
    next = Date.now() + gap;
    return sent;
  };
}
