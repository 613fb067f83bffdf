import type { Contract } from '@myreports/pbx-contract';
import type { HostCheck } from './allowed-hosts.js';
import { type Controls, controlReply } from './mock-control.js';
import { DEFAULTS, type MockOptions, MockSetupError } from './options.js';
import { mockPipeline } from './pipeline/mock.js';
import type { PrismEngine, PrismEngineOptions } from './prism-engine.js';
import { REFUSALS } from './refusals.js';
import { type RawRequest, type Reply, refuse } from './reply.js';
import type { ResponderRequest } from './responder.js';
import { faultPlanner } from './test-tool/faults.js';
import { DEFAULT_JOURNAL_SIZE, type JournalEntry, type JournalFilter, createJournal, journaled } from './test-tool/journal.js';
import { DEFAULT_MAX_SESSIONS, SESSION_BYTES, SESSION_HEADER, createSessions } from './test-tool/sessions.js';
import { type Twin, type TwinOptions, createTwin } from './twin/index.js';

/** What code can do to a mock besides sending it requests: the same as its control paths. */
export interface MockControls {
  /** Puts the twin back to its seed (the examples, nothing, or the seed file) and drops every session; nothing to do in static replay. */
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

/** A mock without its transport: what startMock serves over HTTP and createMockFetch in this process. */
export interface MockSetup {
  engineOptions: Omit<PrismEngineOptions, 'document' | 'debugLog'>;
  /** Answers one request on the engine: the mock's own paths (a page's `Origin` checked with `allowsHost`), or the API's through the pipeline. */
  handler(engine: PrismEngine, baseUrl: () => string, allowsHost: HostCheck): (raw: RawRequest) => Promise<Reply>;
  controls: MockControls;
  /** A clean stop: the state file written whole, its journal removed, its lock released. */
  close(): Promise<void>;
}

/** The twin (a bad seed or state file fails here, before anything listens), its sessions, the journal, the control paths. */
export async function setUpMock(options: MockOptions, contract: Contract): Promise<MockSetup> {
  // Static replay keeps nothing; a bad seed or state file fails the start before anything listens.
  const twinOptions: TwinOptions = {
    seed: options.seedFile !== undefined ? { file: options.seedFile } : options.empty ? 'empty' : 'examples',
    ...(options.maxProfiles === undefined ? {} : { maxItems: options.maxProfiles }),
  };
  const twin =
    options.static || options.dynamic || options.respond
      ? undefined
      : await createTwin(contract, {
          ...twinOptions,
          ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
        });
  // Sessions start from the same seed, in memory only, each within its own caps.
  const sessions = twin ? createSessions(options.maxSessions ?? DEFAULT_MAX_SESSIONS, () => createTwin(contract, { ...twinOptions, maxStoredBytes: SESSION_BYTES })) : undefined;
  const journal = createJournal(options.journalSize ?? DEFAULT_JOURNAL_SIZE);

  const twinOf = (session: string | undefined): Twin | undefined => (session === undefined ? twin : sessions?.existing(session));
  const stateOf = async (session: string | undefined) => {
    const held = session === undefined ? twin : await sessions?.twin(session);
    return held && { snapshot: () => held.snapshot(), restore: (document: unknown) => held.restore(document) };
  };
  const reset = async (session?: string): Promise<void> => {
    if (session !== undefined) return sessions?.drop(session);
    sessions?.drop();
    await twin?.reset();
  };
  const controls: Controls = { reset, journal, state: stateOf };

  return {
    engineOptions: { dynamic: options.dynamic ?? false, ...(options.seed === undefined ? {} : { seed: options.seed }), validateAnswers: options.strict ?? false },
    handler(engine, baseUrl, allowsHost) {
      const pipeline = journaled(
        journal,
        mockPipeline({
          contract,
          engine,
          baseUrl,
          maxPatchOperations: options.maxPatchOperations ?? DEFAULTS.maxPatchOperations,
          strict: options.strict ?? false,
          respond: options.respond ?? (twin && ((request: ResponderRequest) => twinOf(request.headers[SESSION_HEADER])?.respond(request))),
          typedExamples: !options.dynamic,
          faults: faultPlanner({
            ...(options.latency && { latency: options.latency }),
            ...(options.errorRate !== undefined && { errorRate: options.errorRate }),
            ...(options.resetRate !== undefined && { resetRate: options.resetRate }),
            ...(options.seed !== undefined && { seed: options.seed }),
          }),
        }),
      );
      return async (raw) => {
        const named = sessions?.nameOf(raw) ?? { name: undefined };
        if (named.problem !== undefined) return refuse(named.problem === 'name' ? REFUSALS.invalidSession(named.name) : REFUSALS.tooManySessions(options.maxSessions ?? DEFAULT_MAX_SESSIONS));
        const control = controlReply(raw, controls, allowsHost, named.name);
        if (control) return control;
        if (named.name !== undefined) await sessions?.twin(named.name);
        return pipeline(raw);
      };
    },
    controls: {
      reset: () => reset(),
      requests: (filter) => journal.read(filter),
      clearRequests: () => journal.clear(),
      snapshot: () => twin?.snapshot(),
      restore: async (document) => {
        if (!twin) throw new MockSetupError(REFUSALS.noState().message);
        await twin.restore(document);
      },
    },
    close: async () => twin?.close(),
  };
}
