import type { Contract, Operation } from '@myreports/pbx-contract';
import { REFUSALS } from '../refusals.js';
import type { Refusal } from '../refusals.js';
import { parseBody } from './request.js';
import type { ApiRequest } from './request.js';

/** Most object members and array items in one request body, nested ones included. */
export const MAX_BODY_MEMBERS = 1000;

/**
 * The mock's checks of a body before Prism sees it: a `Content-Type` the operation takes, at most
 * `maxPatchOperations` in a JSON Patch, at most MAX_BODY_MEMBERS members. A body the operation does
 * not take (a GET's) is ignored, as the API does.
 */
export function checkBody(
  request: ApiRequest,
  operation: Operation,
  contract: Contract,
  maxPatchOperations: number,
): { refusal: Refusal } | { value: unknown; notJson: boolean } {
  if (operation.requestMediaTypes.length === 0 || request.bytes.length === 0) return { value: undefined, notJson: false };
  const refusal = contentTypeRefusal(operation.requestMediaTypes, request.headers['content-type']);
  if (refusal) return { refusal };
  const body = parseBody(request.bytes);
  const overCap = capRefusal(body, operation, contract, maxPatchOperations);
  return overCap ? { refusal: overCap } : body;
}

/**
 * The caps on a parsed body, before Prism validates it: at most `maxPatchOperations` in a JSON Patch,
 * at most MAX_BODY_MEMBERS members. The mock and the validation proxy both apply them, since Prism's
 * validation is what they bound.
 */
export function capRefusal(body: { value: unknown; notJson: boolean }, operation: Operation, contract: Contract, maxPatchOperations: number): Refusal | undefined {
  if (Array.isArray(body.value) && body.value.length > maxPatchOperations && contract.resolve(operation.requestSchema())?.type === 'array') {
    return REFUSALS.tooManyPatchOperations(body.value.length, maxPatchOperations);
  }
  // Validating every member of a 1 MiB object of 100,000 unknown fields takes Prism minutes; no
  // body of this API needs more than a few dozen.
  if (!body.notJson && exceedsMembers(body.value, MAX_BODY_MEMBERS)) return REFUSALS.tooManyMembers(MAX_BODY_MEMBERS);
  return undefined;
}

/** The headers without those that announce a body, for an operation that takes none. */
export function withoutBody(headers: Record<string, string>): Record<string, string> {
  const { 'content-type': _type, 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = headers;
  return rest;
}

/** A 415 when a body comes with a Content-Type the operation does not take (or none). */
function contentTypeRefusal(takes: string[], contentType: string | undefined): Refusal | undefined {
  if (contentType === undefined || contentType.trim() === '') return REFUSALS.contentTypeMissing(takes);
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (takes.some((type) => type.toLowerCase() === mediaType)) return undefined;
  return REFUSALS.contentTypeNotTaken(mediaType, takes);
}

/** True when `value` holds more than `limit` members and items; stops counting there. */
function exceedsMembers(value: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const children = Array.isArray(node) ? node : Object.values(node);
    count += children.length;
    if (count > limit) return true;
    stack.push(...children);
  }
  return false;
}
