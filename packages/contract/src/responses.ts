import type { Operation } from './operations.js';
import { MAX_VALUES_FULLY_CHECKED, type SpecValidator } from './validator.js';

/** The one success status (2xx) an operation documents: every operation of this API has exactly one. */
export function successStatus(operation: Operation): number {
  const success = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
  if (success.length !== 1) throw new Error(`${operation.operationId} documents ${success.length} success statuses (${success.join(', ') || 'none'}), not one.`);
  return Number(success[0]);
}

/**
 * What is wrong with an answer of `operation`: its status is undocumented, its media type (when
 * given: the `Content-Type` without parameters) is not one the spec declares for that status, or its
 * JSON body breaks the schema the spec declares. Empty when the answer keeps the contract. A body
 * past the validator's bound (`MAX_VALUES_FULLY_CHECKED`) gets its first problem and a line saying so.
 */
export function responseProblems(validator: SpecValidator, operation: Operation, status: number, body: unknown, mediaType?: string): string[] {
  if (!(String(status) in operation.responses)) return [`status ${status} is not documented for ${operation.operationId}`];
  const declared = Object.keys(operation.responses[String(status)]!);
  if (mediaType !== undefined && declared.length > 0 && !declared.includes(mediaType.toLowerCase())) {
    return [`status ${status} of ${operation.operationId} answers ${mediaType || 'no Content-Type'}, not ${declared.join(' or ')}`];
  }
  const schema = operation.responseSchema(status);
  if (schema === undefined) {
    return body === undefined || body === '' ? [] : [`status ${status} of ${operation.operationId} declares no JSON body`];
  }
  // A `oneOf` repeats its branches' errors: each once.
  const { errors, firstOnly } = validator.validate(schema as Record<string, unknown>, body);
  const problems = [...new Set(errors.map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`))];
  return firstOnly ? [...problems, `/ holds more than ${MAX_VALUES_FULLY_CHECKED.toLocaleString('en')} JSON values: the check stopped at its first problem`] : problems;
}
