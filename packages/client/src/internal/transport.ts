// The transport: one Request in, what was read out (the response, its body as text, the token it
// carried). Timeouts, retries, redirects and the body limit live here, under both the methods and
// the raw client's `fetch` (openapi-fetch cannot retry from middleware: its issue 2075), so every
// attempt gets its deadline, a fresh token and the same immutable Request. The body is read here
// too, so the deadline and the size limit cover it.
import { MAX_TIMER_MS, type Settings } from '../core/options.js';
import { PbxUnexpectedStatusError, type PbxErrorDetails } from '../core/errors.js';
import { bodyTooLarge, failure, redirectRefused, tokenFailed, tokenInvalid } from './failures.js';

/** One call's view of the settings. */
export interface Attempts {
  timeoutMs: number;
  retries: number;
  signal?: AbortSignal | undefined;
}

/** What a request got: the final response (its body already read), the body, the token it was sent with. */
export interface Exchange {
  response: Response;
  text: string;
  token: string;
}

// DELETE is idempotent: a repeated delete of a deleted profile is a 404, never a second effect.
// POST and PATCH may cause charges, so they are sent once and never re-sent after a redirect.
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'DELETE'];
const RETRY_STATUSES = [408, 429, 502, 503, 504];
// Status 0 is a browser's 'opaqueredirect', which hides the target (and every header).
const isRedirect = (status: number) => status === 0 || (status > 300 && status < 309 && status !== 304);

export function createTransport({ baseUrl, origin, fetch, getToken, timeoutMs, retryDelayMs, maxRetryDelayMs, maxResponseBytes, logger }: Settings) {
  // The path of baseUrl is cut from messages and log lines, so they show the API's paths.
  const basePath = baseUrl.slice(origin.length);
  // Why a shared deadline: a deadline signal per attempt costs Node 20 a sixth of the throughput of a
  // GET (measured with `AbortSignal.timeout()` per attempt: 0.72x-0.73x of bare openapi-fetch, against
  // 0.84x-0.88x shared; bench/overhead.js). So attempts with the client's timeoutMs that start within
  // the same slice of time (a tenth of it, at most 100 ms) share one deadline: an attempt times out
  // between timeoutMs and timeoutMs + slice. A call with its own timeoutMs gets a deadline of its own.
  const slice = Math.min(100, timeoutMs / 10);
  let shared: AbortSignal;
  let sliceEnd = 0;
  const deadlineOf = (ms: number) => {
    if (ms !== timeoutMs) return AbortSignal.timeout(ms);
    const now = Date.now();
    // A slice's deadline fires after the slice has ended, so an aborted deadline is never reused.
    // Never past what a timer can wait: a longer delay would fire after about 1 ms.
    if (now >= sliceEnd) (shared = AbortSignal.timeout(Math.min(timeoutMs + slice, MAX_TIMER_MS))), (sliceEnd = now + slice);
    return shared;
  };

  /** Method and path (under baseUrl, without the query) of `request`, for errors and log lines. */
  const where = ({ method, url }: Request, response?: Response): PbxErrorDetails => {
    const { pathname } = new URL(url);
    return { method, path: pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname, response };
  };

  /**
   * Sends `request` as often as `call` allows; whatever ends it without a response is a PbxError
   * (`failure()`), whose cause shows none of `secrets` nor the tokens the attempts carried.
   */
  const send = (request: Request, call: Attempts, secrets: readonly unknown[] = []): Promise<Exchange> => {
    const tokens: unknown[] = [];
    return attempt(request, call, tokens).catch((error: unknown) => {
      throw failure(error, where(request), call, [...tokens, ...secrets]);
    });
  };

  async function attempt(request: Request, call: Attempts, tokens: unknown[]): Promise<Exchange> {
    const safe = SAFE_METHODS.includes(request.method);
    const caller = call.signal;
    for (let attempt = 1; ; attempt++) {
      caller?.throwIfAborted();
      const started = logger && performance.now();
      const last = !safe || attempt > call.retries;
      const timeout = call.timeoutMs ? deadlineOf(call.timeoutMs) : undefined;
      // AbortSignal.any follows its sources without adding listeners to them, so a caller may share
      // one signal between any number of concurrent requests.
      const signal = caller && timeout ? AbortSignal.any([caller, timeout]) : (caller ?? timeout);
      const init = { signal: signal ?? null, redirect: 'manual' } as const;
      let status: number | undefined;
      let wait: number | undefined;
      try {
        // A static token is a string: awaiting it anyway would cost a turn of the event loop per request.
        let token: unknown;
        try {
          token = getToken();
          if (typeof token !== 'string') token = await untilAborted(Promise.resolve(token), signal);
        } catch (error) {
          throw signal?.aborted ? signal.reason : tokenFailed(where(request), error);
        }
        if (typeof token !== 'string' || !token) throw tokenInvalid(where(request), token);
        tokens.push(token);
        request.headers.set('Authorization', `Bearer ${token}`);
        let response: Response | undefined;
        try {
          response = await fetch(request, init);
          // A redirect of GET or DELETE is followed within the origin of baseUrl, within this attempt.
          for (let hops = 0, sent = request; isRedirect((status = response.status)); hops++) {
            const location = response.headers.get('location');
            const target = location ? new URL(location, sent.url) : undefined;
            await response.body?.cancel();
            const refused = !safe ? 'a create or patch is never re-sent' : target?.origin !== origin ? 'only redirects within the origin of baseUrl are followed' : hops > 19 && 'too many redirects';
            if (refused) throw redirectRefused(where(sent, response), target?.host, refused);
            sent = new Request(target!, { method: status === 303 && sent.method !== 'GET' ? 'GET' : sent.method, headers: sent.headers });
            response = await fetch(sent, init);
          }
        } catch (error) {
          if (error instanceof PbxUnexpectedStatusError || caller?.aborted || last) throw error;
          response = undefined;
        }
        if (response) {
          if (last || !RETRY_STATUSES.includes(status!)) {
            return { response, text: await readText(response, maxResponseBytes, () => where(request, response)), token };
          }
          // Retry-After is cut to maxRetryDelayMs (at most 2^31-1: setTimeout cannot wait longer).
          wait = parseRetryAfter(response.headers.get('retry-after'));
          await response.body?.cancel();
        }
      } finally {
        if (logger) {
          const { method, path } = where(request);
          const ms = Math.round(performance.now() - started!);
          logger.debug(`${method} ${path} ${status ?? '-'} attempt ${attempt} ${ms} ms`, { method, path, status, attempt, ms });
        }
      }
      // The backoff doubles per attempt, with jitter; a Retry-After replaces it. Either is cut to maxRetryDelayMs.
      wait = Math.min(wait ?? retryDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2), maxRetryDelayMs);
      let timer: ReturnType<typeof setTimeout>;
      await untilAborted(new Promise((resolve) => (timer = setTimeout(resolve, wait))), caller, () => clearTimeout(timer));
    }
  }

  return { send, where };
}

/** The body as text, at most `limit` bytes after decompression (counted as it arrives). */
function readText(response: Response, limit: number, where: () => PbxErrorDetails): Promise<string> {
  const declared = response.headers.get('content-length');
  // The fast path, without a turn of an async function: a body of a known length that fits and is not compressed.
  return declared && +declared <= limit && !response.headers.has('content-encoding') ? response.text() : readStream(response, Number(declared) > limit, limit, where);
}

async function readStream(response: Response, declaredTooLarge: boolean, limit: number, where: () => PbxErrorDetails): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // A declared length over the limit is refused before the first read.
  for (let total = declaredTooLarge ? Infinity : 0; reader; ) {
    if (total > limit) {
      await reader.cancel();
      throw bodyTooLarge(where(), limit);
    }
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * `promise`, or the signal's reason as soon as it aborts (then `onAbort` runs). It listens on a
 * private follower of the signal, so listeners never pile up on one the caller shares.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise;
  const follower = AbortSignal.any([signal]);
  return new Promise<T>((resolve, reject) => {
    const abort = () => (onAbort?.(), reject(follower.reason));
    if (follower.aborted) return abort();
    follower.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => follower.removeEventListener('abort', abort));
  });
}

/** Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date), if it has one. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return undefined;
  const wait = Number(value) * 1000 || Date.parse(value) - Date.now();
  return Number.isNaN(wait) ? undefined : Math.max(0, wait);
}
