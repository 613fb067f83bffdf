import type { RequestLogEntry } from './http-server.js';
import { DEFAULTS, type LogLevel, type MockOptions, atLeast } from './options.js';
import { checkOptions } from './option-table.js';
import { mockPipeline } from './pipeline/mock.js';
import { controlReply } from './mock-control.js';
import { type RunningMock as RunningServer, loadMockContract, serve } from './serve.js';
import { twinOptionsOf } from './twin-options.js';
import { createTwin } from './twin/index.js';
import { faultPlanner } from './test-tool/faults.js';

export interface RunningMock extends RunningServer {
  /** Puts the twin back to its seed (the examples, nothing, or the seed file); nothing to do in static replay. */
  reset(): Promise<void>;
}

/**
 * Starts the mock: Prism in this process on the bundled spec, behind the contract edges of
 * pipeline/mock.ts, and by default the stateful twin (src/twin) answering what Prism accepts.
 * Resolves once it listens.
 */
export async function startMock(given: MockOptions = {}): Promise<RunningMock> {
  const options = checkOptions(given, 'mock');
  const twinOptions = twinOptionsOf(options);
  const contract = loadMockContract();
  // A bad seed or state file fails the start before anything listens.
  const twin = twinOptions && !options.respond ? await createTwin(contract, { ...twinOptions, onError: (error) => (options.log ?? console.error)(error.message) }) : undefined;
  const reset = async (): Promise<void> => twin?.reset();
  const served = await serve({
    ...options,
    contract,
    control: (request) => controlReply(request, reset),
    engine: { dynamic: options.dynamic ?? false, ...(options.seed === undefined ? {} : { seed: options.seed }), validateAnswers: options.strict ?? false },
    pipeline: (engine, baseUrl) =>
      mockPipeline({
        contract,
        engine,
        baseUrl,
        maxPatchOperations: options.maxPatchOperations ?? DEFAULTS.maxPatchOperations,
        strict: options.strict ?? false,
        respond: options.respond ?? twin?.respond,
        typedExamples: !options.dynamic,
        faults: faultPlanner({
          ...(options.latency && { latency: options.latency }),
          ...(options.errorRate !== undefined && { errorRate: options.errorRate }),
          ...(options.resetRate !== undefined && { resetRate: options.resetRate }),
          ...(options.seed !== undefined && { seed: options.seed }),
        }),
      }),
    wanted: mockLineWanted,
  });
  let stopping: Promise<void> | undefined;
  return {
    url: served.url,
    port: served.port,
    reset,
    // Every change answered so far is in the state file before stop resolves.
    stop: () => (stopping ??= served.stop().then(() => twin?.flush())),
  };
}

/** error: 5xx and faults; warn: and refused requests; info: every request. */
function mockLineWanted(entry: RequestLogEntry, level: LogLevel): boolean {
  if (entry.status >= 500 || entry.fault) return atLeast(level, 'error');
  if (entry.status >= 400) return atLeast(level, 'warn');
  return atLeast(level, 'info');
}
