import type { Responder } from './responder.js';

/**
 * How much the mock prints: `error` 5xx and engine faults only, `warn` also refused requests (and
 * contract violations in proxy mode), `info` one line per request, `debug` adds Prism's own detail.
 */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the mock and the proxy share. */
export interface ServerOptions {
  /** Port to listen on; `0` picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1` (the mock is for this machine only). */
  host?: string;
  /** Default `info`. */
  logLevel?: LogLevel;
  /** Where log lines go. Default: standard output. */
  log?: (line: string) => void;
  /** Largest request body in bytes; larger gets a 413. Default 1 MiB. */
  bodyLimit?: number;
  /**
   * `Host` names answered besides IP addresses, `localhost`, the listen address and the public URL
   * (`.example.com`: its subdomains too); `true` answers any. Others get a 403: a web page that
   * rebinds its DNS name to this machine cannot read the mock. Default none.
   */
  allowedHosts?: true | string[];
  /** Also answer CORS requests from this origin (`https://app.example.com`); pages of this machine (`localhost`, `127.0.0.1`, `[::1]`, any port) always are. */
  cors?: string;
}

export interface MockOptions extends ServerOptions {
  /** Fake every response from its schema instead of serving the spec's examples. Default false. */
  dynamic?: boolean;
  /** Seed of dynamic mode and of the faults below, so that fake data and faults repeat from run to run. */
  seed?: string;
  /** Every answer of the API waits a time drawn from this range, in milliseconds (`--latency 50-200`). */
  latency?: { min: number; max: number };
  /** Share of API requests answered 503 or 429 with `Retry-After`, before they are processed (`--error-rate 0.1`). */
  errorRate?: number;
  /** Share of API requests whose connection is closed with no answer (`--reset-rate 0.05`). */
  resetRate?: number;
  /** Most isolated sessions (`x-mock-session: <name>`), each a twin of its own; a new name past it is refused. Default 32. */
  maxSessions?: number;
  /** Exchanges the request journal keeps (`GET /__mock/requests`, `mock.requests()`); 0 = none. Default 1000. */
  journalSize?: number;
  /** Base of `Location` headers, e.g. `https://mock.example.com`; default: the address the mock listens on. */
  publicUrl?: string;
  /** Most operations in one JSON Patch; more gets a 400. Default 100. */
  maxPatchOperations?: number;
  /** Validate every answer (Prism's or the responder's) against the spec; a violation answers 500. Default false. */
  strict?: boolean;
  /** Answers valid requests instead of the spec's examples (see responder.ts). */
  respond?: Responder;
  /**
   * Static replay: every answer from the spec's examples, nothing kept (the mock before the twin).
   * Default false: the stateful twin answers every valid request. `dynamic` implies it.
   */
  static?: boolean;
  /** The twin starts (and resets to) no profile instead of the spec's examples. */
  empty?: boolean;
  /** The twin starts (and resets to) the profiles of this JSON file (`{ "profiles": [...] }`), checked against the spec. */
  seedFile?: string;
  /** The twin keeps its profiles in this file across restarts: a change is answered once it would survive a crash. */
  stateFile?: string;
  /** Most profiles the twin holds; a create beyond gets an error envelope. Default 10,000. */
  maxProfiles?: number;
}

export const DEFAULTS = { port: 4010, host: '127.0.0.1', logLevel: 'info', bodyLimit: 1024 * 1024, maxPatchOperations: 100, upstreamTimeoutMs: 30_000 } as const;

/** A setup mistake the user can fix: the CLI prints its message alone, without a stack trace. */
export class MockSetupError extends Error {
  override name = 'MockSetupError';
}

export function atLeast(level: LogLevel, wanted: Exclude<LogLevel, 'silent'>): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(wanted);
}
