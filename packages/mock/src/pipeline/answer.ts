import { type Contract, type Operation, describeParameterFindings } from '@myreports/pbx-contract';
import type { EngineAnswer, EngineOutcome, PrismFinding } from '../prism-engine.js';
import { REFUSALS } from '../refusals.js';
import { type Reply, refuse } from '../reply.js';

/**
 * Every problem Prism found in a request, worded by the contract core as the mock's 400 messages
 * word them: parameters first, by the spec's names (`path parameter pbxId must match format
 * "uuid"`, once per parameter), then the body along its `_type` variant.
 */
export function requestProblems(operation: Operation, body: { value: unknown; notJson: boolean }, errors: PrismFinding[], contract: Contract): string[] {
  const parameters = describeParameterFindings(operation, errors);
  // Prism reports a missing body without a location: whatever is not a parameter is about the body.
  const bodyFindings = errors.filter((finding) => !['path', 'query', 'header', 'cookie'].includes(finding.location[0] ?? ''));
  if (body.notJson) return [...parameters, 'the body is not valid JSON'];
  if (bodyFindings.length === 0) return parameters;
  const explained = body.value === undefined ? ['the body is required'] : contract.explainBody(operation, body.value);
  return [...parameters, ...(explained.length > 0 ? explained : bodyFindings.map((finding) => finding.message))];
}

/** `response.data.0.id: must match format "uuid"` (a mock's own answer, in strict mode). */
export function describe(side: 'request' | 'response', finding: PrismFinding): string {
  return `${[side, ...finding.location].join('.')}: ${finding.message}`;
}

export function errorsOf(findings: PrismFinding[]): PrismFinding[] {
  return findings.filter((finding) => finding.severity === 'error');
}

/**
 * The reply to a request Prism refused before answering. Its other refusals (415, 500, …) cannot
 * happen behind the mock's edges; one that does is a fault of the mock, answered 500 and logged.
 */
export function prismRefusal(outcome: Exclude<EngineOutcome, { kind: 'answer' }>, accept: string | undefined): Reply {
  if (outcome.kind === 'upstream-failure') return refuse(outcome.refusal);
  const detail = outcome.detail || outcome.title;
  switch (outcome.status) {
    case 406:
      return refuse(REFUSALS.notAcceptable(accept));
    case 422:
      return refuse(REFUSALS.invalidRequest(`Invalid request: ${detail}`));
    default:
      throw new Error(`Prism refused the request with ${outcome.status}: ${detail}`);
  }
}

/** The engine's answer as bytes to send: the upstream's own bytes in proxy mode, JSON otherwise. */
export function serialise(answer: EngineAnswer): Reply {
  const headers: Record<string, string | string[]> = { ...(answer.raw && answer.rawHeaders ? answer.rawHeaders : answer.headers) };
  for (const name of ['content-length', 'transfer-encoding', 'connection', 'keep-alive']) delete headers[name];
  if (answer.raw) return { status: answer.status, headers, body: answer.raw };
  if (answer.body === undefined || answer.body === null) return { status: answer.status, headers, body: '' };
  if (Buffer.isBuffer(answer.body) || typeof answer.body === 'string') return { status: answer.status, headers, body: answer.body };
  headers['content-type'] ??= 'application/json';
  return { status: answer.status, headers, body: JSON.stringify(answer.body) };
}
