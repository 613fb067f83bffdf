import { DEFAULTS, type MockOptions, atLeast } from './options.js';
import { spawnPrism } from './prism-process.js';
import { bundledSpecPath } from './spec-path.js';

export interface RunningMock {
  /** Base URL of the mock, without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Stops the mock and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the mock and resolves once it answers HTTP. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? DEFAULTS.port;
  const host = options.host ?? DEFAULTS.host;
  const logLevel = options.logLevel ?? DEFAULTS.logLevel;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const args = ['mock', bundledSpecPath()];
  args.push('--verboseLevel', atLeast(logLevel, 'debug') ? 'debug' : logLevel === 'silent' ? 'silent' : 'error');
  if (options.dynamic) args.push('--dynamic');
  if (options.seed !== undefined) args.push('--seed', options.seed);

  const prism = await spawnPrism({
    args,
    host,
    port,
    onLine: (line) => log(line),
    // An operation of the spec, so Prism answers it without logging an error.
    probe: { path: '/v1.0/pbxs?instanceId=ready', headers: { authorization: 'Bearer ready' } },
  });
  return { url: prism.url, port: prism.port, stop: prism.stop };
}
