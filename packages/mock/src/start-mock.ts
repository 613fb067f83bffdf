import type { RequestLogEntry } from './http-server.js';
import { DEFAULTS, type LogLevel, type MockOptions, MockSetupError, atLeast } from './options.js';
import { checkOptions } from './option-table.js';
import { mockPipeline } from './pipeline/mock.js';
import { controlReply } from './mock-control.js';
import { type RunningMock as RunningServer, loadMockContract, serve } from './serve.js';
import { createTwin } from './twin/index.js';
import { faultPlanner } from './test-tool/faults.js';
import { DEFAULT_JOURNAL_SIZE, type JournalEntry, type JournalFilter, createJournal, journaled } from './test-tool/journal.js';
import { REFUSALS } from './refusals.js';

export interface RunningMock extends RunningServer {
  /** Puts the twin back to its seed (the examples, nothing, or the seed file); nothing to do in static replay. */
  reset(): Promise<void>;
  /** The request journal, oldest first: what the mock was sent and answered (`GET /__mock/requests`). */
  requests(filter?: JournalFilter): JournalEntry[];
  /** Empties the request journal (`DELETE /__mock/requests`). */
  clearRequests(): void;
  /** What the twin holds, as a state file holds it (`GET /__mock/state`); undefined in static replay. */
  snapshot(): unknown;
  /** Replaces what the twin holds, checked like a seed file (`PUT /__mock/state`); a MockSetupError names what is wrong. */
  restore(state: unknown): Promise<void>;
}

/**
 * Starts the mock: Prism in this process on the bundled spec, behind the contract edges of
 * pipeline/mock.ts, and by default the stateful twin (src/twin) answering what Prism accepts.
 * Resolves once it listens.
 */
export async function startMock(given: MockOptions = {}): Promise<RunningMock> {
  const options = checkOptions(given, 'mock');
  const contract = loadMockContract();
  // Static replay keeps nothing; a bad seed or state file fails the start before anything listens.
  const twin =
    options.static || options.dynamic || options.respond
      ? undefined
      : await createTwin(contract, {
          seed: options.seedFile !== undefined ? { file: options.seedFile } : options.empty ? 'empty' : 'examples',
          ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
          ...(options.maxProfiles === undefined ? {} : { maxItems: options.maxProfiles }),
          onError: (error) => (options.log ?? console.error)(error.message),
        });
  const reset = async (): Promise<void> => twin?.reset();
  const journal = createJournal(options.journalSize ?? DEFAULT_JOURNAL_SIZE);
  const state = twin && { snapshot: () => twin.snapshot(), restore: (document: unknown) => twin.restore(document) };
  const served = await serve({
    ...options,
    contract,
    control: (request, allowsHost) => controlReply(request, { reset, journal, state }, allowsHost),
    engine: { dynamic: options.dynamic ?? false, ...(options.seed === undefined ? {} : { seed: options.seed }), validateAnswers: options.strict ?? false },
    pipeline: (engine, baseUrl) =>
      journaled(journal, mockPipeline({
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
      })),
    wanted: mockLineWanted,
  });
  let stopping: Promise<void> | undefined;
  return {
    url: served.url,
    port: served.port,
    reset,
    requests: (filter) => journal.read(filter),
    clearRequests: () => journal.clear(),
    snapshot: () => twin?.snapshot(),
    restore: async (document) => {
      if (!twin) throw new MockSetupError(REFUSALS.noState().message);
      await twin.restore(document);
    },
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
