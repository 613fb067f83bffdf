/**
 * Spaces request starts at least `1000 / perSecond` ms apart (no burst): the real API may count
 * requests against a quota, and a conformance run should never look like a flood. No limit: no wait.
 */
export function rateLimiter(perSecond: number | undefined): () => Promise<void> {
  if (perSecond === undefined || perSecond <= 0) return async () => {};
  const gap = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + gap;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}
