import type { Contract, Json } from '@myreports/pbx-contract';
import type { Exchange } from './session.js';

/**
 * What is wrong with an answer, judged by the spec through the contract core: a status the
 * operation declares, a body that validates against that status's schema (no body where it
 * declares none), the envelope's `status`/`error` matching the HTTP status, and every header the
 * response declares required, valid against its schema. An empty list: the answer conforms.
 */
export function createAnswerCheck(contract: Contract): (exchange: Exchange) => string[] {
  return (exchange) => {
    const pathname = exchange.path.split('?')[0]!;
    const route = contract.route(exchange.method, pathname);
    if (route.kind !== 'operation') return [`${exchange.method} ${pathname} is not an operation of the spec`];
    const { operation } = route;
    const declared = operation.object.responses[String(exchange.status)] ?? operation.object.responses['default'];
    const where = `${operation.operationId} answered ${exchange.status}`;
    if (declared === undefined) {
      const statuses = Object.keys(operation.object.responses).join(', ');
      return [`${where}, a status the spec does not declare (it declares ${statuses})`];
    }
    const response = contract.resolve(declared) ?? {};
    return [...bodyProblems(contract, response, exchange), ...headerProblems(contract, response, exchange)].map((problem) => `${where}: ${problem}`);
  };
}

function bodyProblems(contract: Contract, response: Json, exchange: Exchange): string[] {
  const content = response.content as Record<string, { schema?: unknown }> | undefined;
  if (content === undefined) return exchange.text === '' ? [] : ['a body where the spec declares none'];
  const mediaType = (exchange.answerHeaders['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const entry = content[mediaType];
  if (entry === undefined) return [`Content-Type "${mediaType}" where the spec declares ${Object.keys(content).join(', ')}`];
  if (exchange.json === undefined) return ['a body that is not JSON'];
  const problems: string[] = [];
  const schema = contract.resolve(entry.schema);
  if (schema !== undefined) {
    const validate = contract.validator.compile(schema);
    if (!validate(exchange.json)) {
      for (const error of validate.errors ?? []) problems.push(`body${error.instancePath || ''} ${error.message ?? 'is invalid'}`);
    }
  }
  const envelope = exchange.json as { status?: unknown; error?: unknown };
  const success = exchange.status < 400;
  if (typeof envelope === 'object' && envelope !== null) {
    if (envelope.status !== (success ? 'success' : 'error')) problems.push(`envelope status ${JSON.stringify(envelope.status)} on HTTP ${exchange.status}`);
    if (!success && envelope.error !== exchange.status) problems.push(`envelope error ${JSON.stringify(envelope.error)} on HTTP ${exchange.status}`);
  }
  return [...new Set(problems)];
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
