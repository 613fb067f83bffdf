import Negotiator from 'negotiator';
import { type Contract, type Operation, invalidRequestMessage } from '@myreports/pbx-contract';
import type { EngineAnswer, MockChoice, PrismEngine } from '../prism-engine.js';
import { REFUSALS } from '../refusals.js';
import { type RawRequest, type Reply, refuse } from '../reply.js';
import type { Responder, ResponderAnswer } from '../responder.js';
import { describe, errorsOf, prismRefusal, requestProblems, serialise } from './answer.js';
import { checkBody, withoutBody } from './body.js';
import { withLocation } from './location.js';
import { picksExample, picksStaticAnswer, undeclaredChoice } from './prefer.js';
import { type ApiRequest, readRequest } from './request.js';
import { type FaultPlan, type PreferredFaults, readPreferredFaults } from '../test-tool/faults.js';

export interface MockPipelineOptions {
  contract: Contract;
  engine: PrismEngine;
  /** Base of `Location` headers: the public base URL, or the address the mock listens on. */
  baseUrl: () => string;
  /** JSON Patch documents hold at most this many operations. */
  maxPatchOperations: number;
  /** Prism's validation of every answer: a violation becomes a 500 envelope. */
  strict: boolean;
  /** Answers valid requests in place of the examples (the twin, or the caller's). */
  respond: Responder | undefined;
  /** Static replay: serve the example of the `_type` sent. */
  typedExamples: boolean;
  /** Faults and latency (test-tool/faults.ts): what happens to a request before it is looked at. */
  faults: (wanted: PreferredFaults) => FaultPlan;
}

/**
 * One request of the mock, top to bottom: the contract's edges, Prism (validation, then the
 * responder or an example), the API's messages for what Prism found. Every refusal is a named
 * value of ../refusals.ts.
 */
export function mockPipeline(options: MockPipelineOptions): (raw: RawRequest) => Promise<Reply> {
  const { contract, engine } = options;
  const decide = async (request: ApiRequest, baseUrl: string): Promise<Reply> => {
    const { route, headers } = request;
    if (route.kind === 'no-path') return refuse(REFUSALS.noSuchResource(request.method, request.path));
    if (route.kind === 'method-not-allowed') return refuse(REFUSALS.methodNotAllowed(request.path, route.allow));
    const { operation } = route;
    const wanted = readPreferredFaults(headers.prefer);
    if (typeof wanted === 'string') return refuse(REFUSALS.invalidFaultPreference(wanted));
    const plan = options.faults(wanted);
    if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
    if (plan.fault?.kind === 'reset') return { status: 0, headers: {}, body: '', reset: true, message: 'connection closed (a fault of the mock)' };
    if (plan.fault) return refuse(plan.fault.refusal);
    // Every answer of the API is JSON. Checked before the engine: Prism negotiates only when it
    // picks an example itself, and the responder answers in its place.
    if (headers.accept !== undefined && new Negotiator({ headers: { accept: headers.accept } }).mediaType(['application/json']) === undefined) {
      return refuse(REFUSALS.notAcceptable(headers.accept));
    }
    const body = checkBody(request, operation, contract, options.maxPatchOperations);
    if ('refusal' in body) return refuse(body.refusal);
    const prefer = engine.preference(headers);
    if (prefer === 'invalid') return refuse(REFUSALS.invalidPrefer());
    const undeclared = undeclaredChoice(prefer, operation, contract);
    if (undeclared) return refuse(undeclared);

    let answeredByResponder = false;
    let saved: Promise<void> | undefined;
    const respond = options.respond && !picksExample(prefer) ? options.respond : undefined;
    const outcome = await engine.request(
      // An operation that takes no body ignores one, as the API does: Prism would call its Content-Type a problem.
      { method: request.method, path: request.path, query: request.query, headers: operation.requestMediaTypes.length > 0 ? headers : withoutBody(headers), body: body.value },
      {
        operationId: operation.operationId,
        choice: options.typedExamples ? typedExample(prefer, operation, body.value, contract) : prefer,
        ...(respond && {
          respond: () => {
            const answer = respond(responderRequest(request, operation, body.value));
            answeredByResponder = answer !== undefined;
            saved = answer?.saved;
            // Awaited below, once Prism has validated the answer; a failure until then is not unhandled.
            saved?.catch(() => {});
            // The absolute Location before Prism validates the answer (`format: uri`).
            return answer && withLocation(toEngineAnswer(answer), request.path, baseUrl);
          },
        }),
      },
    );
    if (outcome.kind !== 'answer') return prismRefusal(outcome, headers.accept);
    // A change is acknowledged only once it would survive a crash of the mock.
    const unsaved = await saved?.then(
      () => undefined,
      (error: Error) => error,
    );
    if (unsaved) return refuse(REFUSALS.notSaved(unsaved.message));

    const { answer } = outcome;
    const answerErrors = errorsOf(outcome.answerFindings);
    if (options.strict && answerErrors.length > 0) {
      const violations = [...new Set(answerErrors.map((finding) => describe('response', finding)))];
      return { ...refuse(REFUSALS.answerBreaksContract(answer.status, violations)), violations };
    }
    const requestErrors = errorsOf(outcome.requestFindings);
    if (requestErrors.length > 0 && answer.status === 400) {
      return refuse(REFUSALS.invalidRequest(invalidRequestMessage(requestProblems(operation, body, requestErrors, contract))));
    }
    // Prism accepts some text where a JSON body is expected; the API does not.
    if (body.notJson && answer.status < 300) return refuse(REFUSALS.invalidRequest(invalidRequestMessage(['the body is not valid JSON'])));
    return serialise(answeredByResponder ? answer : withLocation(answer, request.path, baseUrl));
  };
  return async (raw) => {
    const request = readRequest(raw, contract);
    const reply = await decide(request, raw.origin ?? options.baseUrl());
    return request.operation ? { ...reply, operationId: request.operation.operationId } : reply;
  };
}

/** Static replay: the example of the `_type` the body sends, unless `Prefer` picks the answer. */
function typedExample(prefer: MockChoice, operation: Operation, body: unknown, contract: Contract): MockChoice {
  if (picksStaticAnswer(prefer)) return prefer;
  const typed = contract.typedExamples(operation);
  const sent = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[typed?.property ?? ''] : undefined;
  const name = typeof sent === 'string' ? typed?.names.get(sent) : undefined;
  return name ? { ...prefer, exampleKey: name } : prefer;
}

function responderRequest(request: ApiRequest, operation: Operation, body: unknown) {
  return {
    operationId: operation.operationId,
    method: request.method.toUpperCase(),
    path: request.path,
    pathParams: request.route.kind === 'operation' ? request.route.pathParams : {},
    query: request.query,
    headers: request.headers,
    body,
  };
}

function toEngineAnswer(answer: ResponderAnswer): EngineAnswer {
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  if (answer.body !== undefined && typeof answer.body !== 'string') headers['content-type'] ??= 'application/json';
  return { status: answer.status, headers, body: answer.body };
}
