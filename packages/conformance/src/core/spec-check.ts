import type { Contract, Json } from '@myreports/pbx-contract';
import type { Exchange } from './session.js';

/**
 * What is wrong with an answer, judged by the spec through the contract core: a status the
 * operation declares and a body valid against that status's schema (`validateResponse`), sent as
 * JSON; the envelope's `status`/`error` matching the HTTP status; every header the response
 * declares required, valid against its schema. An empty list: the answer conforms.
 */
export function createAnswerCheck(contract: Contract): (exchange: Exchange) => string[] {
  return (exchange) => {
    const pathname = exchange.path.split('?')[0]!;
    const route = contract.route(exchange.method, pathname);
    if (route.kind !== 'operation') return [`${exchange.method} ${pathname} is not an operation of the spec`];
    const { operation } = route;
    const body = exchange.text === '' ? undefined : (exchange.json ?? exchange.text);
    const problems = contract.validateResponse(operation, exchange.status, body);
    if (problems.length === 0) {
      const declared = contract.resolve(operation.object.responses[String(exchange.status)]) ?? {};
      if (operation.responseSchema(exchange.status) !== undefined) problems.push(...envelopeProblems(exchange));
      problems.push(...headerProblems(contract, declared, exchange));
    }
    return problems.map((problem) => `${operation.operationId} answered ${exchange.status}: ${problem}`);
  };
}

function envelopeProblems(exchange: Exchange): string[] {
  const problems: string[] = [];
  const mediaType = (exchange.answerHeaders['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') problems.push(`Content-Type "${mediaType}" where the spec declares application/json`);
  const envelope = exchange.json as { status?: unknown; error?: unknown };
  const success = exchange.status < 400;
  if (envelope.status !== (success ? 'success' : 'error')) problems.push(`envelope status ${JSON.stringify(envelope.status)} on HTTP ${exchange.status}`);
  if (!success && envelope.error !== exchange.status) problems.push(`envelope error ${JSON.stringify(envelope.error)} on HTTP ${exchange.status}`);
  return problems;
}

function headerProblems(contract: Contract, response: Json, exchange: Exchange): string[] {
  const problems: string[] = [];
  for (const [name, node] of Object.entries((response.headers ?? {}) as Record<string, unknown>)) {
    const header = contract.resolve(node) ?? {};
    const value = exchange.answerHeaders[name.toLowerCase()];
    if (value === undefined) {
      if (header.required === true) problems.push(`no ${name} header, which the spec requires`);
      continue;
    }
    const schema = contract.resolve(header.schema);
    if (schema !== undefined && !contract.validator.compile(schema)(value)) problems.push(`header ${name} ${JSON.stringify(value)} breaks its schema`);
  }
  return problems;
}
