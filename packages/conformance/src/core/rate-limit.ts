/**
 * Spaces request starts at least `1000 / perSecond` ms apart (no burst; requests are sequential): the real API may count
 * requests against a quota, and a conformance run should never look like a flood. No limit: no wait.
 */
export function rateLimiter(perSecond: number | undefined): () => Promise<void> {
  if (perSecond === undefined || perSecond <= 0) return async () => {};
  const gap = 1000 / perSecond;
  let next = 0;
  return async () => {
    const wait = next - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // From the actual start: a timer that fired late never lets the next request come early.
    next = Date.now() + gap;
  };
}
