import { loadContract } from '@myreports/pbx-contract';
import fc from 'fast-check';
import { pbxConnectionProfiles } from '../resources/pbx-connection-profiles/resource.js';
import { toCurl } from './curl.js';
import { Ledger } from './ledger.js';
import { Checker, type PropertyDefinition, PropertyViolation, RunInterrupted } from './property.js';
import { Redactor } from './redact.js';
import type { CleanupResult, ConformanceReport, Failure, PropertyResult } from './report.js';
import type { Parent, Resource, RunContext } from './resource.js';
import { type Exchange, Session } from './session.js';
import { createAnswerCheck } from './spec-check.js';
import { type Target, remoteTarget, startInProcessTwin } from './target.js';

/** Properties of every resource: checked by the core on each answer. */
export const CORE_PROPERTIES = {
  spec: {
    name: 'answers-match-spec',
    description: "Every answer has a status the spec declares, a body valid against that status's schema, the envelope, and the headers it declares.",
  },
  transport: { name: 'target-answers', description: 'Every request gets an HTTP answer in time.' },
} as const satisfies Record<string, PropertyDefinition>;

/** Defaults for a target that is not a mock on this machine. */
export const REMOTE_DEFAULTS = { maxCreates: 3, rps: 2 } as const;
/** Default number of fast-check runs and commands per run. */
export const RUN_DEFAULTS = { runs: 100, remoteRuns: 10, maxCommands: 20 } as const;

export interface ConformanceOptions {
  /** Where the API is (with its path prefix, e.g. `https://api.na.myreports.cloud/api`). */
  baseUrl?: string | undefined;
  /** Run against the twin started in this process. */
  inProcess?: boolean | undefined;
  /** The bearer token (a mock accepts any; default `conformance` on a local target). */
  token?: string | undefined;
  /** Allow creates, patches and deletes. Always on for the in-process twin. */
  acceptCharges?: boolean | undefined;
  /** The only parent writes may touch (`--customer`); required for writes on any base URL. */
  parent?: Parent | undefined;
  maxCreates?: number | undefined;
  rps?: number | undefined;
  seed?: number | undefined;
  /** fast-check's replay path, printed with a failure. */
  path?: string | undefined;
  runs?: number | undefined;
  maxCommands?: number | undefined;
  /** After a failure, go on to find every other property the target breaks. */
  keepGoing?: boolean | undefined;
  resource?: Resource | undefined;
  /** Replaces the global fetch (wraps a target in tests). */
  fetch?: typeof fetch | undefined;
  /** Stops the run; what it created is still deleted. */
  signal?: AbortSignal | undefined;
  /** Lines for the user: the plan before the first write. */
  log?: ((line: string) => void) | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

export interface Progress {
  phase: 'rows' | 'runs' | 'shrinking' | 'cleanup';
  run: number;
  of: number;
  requests: number;
}

/** A mistake in the options: nothing was sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Checks a target against the spec and the resource's model; resolves to the report (never rejects for a failed property). */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const resource = options.resource ?? pbxConnectionProfiles;
  checkOptions(options);
  const started = Date.now();
  const target: Target = options.inProcess ? await startInProcessTwin() : remoteTarget(options.baseUrl!);
  try {
    return await runOn(target, resource, options, started);
  } finally {
    await target.stop();
  }
}

/** The checks of a run's options that need no target: a usage error before anything is sent. */
export function checkOptions(options: ConformanceOptions): void {
  if (Boolean(options.inProcess) === (options.baseUrl !== undefined)) throw new UsageError('Name one target: a base URL or the in-process twin.');
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new UsageError(`The base URL "${options.baseUrl}" is not a URL.`);
    }
    if (!/^https?:$/.test(url.protocol)) throw new UsageError(`The base URL must be http or https (got ${url.protocol}).`);
    if (options.acceptCharges && options.parent === undefined) {
      throw new UsageError('Writes need the one customer they may touch: --customer <accountTenantId>/<customerTenantId>.');
    }
  }
  for (const [name, value] of [['max-creates', options.maxCreates], ['rps', options.rps], ['runs', options.runs], ['max-commands', options.maxCommands]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new UsageError(`--${name} takes a whole number (got ${value}).`);
  }
}

async function runOn(target: Target, resource: Resource, options: ConformanceOptions, started: number): Promise<ConformanceReport> {
  const local = target.local;
  const writes = target.own || options.acceptCharges === true;
  const token = options.token ?? (local ? 'conformance' : undefined);
  if (token === undefined) throw new UsageError('A token is needed for a target that is not on this machine: --token-env <NAME> or --token-command <command>.');
  // Profiles live under a customer that exists: under made-up ids the API answers 404, which is no finding about it.
  if (!target.own && options.parent === undefined) {
    throw new UsageError('Profiles are read under one customer that exists: --customer <accountTenantId>/<customerTenantId>.');
  }
  const redactor = new Redactor(new Set(resource.secretFields));
  const session = new Session({
    baseUrl: target.baseUrl,
    token,
    rps: options.rps ?? (local ? undefined : REMOTE_DEFAULTS.rps),
    fetch: options.fetch,
    redactor,
  });
  const ledger = new Ledger(options.maxCreates ?? (local ? Number.POSITIVE_INFINITY : REMOTE_DEFAULTS.maxCreates));
  const muted = new Set<string>();
  const checker = new Checker(muted);
  const scope = { writes, parent: options.parent, local };
  const notes: string[] = [];
  const context: RunContext = { session, checker, ledger, scope, note: (line) => notes.push(line) };
  const contract = loadContract();
  const answerProblems = createAnswerCheck(contract);
  session.inspect = (exchange) => {
    const problems = answerProblems(exchange);
    try {
      checker.check(CORE_PROPERTIES.spec.name, problems.length === 0, () => `${exchange.method} ${exchange.path}: ${problems.join('; ')}`);
    } catch (error) {
      if (error instanceof PropertyViolation) error.exchange = exchange;
      throw error;
    }
  };
  const onAbort = (): void => session.interrupt();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) session.interrupt();

  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const runs = options.runs ?? (local ? RUN_DEFAULTS.runs : RUN_DEFAULTS.remoteRuns);
  const failures: Failure[] = [];
  const cleanup: CleanupResult = { deleted: [], leftover: [] };
  const progress = (phase: Progress['phase'], run = 0): void => options.onProgress?.({ phase, run, of: runs, requests: session.requests });
  const record = (error: unknown, transcript: Exchange[], extra: Pick<Failure, 'commands'> & { path?: string }): Failure => {
    const violation = error instanceof PropertyViolation ? error : undefined;
    const failure: Failure = {
      property: violation?.property ?? CORE_PROPERTIES.transport.name,
      message: redactor.text(violation ? violation.message : describeError(error)),
      commands: extra.commands.map((command) => redactor.text(command)),
      curl: (transcript.length > 0 ? transcript : violation?.exchange ? [violation.exchange] : []).map((exchange) => toCurl(exchange, redactor)),
      seed,
      ...(extra.path === undefined ? {} : { path: extra.path }),
    };
    failures.push(failure);
    muted.add(failure.property);
    return failure;
  };
  const deleteOutstanding = async (): Promise<void> => {
    for (const entry of ledger.outstanding) {
      try {
        const answer = await session.send('DELETE', entry.path, { cleanup: true });
        if (answer.status === 200 || answer.status === 404) {
          ledger.deleted(entry.id);
          cleanup.deleted.push(entry.id);
        }
      } catch {
        // Listed as left over at the end.
      }
    }
  };

  let resourceSession;
  try {
    resourceSession = await resource.open(context);
    session.settle();
  } catch (error) {
    session.discard();
    if (error instanceof PropertyViolation) record(error, session.transcript, { commands: [] });
    else throw new UsageError(redactor.text(describeError(error)));
  }
  if (!writes) notes.push('Read-only: creates, patches and deletes were not sent (--accept-charges --customer <account>/<customer> allows them).');
  if (options.parent === undefined && !target.own) notes.push('No customer named: lists and gets of live profiles were not checked.');

  try {
    if (resourceSession) {
      if (writes) for (const line of ['Plan:', ...resourceSession.plan.map((line) => `  ${line}`)]) options.log?.(line);
      // The invalid rows, once each.
      progress('rows');
      session.transcript = [];
      try {
        await resourceSession.rows();
        session.settle();
      } catch (error) {
        session.discard();
        if (!(error instanceof RunInterrupted)) record(error, [], { commands: [] });
      } finally {
        await deleteOutstanding();
      }

      // The model-based runs; with keepGoing, again with each failed property muted, until one passes.
      const maxCommands = options.maxCommands ?? RUN_DEFAULTS.maxCommands;
      while (!session.isInterrupted && (failures.length === 0 || options.keepGoing)) {
        let failing: Exchange[] = [];
        let executions = 0;
        let failedOnce = false;
        const property = fc.asyncProperty(fc.commands(resourceSession.commands, { maxCommands, size: 'max' }), async (commands) => {
          if (session.isInterrupted) return;
          executions += 1;
          progress(failedOnce ? 'shrinking' : 'runs', executions);
          session.transcript = [];
          try {
            await fc.asyncModelRun(() => resourceSession.setup(), commands);
            session.settle();
          } catch (error) {
            session.discard();
            if (error instanceof RunInterrupted) return;
            failedOnce = true;
            failing = session.transcript;
            throw error;
          } finally {
            await deleteOutstanding();
          }
        });
        const details = await fc.check(property, { numRuns: runs, seed, ...(options.path === undefined ? {} : { path: options.path }) });
        if (!details.failed || session.isInterrupted) break;
        const [commands] = details.counterexample ?? [[]];
        const ran = [...(commands as Iterable<{ hasRan?: boolean; toString(): string }>)].filter((command) => command.hasRan !== false);
        const before = failures.length;
        record(details.errorInstance, failing, { commands: ran.map(String), path: details.counterexamplePath ?? '' });
        if (failures.length === before || failures.at(-1)!.property === CORE_PROPERTIES.transport.name) break;
        if (options.path !== undefined) break;
      }
    }
  } finally {
    progress('cleanup');
    await deleteOutstanding();
    options.signal?.removeEventListener('abort', onAbort);
  }
  for (const entry of ledger.outstanding) cleanup.leftover.push({ id: entry.id, reason: 'its delete did not answer 200 or 404' });

  const definitions = [...Object.values(CORE_PROPERTIES), ...resource.properties];
  const properties: PropertyResult[] = definitions.map(({ name, description }) => {
    const checks = checker.checks.get(name) ?? 0;
    const failed = failures.some((failure) => failure.property === name);
    return { name, description, checks, status: failed ? 'failed' : checks > 0 ? 'held' : 'not-checked' };
  });
  // A transport failure is only reported as a property when it happened.
  const shown = properties.filter((result) => result.name !== CORE_PROPERTIES.transport.name || result.status === 'failed');
  return {
    resource: resource.name,
    target: target.baseUrl,
    inProcess: target.own,
    writes,
    seed,
    runs,
    requests: session.requests,
    durationMs: Date.now() - started,
    properties: shown,
    failures,
    cleanup,
    interrupted: session.isInterrupted,
    notes,
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
