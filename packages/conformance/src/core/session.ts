import { RunInterrupted } from './property.js';
import { rateLimiter } from './rate-limit.js';
import type { Redactor } from './redact.js';

/** One request and its answer, as sent and received. */
export interface Exchange {
  method: string;
  /** The API path with its query, e.g. `/v1.0/pbxs?instanceId=…` (the base URL's own path left out). */
  path: string;
  /** The absolute URL requested. */
  url: string;
  headers: Record<string, string>;
  /** What was sent: JSON (serialised on the wire) or, for `raw`, the text itself. */
  body?: unknown;
  raw?: boolean;
  status: number;
  /** Answer headers, names in lower case. */
  answerHeaders: Record<string, string>;
  text: string;
  /** The answer parsed as JSON, or `undefined` when it is empty or not JSON. */
  json: unknown;
}

export interface RequestInit {
  headers?: Record<string, string>;
  body?: unknown;
  /** Send `body` as it is (a string), not as JSON. */
  raw?: boolean;
  /** A cleanup request: sent even after an interruption, never inspected. */
  cleanup?: boolean;
}

export interface SessionOptions {
  /** Where the API is, with any path prefix: `https://api.na.myreports.cloud/api`. */
  baseUrl: string;
  token: string;
  /** Requests per second at most; none: as fast as the target answers. */
  rps?: number | undefined;
  /** Replaces the global fetch (tests wrap a target through it). */
  fetch?: typeof fetch | undefined;
  /** Per request. */
  timeoutMs?: number | undefined;
  redactor: Redactor;
}

/**
 * Talks to the target. Every exchange is recorded in `transcript` (the runner swaps it per run, so a
 * failure prints the requests of that run only) and passed to `inspect` (the spec check), which may
 * throw a property violation. Inspection waits until the next request (or `settle()`), so the
 * caller's own, more specific checks of an answer speak first.
 */
export class Session {
  transcript: Exchange[] = [];
  inspect: ((exchange: Exchange) => void) | undefined;
  requests = 0;
  private interrupted = false;
  private uninspected: Exchange[] = [];
  private readonly limit: <T>(send: () => Promise<T>) => Promise<T>;
  private readonly fetch: typeof fetch;
  readonly baseUrl: URL;

  constructor(private readonly options: SessionOptions) {
    this.baseUrl = new URL(options.baseUrl.endsWith('/') ? options.baseUrl.slice(0, -1) : options.baseUrl);
    this.limit = rateLimiter(options.rps);
    this.fetch = options.fetch ?? globalThis.fetch;
    options.redactor.add(options.token);
  }

  /** From now on, only cleanup requests are sent; the others throw `RunInterrupted`. */
  interrupt(): void {
    this.interrupted = true;
  }

  get isInterrupted(): boolean {
    return this.interrupted;
  }

  /** The absolute URL of an API path. */
  url(path: string): string {
    return `${this.baseUrl.href.replace(/\/$/, '')}${path}`;
  }

  /** The API path of an absolute URL on this target, or `undefined` when it is on another origin or outside the base. */
  apiPath(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url, this.baseUrl);
    } catch {
      return undefined;
    }
    const prefix = this.baseUrl.pathname.replace(/\/$/, '');
    if (parsed.origin !== this.baseUrl.origin || !parsed.pathname.startsWith(`${prefix}/`)) return undefined;
    return `${parsed.pathname.slice(prefix.length)}${parsed.search}`;
  }

  /** Inspects the answers not inspected yet; throws the first violation. */
  settle(): void {
    const pending = this.uninspected;
    this.uninspected = [];
    for (const exchange of pending) this.inspect?.(exchange);
  }

  /** Forgets answers not inspected yet (a run that failed already). */
  discard(): void {
    this.uninspected = [];
  }

  async send(method: string, path: string, init: RequestInit = {}): Promise<Exchange> {
    if (this.interrupted && !init.cleanup) throw new RunInterrupted('The run was interrupted.');
    if (!init.cleanup) this.settle();
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.options.token}`, ...init.headers };
    let payload: string | undefined;
    if (init.body !== undefined) {
      payload = init.raw ? String(init.body) : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
      if (!init.raw) this.options.redactor.learn(init.body);
    }
    const url = this.url(path);
    this.requests += 1;
    const response = await this.limit(() =>
      this.fetch(url, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        // Never follow: a redirect to another origin would carry the token there.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      }),
    );
    const text = await response.text();
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      answerHeaders[name.toLowerCase()] = value;
    });
    const exchange: Exchange = {
      method,
      path,
      url,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.raw ? { raw: true } : {}),
      status: response.status,
      answerHeaders,
      text,
      json: parseJson(text),
    };
    this.options.redactor.learn(exchange.json);
    if (!init.cleanup) {
      this.transcript.push(exchange);
      this.uninspected.push(exchange);
    }
    return exchange;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
