import type { RequestLogEntry } from './http-server.js';
import { DEFAULTS, type LogLevel, type MockOptions, atLeast } from './options.js';
import type { EngineInput } from './prism-engine.js';
import type { ResponderAnswer } from './responder.js';
import { type RunningMock, serve } from './serve.js';

export type { RunningMock } from './serve.js';

/**
 * Starts the mock: Prism in this process on the bundled spec, behind the contract edges of
 * handle-request.ts. Resolves once it listens.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const { respond } = options;
  return serve({
    ...options,
    engine: (contract) => ({
      dynamic: options.dynamic ?? false,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      validateAnswers: options.strict ?? false,
      ...(respond
        ? {
            answerValidRequest: (input: EngineInput, { operationId }: { operationId: string }) => {
              if (/\b(code|example)\s*=/i.test(input.headers.prefer ?? '')) return undefined;
              const route = contract.route(input.method, input.path);
              const answer = respond({
                operationId,
                method: input.method.toUpperCase(),
                path: input.path,
                pathParams: route.kind === 'operation' ? route.pathParams : {},
                query: input.query,
                headers: input.headers,
                body: input.body,
              });
              return answer && toEngineAnswer(answer);
            },
          }
        : {}),
    }),
    handler: {
      mode: 'mock',
      maxPatchOperations: options.maxPatchOperations ?? DEFAULTS.maxPatchOperations,
      strict: options.strict ?? false,
      typedExamples: !options.dynamic,
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    },
    wanted: mockLineWanted,
  });
}

/** error: 5xx and faults; warn: and refused requests; info: every request. */
function mockLineWanted(entry: RequestLogEntry, level: LogLevel): boolean {
  if (entry.status >= 500 || entry.fault) return atLeast(level, 'error');
  if (entry.status >= 400) return atLeast(level, 'warn');
  return atLeast(level, 'info');
}

function toEngineAnswer(answer: ResponderAnswer) {
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  if (answer.body !== undefined && typeof answer.body !== 'string') headers['content-type'] ??= 'application/json';
  return { status: answer.status, headers, body: answer.body };
}
