// The limiter's spacing holds between the moments requests are handed over, not between the moments it lets them go:
// a request whose own code was slow to call fetch must not shorten the gap before the next one (a CI run on a busy
// machine saw 482 ms between two requests limited to 2 per second).
import { describe, expect, it } from 'vitest';
import { rateLimiter } from '../src/core/rate-limit.js';

/** Keeps the thread busy, as a loaded machine does between the limiter's release and fetch. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

describe('rateLimiter', () => {
  it('spaces the moments requests are sent, however long the code before the send takes', async () => {
    const limit = rateLimiter(20); // 50 ms apart
    const sent: number[] = [];
    await limit(async () => {
      busy(30);
      sent.push(Date.now());
    });
    await limit(async () => {
      sent.push(Date.now());
    });
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(50);
  });

  it('returns what the send returns, and rejects as it rejects', async () => {
    const limit = rateLimiter(1000);
    await expect(limit(async () => 'answer')).resolves.toBe('answer');
    await expect(limit(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });

  it('sends at once with no limit or a limit of 0', () => {
    for (const perSecond of [undefined, 0]) {
      const limit = rateLimiter(perSecond);
      let sends = 0;
      for (let index = 0; index < 3; index += 1) {
        void limit(async () => {
          sends += 1;
        });
        // Called before the limiter returned: no timer, no wait.
        expect(sends).toBe(index + 1);
      }
    }
  });
});
