import type { RequestLogEntry } from './http-server.js';
import { type MockControls, setUpMock } from './mock-setup.js';
import { type LogLevel, type MockOptions, atLeast } from './options.js';
import { checkOptions } from './option-table.js';
import { type RunningMock as RunningServer, loadMockContract, serve } from './serve.js';

export interface RunningMock extends RunningServer, MockControls {}

/**
 * Starts the mock: Prism in this process on the bundled spec, behind the contract edges of
 * pipeline/mock.ts, and by default the stateful twin (src/twin) answering what Prism accepts.
 * Resolves once it listens.
 */
export async function startMock(given: MockOptions = {}): Promise<RunningMock> {
  const options = checkOptions(given, 'mock');
  const contract = loadMockContract();
  const mock = await setUpMock(options, contract);
  const served = await serve({
    ...options,
    contract,
    engine: mock.engineOptions,
    pipeline: (engine, baseUrl, allowsHost) => mock.handler(engine, baseUrl, allowsHost),
    wanted: mockLineWanted,
  }).catch(async (error: unknown) => {
    // The state file's lock is released when the mock cannot listen.
    await mock.close();
    throw error;
  });
  let stopping: Promise<void> | undefined;
  return {
    url: served.url,
    port: served.port,
    ...mock.controls,
    // The state file is written whole and released before stop resolves.
    stop: () => (stopping ??= served.stop().then(() => mock.close())),
  };
}

/** error: 5xx and faults; warn: and refused requests; info: every request. */
function mockLineWanted(entry: RequestLogEntry, level: LogLevel): boolean {
  if (entry.status >= 500 || entry.fault) return atLeast(level, 'error');
  if (entry.status >= 400) return atLeast(level, 'warn');
  return atLeast(level, 'info');
}
