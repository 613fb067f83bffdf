import { type FrontOptions, startFront } from './front-server.js';
import { reservablePort, spawnPrism, type SpawnPrismOptions } from './prism-process.js';
import { loadSpecDocument } from './spec-document.js';
import { bundledSpecPath } from './spec-path.js';
import { type Twin, type TwinOptions, createTwin } from './twin/index.js';

export interface RunningMock {
  /** Base URL of the mock, without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Stops the mock and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** Puts the twin back to its seed (what it held at start, before any state file); nothing in static replay. */
  reset(): Promise<void>;
}

export interface PrismBehindFrontOptions {
  /** Where the front listens: what callers talk to. */
  host: string;
  port: number;
  /** Prism's command line after the CLI entry, given the bundled spec's path (`mock <spec> …`, `proxy <spec> <upstream> …`). */
  prismArgs: (specPath: string) => string[];
  /** A request Prism answers once it is ready. */
  probe: NonNullable<SpawnPrismOptions['probe']>;
  /** How the front treats Prism's answers. */
  front: Pick<FrontOptions, 'mode' | 'dynamic' | 'onRequest'>;
  /** Mock mode: the options of the stateful twin; absent = static replay. */
  twin?: Omit<TwinOptions, 'baseUrl' | 'onError'>;
  log: (line: string) => void;
  /** Writes out log lines still pending; called once everything has stopped. */
  flush: () => void;
}

// Prism itself listens on loopback only, on a port of its own; callers talk to the front.
const PRISM_HOST = '127.0.0.1';

/** Starts Prism, then the front before it, and resolves once both answer. Shared by mock and proxy mode. */
export async function startPrismBehindFront(options: PrismBehindFrontOptions): Promise<RunningMock> {
  const { host, log, flush } = options;
  // Fail on a taken port before spending seconds on Prism.
  const port = await reservablePort(host, options.port);
  const spec = loadSpecDocument();
  let baseUrl = '';
  // Setup mistakes of the twin (a bad seed or state file) fail before Prism is spawned.
  const twin: Twin | undefined = options.twin
    ? await createTwin(spec, { ...options.twin, baseUrl: () => baseUrl, onError: (error) => log(error.message) })
    : undefined;
  const prism = await spawnPrism({ args: options.prismArgs(bundledSpecPath()), host: PRISM_HOST, port: 0, onLine: log, probe: options.probe });
  try {
    const front = await startFront({ ...options.front, prismUrl: prism.url, host, port, spec, ...(twin ? { twin } : {}) });
    baseUrl = front.url;
    let stopping: Promise<void> | undefined;
    return {
      url: front.url,
      port: front.port,
      stop: () => (stopping ??= Promise.all([front.close(), prism.stop()]).then(() => twin?.flush()).then(flush)),
      reset: () => twin?.reset() ?? Promise.resolve(),
    };
  } catch (error) {
    await prism.stop();
    throw error;
  }
}
