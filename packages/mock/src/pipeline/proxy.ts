import type { Contract } from '@myreports/pbx-contract';
import type { PrismEngine } from '../prism-engine.js';
import type { RawRequest, Reply } from '../reply.js';
import { describe, errorsOf, prismRefusal, serialise } from './answer.js';
import { parseBody, readRequest } from './request.js';

export interface ProxyPipelineOptions {
  contract: Contract;
  /** Prism with the forward component: every request goes to the upstream. */
  engine: PrismEngine;
}

/**
 * One exchange of the validation proxy, top to bottom: the request goes to the upstream as it came
 * (Prism validates it on the way), the answer comes back byte for byte, and every violation of
 * either side goes to the log. The proxy refuses nothing itself but upstream failures.
 */
export function proxyPipeline({ contract, engine }: ProxyPipelineOptions): (raw: RawRequest) => Promise<Reply> {
  return async (raw) => {
    const request = readRequest(raw, contract);
    const { operation } = request;
    // Parsed for Prism's validation where the operation takes a body; sent on as received either way.
    const body =
      request.bytes.length === 0 ? undefined : operation && operation.requestMediaTypes.length > 0 ? parseBody(request.bytes).value : request.bytes.toString('utf8');
    const outcome = await engine.request(
      { method: request.method, path: request.path, query: request.query, headers: request.headers, body },
      operation ? { operationId: operation.operationId } : {},
    );
    if (outcome.kind !== 'answer') return prismRefusal(outcome, request.headers.accept);
    const violations = [
      ...errorsOf(outcome.requestFindings).map((finding) => describe('request', finding)),
      ...errorsOf(outcome.answerFindings).map((finding) => describe('response', finding)),
    ];
    return { ...serialise(outcome.answer), violations: [...new Set(violations)] };
  };
}
