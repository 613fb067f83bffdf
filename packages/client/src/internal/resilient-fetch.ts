// Timeouts and retries live in the `fetch` that openapi-fetch calls, not in middleware: openapi-fetch
// cannot retry from middleware (its issue 2075), and here every attempt gets its own signal, its own
// fresh token and the same immutable Request.

export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

export interface ResilienceOptions {
  fetch: FetchFunction;
  /** Resolves the bearer token; called before every attempt so a refreshed token is picked up. */
  getToken: () => string | Promise<string>;
  /** Milliseconds per attempt, reading the body included. `0` disables the timeout. */
  timeoutMs: number;
  /** Extra attempts for safe requests (GET, DELETE). */
  retries: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  retryDelayMs: number;
  /** Cap of a backoff delay, and the longest `Retry-After` that is waited for. */
  maxRetryDelayMs: number;
}

/** Thrown when `getToken` fails, so the failure is not mistaken for a network error. */
export class TokenFailure extends Error {}

// DELETE is idempotent: a repeated delete of a deleted profile is a 404, never a second effect.
// POST and PATCH may cause charges, so they are sent once.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

export function createResilientFetch(options: ResilienceOptions) {
  const { fetch, getToken, timeoutMs, retries, retryDelayMs, maxRetryDelayMs } = options;
  // Attempts that start within the same slice of time share one deadline: one AbortController and
  // one timer per slice instead of per attempt (creating an AbortSignal costs Node more than the rest
  // of the client's own work). An attempt thus times out between timeoutMs and timeoutMs + slice, and
  // the deadline stays armed while the body is read, so the timeout covers the body too.
  const slice = Math.min(100, timeoutMs / 10);
  let deadline: { signal: AbortSignal; sliceEnd: number } | undefined;

  function sharedDeadline(): AbortSignal {
    const now = Date.now();
    // A slice's deadline fires after the slice has ended, so an aborted deadline is never reused.
    if (!deadline || now >= deadline.sliceEnd) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new DOMException(`No response within ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs + slice);
      // In Node, a pending deadline must not keep the process alive once every request is done.
      (timer as { unref?: () => void }).unref?.();
      deadline = { signal: controller.signal, sliceEnd: now + slice };
    }
    return deadline.signal;
  }

  /** The signal of one attempt: the shared deadline, the caller's signal, or both. */
  function attemptSignal(caller: AbortSignal | null): AbortSignal | null {
    const timeout = timeoutMs > 0 ? sharedDeadline() : null;
    // AbortSignal.any follows its sources without adding listeners to them, so a caller may share
    // one signal between any number of concurrent requests.
    return caller && timeout ? AbortSignal.any([caller, timeout]) : (caller ?? timeout);
  }

  const backoff = (attempt: number) => Math.min(maxRetryDelayMs, retryDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);

  /**
   * `caller` is the signal that aborts the whole request (the Request's own by default); `null` when
   * the caller is known to have none.
   */
  return async function resilientFetch(request: Request, _init?: RequestInit, caller: AbortSignal | null = request.signal): Promise<Response> {
    const attempts = SAFE_METHODS.has(request.method) ? retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      let token: string | Promise<string>;
      try {
        // A static token is a string: awaiting it anyway would cost a turn of the event loop per request.
        token = getToken();
        if (typeof token !== 'string') token = await token;
      } catch (error) {
        throw new TokenFailure('', { cause: error });
      }
      request.headers.set('Authorization', `Bearer ${token}`);
      const signal = attemptSignal(caller);
      let response: Response;
      try {
        response = await fetch(request, signal ? { signal } : undefined);
      } catch (error) {
        if (caller?.aborted || attempt >= attempts) throw error;
        await sleep(backoff(attempt - 1), caller);
        continue;
      }
      if (attempt >= attempts || !RETRY_STATUSES.has(response.status)) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > maxRetryDelayMs) return response;
      await response.body?.cancel();
      await sleep(retryAfter ?? backoff(attempt - 1), caller);
    }
  };
}

/** Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date), if it has one. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return undefined;
  const wait = Number(value) * 1000 || Date.parse(value) - Date.now();
  return Number.isNaN(wait) ? undefined : Math.max(0, wait);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, caller: AbortSignal | null): Promise<void> {
  // Listen on a private follower of the caller's signal: listeners never pile up on a signal the
  // caller shares between concurrent requests.
  const signal = caller && AbortSignal.any([caller]);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
