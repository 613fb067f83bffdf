import type { Contract, Operation } from '@myreports/pbx-contract';
import type { EngineAnswer, PrismEngine } from '../prism-engine.js';
import { DEFAULTS } from '../options.js';
import { REFUSALS } from '../refusals.js';
import { type RawRequest, type Reply, refuse } from '../reply.js';
import { errorsOf, prismRefusal, requestProblems, serialise } from './answer.js';
import { capRefusal } from './body.js';
import { type ApiRequest, parseBody, readRequest } from './request.js';

export interface ProxyPipelineOptions {
  contract: Contract;
  /** Prism with the forward component: every request goes to the upstream. */
  engine: PrismEngine;
}

/**
 * One exchange of the validation proxy, top to bottom: the request goes to the upstream as it came
 * (Prism validates it on the way), the answer comes back byte for byte, and every way either side
 * breaks the contract goes to the log, worded as the mock words it (the contract core's phrases,
 * the spec's names). The proxy refuses nothing itself but a body over the mock's caps (its size,
 * its patch operations, its members) and upstream failures.
 */
export function proxyPipeline({ contract, engine }: ProxyPipelineOptions): (raw: RawRequest) => Promise<Reply> {
  return async (raw) => {
    const request = readRequest(raw, contract);
    const { operation } = request;
    // Parsed for Prism's validation where the operation takes a body; sent on as received (`sent`).
    const body = request.bytes.length === 0 ? { value: undefined, notJson: false } : operation && operation.requestMediaTypes.length > 0 ? parseBody(request.bytes) : { value: request.bytes.toString('utf8'), notJson: false };
    // The mock's caps on a body, for the same reason: past them Prism's validation alone takes seconds
    // and reports thousands of lines (a 0.8 MB patch of 14,000 operations took 19 s).
    const overCap = operation && capRefusal(body, operation, contract, DEFAULTS.maxPatchOperations);
    if (overCap) return refuse(overCap);
    const outcome = await engine.request(
      { method: request.method, path: request.path, query: request.query, headers: request.headers, body: body.value, sent: { search: searchOf(raw.url), headers: raw.headers, body: request.bytes } },
      operation ? { operationId: operation.operationId } : {},
    );
    if (outcome.kind !== 'answer') return prismRefusal(outcome, request.headers.accept);
    const requestErrors = errorsOf(outcome.requestFindings);
    const violations = operation
      ? [
          ...(requestErrors.length > 0 ? requestProblems(operation, body, requestErrors, contract) : []).map((problem) => `request: ${problem}`),
          ...answerProblems(contract, operation, outcome.answer).map((problem) => `response: ${problem}`),
        ]
      : [`request: ${routeProblem(request)}`];
    return { ...serialise(outcome.answer), violations: [...new Set(violations)] };
  };
}

/** The query string as received, `?` included; empty without one. */
const searchOf = (url: string): string => (url.includes('?') ? url.slice(url.indexOf('?')) : '');

/** A request the spec has no operation for: the mock's own words for it (its 404 or 405). */
function routeProblem({ route, method, path }: ApiRequest): string {
  return route.kind === 'method-not-allowed' ? REFUSALS.methodNotAllowed(path, route.allow).message : REFUSALS.noSuchResource(method, path).message;
}

/** The contract core's problems with an upstream's answer: its status, its media type (when it has a body), its body. */
function answerProblems(contract: Contract, operation: Operation, answer: EngineAnswer): string[] {
  const hasBody = (answer.raw?.length ?? 0) > 0;
  const mediaType = hasBody ? (answer.headers['content-type'] ?? '').split(';')[0]!.trim() : undefined;
  return contract.validateResponse(operation, answer.status, answer.body, mediaType);
}
