// Client options, checked once at creation so a mistake fails loudly there, not at the first call.
import { regionBaseUrl, type Region } from './regions.js';
import type { FetchFunction, ResilienceOptions } from './internal/resilient-fetch.js';

type Where = { region: Region; baseUrl?: never } | { baseUrl: string; region?: never };
type Auth =
  | { token: string; getToken?: never }
  | {
      /** Called before every attempt; may be async. Refreshing the token is yours: on 401 the client throws `PbxAuthenticationError`. */
      getToken: () => string | Promise<string>;
      token?: never;
    };

export type ClientOptions = Where &
  Auth & {
    /**
     * Create and patch may cause charges; the API wants `accept-charges: true` on them. Set it here
     * once (or per call); without it those methods refuse to send the request.
     */
    acceptCharges?: boolean;
    /** A fetch to send requests with (default: the global `fetch`). */
    fetch?: FetchFunction;
    /** Milliseconds per attempt, reading the body included (default 30 000; `0` for none). */
    timeoutMs?: number;
    /** Extra attempts for GET and DELETE on connection errors, timeouts, 408, 429, 502, 503, 504 (default 2). */
    retries?: number;
    /** First backoff delay in milliseconds, doubled per attempt with jitter (default 500). */
    retryDelayMs?: number;
    /** Longest backoff, and longest `Retry-After` honoured; a longer one ends in the error (default 30 000). */
    maxRetryDelayMs?: number;
  };

export interface Settings extends ResilienceOptions {
  baseUrl: string;
  acceptCharges: boolean;
  /** The static token, when there is one, to scrub from messages. */
  token: string | undefined;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 2, retryDelayMs: 500, maxRetryDelayMs: 30_000 };

/** Throws a TypeError with `message` unless `ok`. */
const check = (ok: unknown, message: string) => {
  if (!ok) throw new TypeError(message);
};

/** `value`, or `fallback` when it is undefined; anything but a finite number ≥ 0 (an integer if `integer`) is refused. */
function checkCount(name: string, value: unknown, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  check(typeof value === 'number' && value >= 0 && value < Infinity && (!integer || Number.isInteger(value)), `${name} must be ${integer ? 'an integer' : 'a number'} ≥ 0, not ${value}.`);
  return value as number;
}

function isAbsoluteUrl(value: unknown): boolean {
  try {
    return Boolean(new URL(value as string));
  } catch {
    return false;
  }
}

const either = (a: unknown, b: unknown, names: string) => check((a === undefined) !== (b === undefined), `Pass either ${names} to createClient(), not both or neither.`);

export function resolveSettings(options: ClientOptions): Settings {
  const { region, baseUrl, token, getToken, fetch = globalThis.fetch } = options ?? ({} as ClientOptions);
  either(region, baseUrl, 'region (au, eu, na, uk) or baseUrl');
  check(baseUrl === undefined || isAbsoluteUrl(baseUrl), 'baseUrl must be an absolute URL such as http://127.0.0.1:4010.');
  either(token, getToken, 'token or getToken');
  check(token === undefined || (typeof token === 'string' && token !== ''), 'token must be a non-empty string.');
  check(getToken === undefined || typeof getToken === 'function', 'getToken must be a function.');
  check(typeof fetch === 'function', 'fetch must be a function.');
  const settings = { ...DEFAULTS, baseUrl: baseUrl ?? regionBaseUrl(region as Region), acceptCharges: options.acceptCharges === true, token, getToken: getToken ?? (() => token as string), fetch };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    settings[key] = checkCount(key, options[key], DEFAULTS[key], key === 'retries');
  }
  return settings;
}
