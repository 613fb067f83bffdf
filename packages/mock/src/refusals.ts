/**
 * Every refusal the mock and the proxy answer themselves, by name: its status and its message, in
 * one place. `test/refusals.test.ts` provokes each one over HTTP, so an entry without a test fails.
 * (The twin's answers about stored profiles are the twin's own, in `twin/`.)
 */
export const REFUSALS = {
  // The contract edges, decided before Prism.
  noSuchResource: (method: string, path: string) => refusal(404, `No such resource: ${method} ${path} is not an operation of this API.`),
  methodNotAllowed: (path: string, allow: readonly string[]) => ({
    ...refusal(405, `Method not allowed: ${path} accepts ${allow.join(', ')}.`),
    headers: { allow: allow.join(', ') },
  }),
  notAcceptable: (accept: string | undefined) =>
    refusal(406, `Not acceptable: this operation answers application/json, and the Accept header asks for ${accept ?? 'something else'}.`),
  contentTypeMissing: (takes: readonly string[]) =>
    refusal(415, `Unsupported media type: the Content-Type header is missing; this operation takes ${takes.join(', ')}.`),
  contentTypeNotTaken: (mediaType: string, takes: readonly string[]) =>
    refusal(415, `Unsupported media type: the Content-Type header is ${JSON.stringify(mediaType)}; this operation takes ${takes.join(', ')}.`),
  tooManyPatchOperations: (count: number, limit: number) =>
    refusal(400, `Invalid request: the body holds ${count} operations; a JSON Patch may hold at most ${limit}.`),
  tooManyMembers: (limit: number) => refusal(400, `Invalid request: the body holds more than ${limit} fields and items; at most ${limit} are accepted.`),
  preferredStatusNotDeclared: (code: number, statuses: readonly string[]) =>
    refusal(400, `Invalid request: header Prefer asks for code=${code}, which this operation does not declare; it answers ${statuses.join(', ')}.`),
  preferredExampleNotDeclared: (name: string, status: number, names: readonly string[]) =>
    refusal(
      400,
      `Invalid request: header Prefer asks for example=${name}, which the ${status} answer of this operation does not have; ${names.length > 0 ? `its examples are ${names.join(', ')}` : 'it has no named example'}.`,
    ),
  invalidPrefer: () => refusal(400, 'Invalid request: header Prefer must be code=<status>, example=<name> or dynamic=true|false.'),
  invalidFaultPreference: (problem: string) => refusal(400, `Invalid request: ${problem}`),
  // Faults a test asked for (test-tool/faults.ts): the API's envelope, and when to retry.
  faultTooManyRequests: (retryAfter: number, asked: string) => ({
    ...refusal(429, `Too many requests: a fault of the mock (${asked}); retry after ${retryAfter} s.`),
    headers: { 'retry-after': String(retryAfter) },
  }),
  faultUnavailable: (retryAfter: number, asked: string) => ({
    ...refusal(503, `Service unavailable: a fault of the mock (${asked}); retry after ${retryAfter} s.`),
    headers: { 'retry-after': String(retryAfter) },
  }),
  // After Prism.
  /** `message`: the contract core's `invalidRequestMessage`, every problem named. */
  invalidRequest: (message: string) => refusal(400, message),
  answerBreaksContract: (status: number, violations: readonly string[]) =>
    refusal(
      500,
      `The mock's answer (${status}) breaks the contract: ${violations.slice(0, 10).join('; ')}${violations.length > 10 ? `; and ${violations.length - 10} more` : ''}.`,
    ),
  // The HTTP server.
  /** `Host` names another site: a web page that rebound its DNS name to this machine (allowed-hosts.ts). */
  hostNotAllowed: (host: string) =>
    refusal(
      403,
      `Forbidden: the Host header ${JSON.stringify(host)} does not name this mock; it answers IP addresses, localhost, its public URL and the names given with --allowed-hosts.`,
    ),
  payloadTooLarge: (limit: number) => refusal(413, `Payload too large: a request body may hold at most ${limit} bytes.`),
  malformedHttp: () => refusal(400, 'Invalid request: the HTTP request is malformed.'),
  headersTooLarge: (limit: number) => refusal(431, `Request header fields too large: the request line and headers may hold at most ${limit} bytes.`),
  engineFault: () => refusal(500, 'The mock failed to answer this request; the next one is served as usual.'),
  notSaved: (reason: string) => refusal(500, `The change was made in memory but could not be saved, so it would not survive a restart: ${reason}`),
  // The mock's own paths (`/__mock/`).
  /** A cross-site form or a simple request cannot send a header of its own (it needs a CORS preflight, which the mock never grants for it). */
  controlHeaderMissing: (prefix: string) =>
    refusal(403, `Forbidden: the mock's own paths need the header X-Mock-Control (any value), which a web page of another site cannot send: curl -X POST -H 'X-Mock-Control: 1' …${prefix}reset.`),
  controlCrossSite: (from: string) => refusal(403, `Forbidden: the mock's own paths answer requests of this machine only, not of a web page of ${from}.`),
  noSuchControl: (paths: readonly string[]) => refusal(404, `No such resource: the mock's own paths are ${paths.join(', ')}.`),
  controlMethodNotAllowed: (path: string, allow: readonly string[]) => ({
    ...refusal(405, `Method not allowed: ${path} accepts ${allow.join(', ')}.`),
    headers: { allow: allow.join(', ') },
  }),
  invalidControlRequest: (problem: string) => refusal(400, `Invalid request: ${problem}`),
  noState: () => refusal(409, 'Conflict: the mock runs in static replay (--static or --dynamic) and keeps no state.'),
  invalidSession: (name: string) =>
    refusal(400, `Invalid request: header x-mock-session must be 1 to 64 letters, digits, dots, dashes or underscores, not ${JSON.stringify(name.slice(0, 80))}.`),
  tooManySessions: (limit: number) =>
    refusal(
      400,
      `The mock holds ${limit} sessions (its limit, --max-sessions): reuse a session, reset one (POST /__mock/reset with its x-mock-session), or reset them all (POST /__mock/reset).`,
    ),
  controlFailed: (reason: string) => refusal(500, `The mock's own request failed: ${reason}`),
  // Proxy mode: the upstream.
  upstreamTooLarge: (limit: number) => refusal(502, `The upstream's answer is larger than ${limit} bytes.`),
  upstreamCutShort: () => refusal(502, 'The upstream closed the connection before its answer was complete.'),
  upstreamSwitchedProtocols: () => refusal(502, 'The upstream answered 101 Switching Protocols; this proxy carries HTTP exchanges only, so it closed that connection.'),
  upstreamUnreachable: (reason: string) => refusal(502, `The upstream could not be reached (${reason}).`),
  upstreamTimeout: (milliseconds: number) => refusal(504, `The upstream did not answer within ${milliseconds} ms.`),
} satisfies Record<string, (...args: never[]) => Refusal>;

export type RefusalName = keyof typeof REFUSALS;

export interface Refusal {
  status: number;
  message: string;
  /** Headers the refusal needs besides the content type (`Allow` of a 405). */
  headers?: Record<string, string>;
}

function refusal(status: number, message: string): Refusal {
  return { status, message };
}
