import { startFront } from './front-server.js';
import { DEFAULTS, type LogLevel, MockSetupError, atLeast } from './options.js';
import { reservablePort, spawnPrism } from './prism-process.js';
import { batchedStdout, formatRequest } from './request-log.js';
import { loadSpecDocument } from './spec-document.js';
import { bundledSpecPath } from './spec-path.js';
import type { RunningMock } from './start-mock.js';

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
  const host = options.host ?? DEFAULTS.host;
  const logLevel = options.logLevel ?? DEFAULTS.logLevel;
  const stdout = batchedStdout();
  const log = options.log ?? stdout.log;
  const port = await reservablePort(host, options.port ?? DEFAULTS.port);
  const spec = loadSpecDocument();

  const prismLevel = atLeast(logLevel, 'debug') ? 'debug' : 'silent';
  const prism = await spawnPrism({
    args: ['proxy', bundledSpecPath(), upstream.href.replace(/\/$/, ''), '--verboseLevel', prismLevel],
    host: '127.0.0.1',
    port: 0,
    onLine: (line) => log(line),
    // No path: any answer, even the upstream's 404, proves Prism is up.
    probe: { path: '/' },
  });
  try {
    const front = await startFront({
      prismUrl: prism.url,
      host,
      port,
      spec,
      mode: 'proxy',
      dynamic: false,
      onRequest: (entry) => {
        if (entry.violations ? atLeast(logLevel, 'warn') : atLeast(logLevel, 'info')) log(formatRequest(entry));
      },
    });
    let stopping: Promise<void> | undefined;
    return {
      url: front.url,
      port: front.port,
      stop: () => (stopping ??= Promise.all([front.close(), prism.stop()]).then(stdout.flush)),
    };
  } catch (error) {
    await prism.stop();
    throw error;
  }
}
