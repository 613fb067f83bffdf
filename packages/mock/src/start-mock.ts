import { DEFAULTS, type MockOptions, atLeast } from './options.js';
import { type RunningMock, startPrismBehindFront } from './prism-behind-front.js';
import { batchedStdout, formatRequest } from './request-log.js';
import { twinOptionsOf } from './twin-options.js';

export type { RunningMock } from './prism-behind-front.js';

/**
 * Starts the mock (Prism behind its front, see front-server.ts) and resolves once it answers HTTP.
 * Prism logs only errors (its per-request log costs most of its throughput and prints query
 * values such as licence keys); the front logs one line per request instead, at level `info`.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const logLevel = options.logLevel ?? DEFAULTS.logLevel;
  const twin = twinOptionsOf(options);
  const stdout = batchedStdout();
  const log = options.log ?? stdout.log;
  const prismArgs = (specPath: string) => [
    ...['mock', specPath],
    ...['--verboseLevel', atLeast(logLevel, 'debug') ? 'debug' : logLevel === 'silent' ? 'silent' : 'error'],
    ...(options.dynamic ? ['--dynamic'] : []),
    ...(options.seed !== undefined ? ['--seed', options.seed] : []),
  ];
  return startPrismBehindFront({
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    prismArgs,
    // An operation of the spec, so Prism answers it without logging an error.
    probe: { path: '/v1.0/pbxs?instanceId=ready', headers: { authorization: 'Bearer ready' } },
    front: {
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
    },
    ...(twin ? { twin } : {}),
    log,
    flush: stdout.flush,
  });
}
