import { DEFAULTS, type LogLevel, MockSetupError, atLeast } from './options.js';
import { type RunningMock, startPrismBehindFront } from './prism-behind-front.js';
import { batchedStdout, formatRequest } from './request-log.js';

export interface ProxyOptions {
  /** Base URL of the real server, e.g. `https://api.na.myreports.cloud/api`. */
  upstream: string;
  port?: number;
  host?: string;
  /** `info` (default) logs every request; `warn` only those that break the contract. */
  logLevel?: LogLevel;
  log?: (line: string) => void;
}

/**
 * Validation proxy: Prism in proxy mode between a client and a real server. Requests and answers
 * pass through unchanged; each one that breaks the contract is reported with its violations.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningMock> {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
    if (!['http:', 'https:'].includes(upstream.protocol)) throw new Error('not http');
  } catch {
    throw new MockSetupError(`The upstream must be an http(s) URL such as https://api.na.myreports.cloud/api, not "${options.upstream}".`);
  }
  const logLevel = options.logLevel ?? DEFAULTS.logLevel;
  const stdout = batchedStdout();
  const log = options.log ?? stdout.log;
  return startPrismBehindFront({
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    prismArgs: (specPath) => ['proxy', specPath, upstream.href.replace(/\/$/, ''), '--verboseLevel', atLeast(logLevel, 'debug') ? 'debug' : 'silent'],
    // No path: any answer, even the upstream's 404, proves Prism is up.
    probe: { path: '/' },
    front: {
      mode: 'proxy',
      dynamic: false,
      onRequest: (entry) => {
        if (entry.violations ? atLeast(logLevel, 'warn') : atLeast(logLevel, 'info')) log(formatRequest(entry));
      },
    },
    log,
    flush: stdout.flush,
  });
}
