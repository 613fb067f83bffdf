import { type HostCheck, hostCheck } from './allowed-hosts.js';
import { type Contract, SpecNotBuiltError, loadContract } from '@myreports/pbx-contract';
import { type RequestLogEntry, startHttpServer } from './http-server.js';
import { DEFAULTS, type LogLevel, MockSetupError, type ServerOptions, atLeast } from './options.js';
import { type PrismEngine, type PrismEngineOptions, createPrismEngine } from './prism-engine.js';
import type { RawRequest, Reply } from './reply.js';
import { batchedStdout, escapeControl, formatRequest, maskSecrets } from './request-log.js';

export interface RunningMock {
  /** Base URL, without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Stops listening and closes every connection. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ServeOptions extends ServerOptions {
  engine: Omit<PrismEngineOptions, 'document' | 'debugLog'>;
  /**
   * The mode's pipeline on the engine; `baseUrl` is the public URL, or the listen address once
   * listening; `allowsHost` the Host allow-list (the mock's own paths check a page's `Origin` with it).
   */
  pipeline: (engine: PrismEngine, baseUrl: () => string, allowsHost: HostCheck) => (request: RawRequest) => Promise<Reply>;
  publicUrl?: string;
  /** Which lines the log level lets through, per entry. */
  wanted: (entry: RequestLogEntry, level: LogLevel) => boolean;
  /** The contract, if the caller has loaded it already (see loadMockContract). */
  contract?: Contract;
}

/** The bundled spec's contract; a spec that is not built is a setup mistake with a message saying what to do. */
export function loadMockContract(): Contract {
  try {
    return loadContract();
  } catch (error) {
    throw error instanceof SpecNotBuiltError ? new MockSetupError(error.message) : error;
  }
}

/** The contract, Prism on it, and the HTTP server before them, in this process. Shared by mock and proxy. */
export async function serve(options: ServeOptions): Promise<RunningMock> {
  const level = options.logLevel ?? DEFAULTS.logLevel;
  const stdout = batchedStdout();
  const log = options.log ?? stdout.log;
  const contract = options.contract ?? loadMockContract();
  const debugLog = atLeast(level, 'debug') ? (line: string) => log(escapeControl(maskSecrets(line))) : undefined;
  const engine = await createPrismEngine({ ...options.engine, document: contract.document, ...(debugLog ? { debugLog } : {}) });

  let baseUrl = options.publicUrl?.replace(/\/$/, '') ?? '';
  const host = options.host ?? DEFAULTS.host;
  const allowsHost = hostCheck(options.allowedHosts, [host, options.publicUrl && new URL(options.publicUrl).hostname]);
  const handle = options.pipeline(engine, () => baseUrl, allowsHost);
  const server = await startHttpServer({
    host,
    allowsHost,
    port: options.port ?? DEFAULTS.port,
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    ...(options.cors === undefined ? {} : { cors: options.cors }),
    handle,
    ...(level === 'silent' ? {} : { onRequest: (entry: RequestLogEntry) => options.wanted(entry, level) && log(formatRequest(entry)) }),
  });
  baseUrl ||= server.url;
  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    stop: () => (stopping ??= server.close().then(stdout.flush)),
  };
}
