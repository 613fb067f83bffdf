import type { IncomingHttpHeaders } from 'node:http';
import Negotiator from 'negotiator';
import {
  type Contract,
  type Operation,
  describeParameterFindings,
  invalidRequestMessage,
} from '@myreports/pbx-contract';
import type { EngineAnswer, EngineInput, MockChoice, PrismEngine, PrismFinding } from './prism-engine.js';
import { REFUSALS } from './refusals.js';
import { type RawRequest, type Reply, refuse } from './reply.js';
import type { Responder } from './responder.js';

export interface HandlerOptions {
  contract: Contract;
  engine: PrismEngine;
  mode: 'mock' | 'proxy';
  /** Base of `Location` headers: the public base URL, or the address the mock listens on. */
  baseUrl: () => string;
  /** JSON Patch documents hold at most this many operations. */
  maxPatchOperations: number;
  /** Prism's validation of every answer: a violation becomes a 500 envelope. */
  strict: boolean;
  respond?: Responder;
  /** Serve the examples of the `_type` sent (static mode). */
  typedExamples: boolean;
}

const JSON_MEDIA_TYPE = 'application/json';

/** Most object members and array items in one request body, nested ones included. */
export const MAX_BODY_MEMBERS = 1000;

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

/**
 * One request of the mock (or the proxy), from raw bytes to the reply. The contract core finds the
 * operation and words the messages; Prism validates and answers. Every refusal is the API's error
 * envelope, with the status the contract edge calls for.
 */
export async function handleRequest(request: RawRequest, options: HandlerOptions): Promise<Reply> {
  const { contract, engine } = options;
  const queryAt = request.url.indexOf('?');
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const route = contract.route(request.method, path);
  const proxy = options.mode === 'proxy';
  if (!proxy && route.kind === 'no-path') {
    return refuse(REFUSALS.noSuchResource(request.method, path));
  }
  if (!proxy && route.kind === 'method-not-allowed') {
    return refuse(REFUSALS.methodNotAllowed(path, route.allow));
  }
  const operation = route.kind === 'operation' ? route.operation : undefined;
  const headers = normaliseHeaders(request.headers);
  // Every answer of the API is JSON. Checked here, before the engine: Prism negotiates only when it
  // picks an example itself, and the twin answers in its place.
  if (!proxy && operation && headers.accept !== undefined && new Negotiator({ headers: { accept: headers.accept } }).mediaType([JSON_MEDIA_TYPE]) === undefined) {
    return refuse(REFUSALS.notAcceptable(headers.accept));
  }

  let body: unknown;
  let bodyNotJson = false;
  if (operation && operation.requestMediaTypes.length > 0 && request.body.length > 0) {
    const refusal = unsupportedMediaType(operation, headers['content-type']);
    if (refusal && !proxy) return refusal;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      bodyNotJson = true;
      body = request.body.toString('utf8');
    }
    const limit = options.maxPatchOperations;
    if (!proxy && Array.isArray(body) && body.length > limit && contract.resolve(operation.requestSchema())?.type === 'array') {
      return refuse(REFUSALS.tooManyPatchOperations(body.length, limit));
    }
    // Validating every member of a 1 MiB object of 100,000 unknown fields takes Prism minutes; no
    // body of this API needs more than a few dozen.
    if (!proxy && !bodyNotJson && exceedsMembers(body, MAX_BODY_MEMBERS)) {
      return refuse(REFUSALS.tooManyMembers(MAX_BODY_MEMBERS));
    }
  } else if (proxy && request.body.length > 0) {
    body = request.body.toString('utf8');
  }

  const input: EngineInput = {
    method: request.method,
    path,
    query: operation ? queryBySpecNames(operation, request.url, queryAt) : rawQuery(request.url, queryAt),
    headers,
    body,
  };
  const preference = engine.preference(headers);
  if (preference === 'invalid') {
    return refuse(REFUSALS.invalidPrefer());
  }

  let choice: MockChoice = preference;
  if (options.typedExamples && operation && !picksAnswer(preference)) {
    const typed = contract.typedExamples(operation);
    const sent = isObject(body) ? body[typed?.property ?? ''] : undefined;
    const name = typeof sent === 'string' ? typed?.names.get(sent) : undefined;
    if (name) choice = { ...preference, exampleKey: name };
  }
  const outcome = await engine.request(input, choice);

  if (outcome.kind === 'upstream-failure') return refuse(outcome.refusal);
  if (outcome.kind === 'refusal') return refusalReply(outcome.status, outcome.detail || outcome.title, headers);

  const { answer } = outcome;
  const requestErrors = outcome.requestFindings.filter((finding) => finding.severity === 'error');
  const answerErrors = outcome.answerFindings.filter((finding) => finding.severity === 'error');
  if (proxy) {
    const violations = [...requestErrors.map((finding) => describe('request', finding)), ...answerErrors.map((finding) => describe('response', finding))];
    return { ...serialise(answer), violations: [...new Set(violations)] };
  }
  if (answerErrors.length > 0 && options.strict) {
    const violations = [...new Set(answerErrors.map((finding) => describe('response', finding)))];
    return { ...refuse(REFUSALS.answerBreaksContract(answer.status, violations)), violations };
  }
  if (requestErrors.length > 0 && answer.status === 400 && operation) {
    const parameters = describeParameterFindings(operation, requestErrors);
    // Prism reports a missing body without a location: whatever is not a parameter is about the body.
    const bodyFindings = requestErrors.filter((finding) => !['path', 'query', 'header', 'cookie'].includes(finding.location[0] ?? ''));
    let bodyProblems: string[] = [];
    if (bodyNotJson) bodyProblems = ['the body is not valid JSON'];
    else if (bodyFindings.length > 0) {
      bodyProblems = body === undefined ? ['the body is required'] : contract.explainBody(operation, body);
      if (bodyProblems.length === 0) bodyProblems = bodyFindings.map((finding) => finding.message);
    }
    return refuse(REFUSALS.invalidRequest(invalidRequestMessage([...parameters, ...bodyProblems])));
  }
  if (bodyNotJson && operation && answer.status < 300) {
    // Prism accepts some text where a JSON body is expected; the API does not.
    return refuse(REFUSALS.invalidRequest(invalidRequestMessage(['the body is not valid JSON'])));
  }
  return withLocation(serialise(answer), operation, path, options.baseUrl);
}

/**
 * The envelope for a request Prism refused before answering. Prism's other refusals (415, 500, …)
 * cannot happen behind the edges above; one that does is a fault of the mock, answered 500 and logged.
 */
function refusalReply(status: number, detail: string, headers: Record<string, string>): Reply {
  switch (status) {
    case 406:
      return refuse(REFUSALS.notAcceptable(headers.accept));
    case 404:
      return refuse(REFUSALS.notFound());
    case 422:
      return refuse(REFUSALS.invalidRequest(`Invalid request: ${detail}`));
    default:
      throw new Error(`Prism refused the request with ${status}: ${detail}`);
  }
}

/** A 415 when a body comes with a Content-Type the operation does not take (or none). */
function unsupportedMediaType(operation: Operation, contentType: string | undefined): Reply | undefined {
  const takes = operation.requestMediaTypes;
  if (contentType === undefined || contentType.trim() === '') return refuse(REFUSALS.contentTypeMissing(takes));
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (takes.some((type) => type.toLowerCase() === mediaType)) return undefined;
  return refuse(REFUSALS.contentTypeNotTaken(mediaType, takes));
}

/**
 * Header names lower-cased, and the `Bearer` scheme spelled as Prism expects: auth schemes are
 * case-insensitive (RFC 7235 section 2.1), Prism compares them case-sensitively.
 */
function normaliseHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (headers.authorization !== undefined) headers.authorization = headers.authorization.replace(/^\s*bearer(?=\s)/i, 'Bearer');
  delete headers.host;
  return headers;
}

/**
 * Query parameters under the spec's names, matched without regard to case (`InstanceId` counts as
 * `instanceId`): a decision, the vendor is silent; ASP.NET, which the API's timestamps betray,
 * binds query parameters that way.
 */
function queryBySpecNames(operation: Operation, url: string, queryAt: number): Record<string, string | string[]> {
  const query = rawQuery(url, queryAt);
  const names = new Map(operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name.toLowerCase(), parameter.name]));
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    const spelled = names.get(name.toLowerCase()) ?? name;
    const previous = result[spelled];
    result[spelled] = previous === undefined ? value : [...[previous].flat(), ...[value].flat()];
  }
  return result;
}

function rawQuery(url: string, queryAt: number): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (queryAt < 0) return query;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** `Prefer` that picks the answer itself: an example, fake data, or a status other than success. */
function picksAnswer(choice: MockChoice): boolean {
  return choice.exampleKey !== undefined || choice.dynamic !== undefined || (choice.code !== undefined && (choice.code < 200 || choice.code >= 300));
}

/** `request.path.pbxid: must match format "uuid"`. */
function describe(side: 'request' | 'response', finding: PrismFinding): string {
  return `${[side, ...finding.location].join('.')}: ${finding.message}`;
}

/** A 201 with the new profile's id gets a `Location` on this mock, never the spec's example URL or the raw Host. */
function withLocation(reply: Reply, operation: Operation | undefined, path: string, baseUrl: () => string): Reply {
  const location = reply.headers.location;
  // A responder's own Location, relative to the mock.
  if (location?.startsWith('/')) return { ...reply, headers: { ...reply.headers, location: `${baseUrl()}${location}` } };
  if (reply.status !== 201 || !operation || location === undefined) return reply;
  const id = (parseJsonSafe(reply.body) as { data?: { id?: unknown } } | undefined)?.data?.id;
  if (typeof id !== 'string') return reply;
  return { ...reply, headers: { ...reply.headers, location: `${baseUrl()}${path.replace(/\/$/, '')}/${encodeURIComponent(id)}` } };
}

function serialise(answer: EngineAnswer): Reply {
  const headers = { ...answer.headers };
  for (const name of ['content-length', 'transfer-encoding', 'connection', 'keep-alive']) delete headers[name];
  if (answer.raw) return { status: answer.status, headers, body: answer.raw };
  if (answer.body === undefined || answer.body === null) return { status: answer.status, headers, body: '' };
  if (Buffer.isBuffer(answer.body)) return { status: answer.status, headers, body: answer.body };
  if (typeof answer.body === 'string') return { status: answer.status, headers, body: answer.body };
  headers['content-type'] ??= 'application/json';
  return { status: answer.status, headers, body: JSON.stringify(answer.body) };
}

function parseJsonSafe(body: string | Buffer): unknown {
  try {
    return JSON.parse(body.toString());
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
