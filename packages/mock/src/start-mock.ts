import { startFront } from './front-server.js';
import { DEFAULTS, type MockOptions, atLeast } from './options.js';
import { reservablePort, spawnPrism } from './prism-process.js';
import { batchedStdout, formatRequest } from './request-log.js';
import { loadSpecDocument } from './spec-document.js';
import { bundledSpecPath } from './spec-path.js';

export interface RunningMock {
  /** Base URL of the mock, without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Stops the mock and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

// Prism itself listens on loopback only, on a port of its own; callers talk to the front.
const PRISM_HOST = '127.0.0.1';

/**
 * Starts the mock (Prism behind its front, see front-server.ts) and resolves once it answers HTTP.
 * Prism logs only errors (its per-request log costs most of its throughput and prints query
 * values such as licence keys); the front logs one line per request instead, at level `info`.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? DEFAULTS.host;
  const logLevel = options.logLevel ?? DEFAULTS.logLevel;
  const stdout = batchedStdout();
  const log = options.log ?? stdout.log;
  // Fail on a taken port before spending seconds on Prism.
  const port = await reservablePort(host, options.port ?? DEFAULTS.port);
  const spec = loadSpecDocument();

  const args = ['mock', bundledSpecPath()];
  args.push('--verboseLevel', atLeast(logLevel, 'debug') ? 'debug' : logLevel === 'silent' ? 'silent' : 'error');
  if (options.dynamic) args.push('--dynamic');
  if (options.seed !== undefined) args.push('--seed', options.seed);
  const prism = await spawnPrism({
    args,
    host: PRISM_HOST,
    port: 0,
    onLine: (line) => log(line),
    // An operation of the spec, so Prism answers it without logging an error.
    probe: { path: '/v1.0/pbxs?instanceId=ready', headers: { authorization: 'Bearer ready' } },
  });

  try {
    const front = await startFront({
      prismUrl: prism.url,
      host,
      port,
      spec,
      mode: 'mock',
      dynamic: options.dynamic ?? false,
      // info: every request; warn: rejected ones too; error: only the mock's own failures (5xx).
      ...(logLevel === 'silent'
        ? {}
        : {
            onRequest: (entry) => {
              const wanted = entry.status >= 500 || (entry.status >= 400 && atLeast(logLevel, 'warn')) || atLeast(logLevel, 'info');
              if (wanted) log(formatRequest(entry));
            },
          }),
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
