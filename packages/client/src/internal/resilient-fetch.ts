// Timeouts, retries, redirects and the body limit live in the `fetch` that openapi-fetch calls, not
// in middleware: openapi-fetch cannot retry from middleware (its issue 2075), and here every attempt
// gets its deadline, a fresh token and the same immutable Request. The body is read here too, so the
// deadline and the size limit cover it.
import { MAX_TIMER_MS, type Settings } from '../options.js';
import { PbxInvalidResponseError, PbxUnexpectedStatusError, type PbxErrorDetails } from '../errors.js';
import { TokenFailure } from './failures.js';

/** One call's view of the settings. The client's methods set `readsBody` and get the text in `text`. */
export interface Attempts {
  timeoutMs: number;
  retries: number;
  signal: AbortSignal | undefined;
  readsBody?: boolean;
  text?: string;
}

// DELETE is idempotent: a repeated delete of a deleted profile is a 404, never a second effect.
// POST and PATCH may cause charges, so they are sent once and never re-sent after a redirect.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A signal that aborts with a TimeoutError after `ms`; the timer does not keep Node alive. */
function deadline(ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`No response within ${ms} ms.`, 'TimeoutError')), ms);
  (timer as { unref?: () => void }).unref?.();
  return controller.signal;
}

export function createResilientFetch(settings: Settings) {
  // The path of baseUrl is cut from messages and log lines, so they show the API's paths.
  const basePath = new URL(settings.baseUrl).pathname.replace(/\/+$/, '');
  const { fetch, getToken, timeoutMs, retryDelayMs, maxRetryDelayMs, maxResponseBytes, origin, logger } = settings;
  // Why a shared deadline: an AbortController and a timer per attempt cost Node 20 about a tenth of
  // the throughput of a GET (measured: 0.80x-0.82x of bare openapi-fetch with them, 0.89x-0.92x
  // without; the budget is 0.9x). So attempts with the client's timeoutMs that start within the same
  // slice of time (a tenth of it, at most 100 ms) share one deadline: an attempt times out between
  // timeoutMs and timeoutMs + slice. A call with its own timeoutMs gets a deadline of its own.
  const slice = Math.min(100, timeoutMs / 10);
  let shared: AbortSignal | undefined;
  let sliceEnd = 0;
  const deadlineOf = (ms: number) => {
    if (ms !== timeoutMs) return deadline(ms);
    const now = Date.now();
    // A slice's deadline fires after the slice has ended, so an aborted deadline is never reused.
    if (now >= sliceEnd) {
      // Never past what a timer can wait: a longer delay would fire after about 1 ms.
      shared = deadline(Math.min(timeoutMs + slice, MAX_TIMER_MS));
      sliceEnd = now + slice;
    }
    return shared!;
  };
  const backoff = (attempt: number) => Math.min(maxRetryDelayMs, retryDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);

  // Status 0 is a browser's 'opaqueredirect' (it hides the target); reading the status alone is cheaper than `type`.
  const isRedirect = ({ status }: Response) => status === 0 || (status > 300 && status < 309 && status !== 304);

  /** Follows a redirect of GET or DELETE that stays on the origin of baseUrl; refuses any other. */
  async function follow(request: Request, response: Response, signal: AbortSignal | undefined): Promise<Response> {
    for (let hops = 0; isRedirect(response); hops++) {
      const location = response.headers.get('location');
      // A browser hides the target of a redirect ('opaqueredirect', status 0).
      const target = location && response.type !== 'opaqueredirect' ? new URL(location, request.url) : undefined;
      await response.body?.cancel();
      if (!SAFE_METHODS.has(request.method) || target?.origin !== origin || hops >= 20) {
        const why = !SAFE_METHODS.has(request.method) ? 'a create or patch is never re-sent' : hops >= 20 ? 'too many redirects' : 'only redirects within the origin of baseUrl are followed';
        throw new PbxUnexpectedStatusError(`answered ${response.status}, a redirect to ${target?.host ?? 'a hidden location'}, which was not followed: ${why}.`, where(request, response));
      }
      request = new Request(target, { method: response.status === 303 && request.method !== 'GET' ? 'GET' : request.method, headers: request.headers });
      response = await fetch(request, { signal: signal ?? null, redirect: 'manual' });
    }
    return response;
  }

  /** Method and path (under baseUrl, without the query) of `request`, for errors and log lines. */
  const where = (request: Request, response?: Response) => {
    const { pathname } = new URL(request.url);
    return { method: request.method, path: pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname, response };
  };

  return { send, where };

  /** Sends `request` as often as `call` allows; whatever it throws goes through `failure()`. */
  async function send(request: Request, call: Attempts): Promise<Response> {
    const attempts = SAFE_METHODS.has(request.method) ? call.retries + 1 : 1;
    const caller = call.signal;
    for (let attempt = 1; ; attempt++) {
      caller?.throwIfAborted();
      const started = logger && performance.now();
      const timeout = call.timeoutMs > 0 ? deadlineOf(call.timeoutMs) : undefined;
      // AbortSignal.any follows its sources without adding listeners to them, so a caller may share
      // one signal between any number of concurrent requests.
      const signal = caller && timeout ? AbortSignal.any([caller, timeout]) : (caller ?? timeout);
      let status: number | undefined;
      let wait: number;
      try {
        // A static token is a string: awaiting it anyway would cost a turn of the event loop per request.
        let token: string | Promise<string>;
        try {
          token = getToken();
          if (typeof token !== 'string') token = await untilAborted(token, signal);
        } catch (error) {
          throw signal?.aborted ? signal.reason : new TokenFailure('', { cause: error });
        }
        request.headers.set('Authorization', `Bearer ${token}`);
        let response: Response | undefined;
        try {
          response = await fetch(request, { signal: signal ?? null, redirect: 'manual' });
          if (isRedirect(response)) response = await follow(request, response, signal);
        } catch (error) {
          if (error instanceof PbxUnexpectedStatusError || caller?.aborted || attempt >= attempts) throw error;
          wait = backoff(attempt - 1);
        }
        if (response) {
          status = response.status;
          if (attempt >= attempts || !RETRY_STATUSES.has(status)) {
            const text = await readText(response, maxResponseBytes, () => where(request, response));
            if (call.readsBody) call.text = text;
            if (call.readsBody && response.ok) return response;
            return new Response(NULL_BODY_STATUSES.has(status) ? null : text, { status, statusText: response.statusText, headers: response.headers });
          }
          // Retry-After is cut to maxRetryDelayMs (at most 2^31-1: setTimeout cannot wait longer).
          wait = Math.min(parseRetryAfter(response.headers.get('retry-after')) ?? backoff(attempt - 1), maxRetryDelayMs);
          await response.body?.cancel();
        }
      } finally {
        if (logger) {
          const { method, path } = where(request);
          const ms = Math.round(performance.now() - started!);
          logger.debug(`${method} ${path} ${status ?? '-'} attempt ${attempt} ${ms} ms`, { method, path, status, attempt, ms });
        }
      }
      await sleep(wait!, caller);
    }
  }
}

/** The body as text, at most `limit` bytes after decompression (counted as it arrives). */
async function readText(response: Response, limit: number, where: () => PbxErrorDetails): Promise<string> {
  const tooLarge = () => new PbxInvalidResponseError(`answered ${response.status} with a body over maxResponseBytes (${limit} bytes).`, where());
  const declared = response.headers.get('content-length');
  if (declared !== null && +declared > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  // The fast path: a body of a known length that fits and is not compressed.
  if (declared !== null && !response.headers.has('content-encoding')) return response.text();
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let total = 0; reader; ) {
    const { done, value } = await reader.read();
    if (done) break;
    if ((total += value.byteLength) > limit) {
      await reader.cancel();
      throw tooLarge();
    }
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

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout>;
  return untilAborted(new Promise((resolve) => (timer = setTimeout(resolve, ms))), signal, () => clearTimeout(timer));
}

/** Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date), if it has one. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return undefined;
  const wait = Number(value) * 1000 || Date.parse(value) - Date.now();
  return Number.isNaN(wait) ? undefined : Math.max(0, wait);
}
