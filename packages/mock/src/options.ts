/**
 * How much the mock prints: `error` only its own failures (5xx), `warn` also rejected requests,
 * `info` one line per request, `debug` adds Prism's own log.
 */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface MockOptions {
  /** Port to listen on; `0` picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1` (the mock is for this machine only). */
  host?: string;
  /** Default `info`. */
  logLevel?: LogLevel;
  /** Fake every response from its schema instead of serving the spec's examples. Default false. */
  dynamic?: boolean;
  /** Seed of dynamic mode, so that its fake data repeats from run to run. */
  seed?: string;
  /** Where log lines go. Default: standard output. */
  log?: (line: string) => void;
  /**
   * Static replay: every answer from the spec's examples, nothing kept (the mock before the twin).
   * Default false: the stateful twin answers every valid request. `dynamic` implies it.
   */
  static?: boolean;
  /** The twin starts (and resets to) no profile instead of the spec's examples. */
  empty?: boolean;
  /** The twin starts (and resets to) the profiles of this JSON file (`{ "profiles": [...] }`), checked against the spec. */
  seedFile?: string;
  /** The twin keeps its profiles in this file across restarts (written atomically after each change). */
  stateFile?: string;
  /** Most profiles the twin holds; a create beyond gets an error envelope. Default 10,000. */
  maxProfiles?: number;
}

export const DEFAULTS = { port: 4010, host: '127.0.0.1', logLevel: 'info' } as const;

/** A setup mistake the user can fix: the CLI prints its message alone, without a stack trace. */
export class MockSetupError extends Error {
  override name = 'MockSetupError';
}

export function parsePort(value: string | number, source: string): number {
  const port = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockSetupError(`${source} must be a port number from 0 to 65535 (0 picks a free port), not "${value}".`);
  }
  return port;
}

export function parseLogLevel(value: string, source: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new MockSetupError(`${source} must be one of ${LOG_LEVELS.join(', ')}, not "${value}".`);
  }
  return value as LogLevel;
}

export function atLeast(level: LogLevel, wanted: Exclude<LogLevel, 'silent'>): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(wanted);
}
