// Client and call options, checked where they are given (createClient, each call) so a mistake
// fails loudly with a TypeError naming the option, never as a strange request later.
import { isObject } from './redaction.js';
import { regionBaseUrl, type Region } from './regions.js';

export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** Receives one line per attempt when given: method, path (no query), status, attempt, milliseconds. Never a secret. */
export interface PbxLogger {
  debug(message: string, fields: { method: string; path: string; status: number | undefined; attempt: number; ms: number }): void;
}

type Where = { region: Region; baseUrl?: never } | { baseUrl: string; region?: never };
type Auth =
  | { token: string; getToken?: never }
  | {
      /** Called before every attempt; may be async. Refreshing the token is yours: on 401 the client throws `PbxAuthenticationError`. */
      getToken: () => string | Promise<string>;
      token?: never;
    };

/** What each call may set for itself; the client's options are the defaults. */
export interface CallOptions {
  /** Aborts the call: `PbxAbortError`; a signal from `AbortSignal.timeout()` ends it with `PbxTimeoutError`. */
  signal?: AbortSignal;
  /** Milliseconds per attempt for this call, reading the body included (`0`: none). */
  timeoutMs?: number;
  /** Extra attempts for this call (GET and DELETE only; POST and PATCH are sent once). */
  retries?: number;
  /** Extra request headers for this call (`Prefer`, a tracing header, …). `Authorization` and `accept-charges` stay the client's. */
  headers?: Record<string, string>;
}

/** Options of a call that may cause charges (create, patch). */
export interface ChargeableCallOptions extends CallOptions {
  /** Sends `accept-charges: true` for this call even if the client was not created with it. */
  acceptCharges?: boolean;
}

export type ClientOptions = Where &
  Auth & {
    /**
     * Create and patch may cause charges; the API wants `accept-charges: true` on them. Set it here
     * once (or per call); without it those methods refuse to send the request.
     */
    acceptCharges?: boolean;
    /** A fetch to send requests with (default: the global `fetch`). */
    fetch?: FetchFunction;
    /** Milliseconds per attempt, reading the body included (default 30 000; `0` for none; at most 2^31-1). */
    timeoutMs?: number;
    /** Extra attempts for GET and DELETE on connection errors, timeouts, 408, 429, 502, 503, 504 (default 2, at most 10). */
    retries?: number;
    /** First backoff delay in milliseconds, doubled per attempt with jitter (default 500). */
    retryDelayMs?: number;
    /** Longest backoff, and longest wait for a `Retry-After` (a longer one is cut to this; default 30 000). */
    maxRetryDelayMs?: number;
    /** Largest response body read, after decompression (default 10 MiB); a larger one is a `PbxInvalidResponseError`. */
    maxResponseBytes?: number;
    /** Gets a `debug` line per attempt. */
    logger?: PbxLogger;
  };

export interface Settings {
  baseUrl: string;
  /** Always undefined here; a call's options may set these. */
  signal?: undefined;
  headers?: undefined;
  /** `scheme://host:port` of baseUrl: the only place requests (and the token) may go. */
  origin: string;
  acceptCharges: boolean;
  fetch: FetchFunction;
  getToken: () => string | Promise<string>;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  maxResponseBytes: number;
  logger: PbxLogger | undefined;
}

/** The longest delay `setTimeout` keeps: a longer one fires after about 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** Default and maximum of each number option; counts (retries, bytes) are integers. */
const LIMITS = {
  timeoutMs: [30_000, MAX_TIMER_MS],
  retries: [2, 10, true],
  retryDelayMs: [500, MAX_TIMER_MS],
  maxRetryDelayMs: [30_000, MAX_TIMER_MS],
  maxResponseBytes: [10 * 1024 * 1024, Number.MAX_SAFE_INTEGER, true],
} as const;
type Limited = keyof typeof LIMITS;

/** Throws a TypeError with `message` unless `ok`. */
const check = (ok: unknown, message: string) => {
  if (!ok) throw new TypeError(message);
};

/** `value`, or `fallback` when it is undefined; anything but a number from 0 to the option's maximum is refused. */
function checkLimit(name: Limited, value: unknown, fallback: number = LIMITS[name][0]): number {
  if (value === undefined) return fallback;
  const [, max, integer] = LIMITS[name] as readonly [number, number, boolean?];
  const ok = typeof value === 'number' && value >= 0 && value <= max && (!integer || Number.isInteger(value));
  check(ok, `${name} must be ${integer ? 'an integer' : 'a number'} from 0 to ${max}, not ${typeof value === 'number' ? value : typeof value}.`);
  return value as number;
}

function parseBaseUrl(value: unknown): URL {
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    // Reported below, without echoing the value: it may hold credentials.
  }
  check(url && /^https?:$/.test(url.protocol), 'baseUrl must be an absolute http(s) URL.');
  check(!url!.username && !url!.password, 'baseUrl must not contain credentials: pass token or getToken.');
  return url!;
}

const either = (a: unknown, b: unknown, names: string) => check((a === undefined) !== (b === undefined), `Pass either ${names}, not both or neither.`);
const isFunction = (value: unknown, name: string) => check(typeof value === 'function', `${name} must be a function.`);

export function resolveSettings(options: ClientOptions): Settings {
  const { region, baseUrl, token, getToken, fetch = globalThis.fetch, logger } = options ?? ({} as ClientOptions);
  either(region, baseUrl, 'region (au, eu, na, uk) or baseUrl');
  const base = parseBaseUrl(baseUrl ?? regionBaseUrl(region as Region));
  either(token, getToken, 'token or getToken');
  check(token === undefined || (typeof token === 'string' && token !== ''), 'token must be a non-empty string.');
  if (getToken !== undefined) isFunction(getToken, 'getToken');
  isFunction(fetch, 'fetch');
  if (logger !== undefined) isFunction(logger?.debug, 'logger.debug');
  const settings = {
    baseUrl: base.href.replace(/\/+$/, ''),
    origin: base.origin,
    acceptCharges: options.acceptCharges === true,
    fetch,
    getToken: getToken ?? (() => token as string),
    logger,
  } as Settings;
  for (const name of Object.keys(LIMITS) as Limited[]) settings[name] = checkLimit(name, options[name]);
  return settings;
}

/** The call's options checked, over the client's. `Authorization` and `accept-charges` stay the client's (set after these headers). */
export function resolveCall(settings: Settings, call?: ChargeableCallOptions) {
  if (call === undefined) return settings;
  const { signal, headers } = call;
  check(signal === undefined || signal instanceof AbortSignal, 'signal must be an AbortSignal.');
  check(headers === undefined || (isObject(headers) && !Array.isArray(headers) && Object.values(headers).every((value) => typeof value === 'string')), 'headers must map names to strings.');
  return {
    timeoutMs: checkLimit('timeoutMs', call.timeoutMs, settings.timeoutMs),
    retries: checkLimit('retries', call.retries, settings.retries),
    signal,
    headers,
    acceptCharges: call.acceptCharges ?? settings.acceptCharges,
  };
}
