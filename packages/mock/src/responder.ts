/**
 * The responder hook: a way to answer valid requests with something other than the spec's static
 * examples (a stateful twin that remembers what was created, for instance).
 *
 * The engine calls `respond` only for a request that Prism has accepted (routing, security,
 * parameters and body all valid) and that does not pick its answer with `Prefer: code=` or
 * `Prefer: example=`. Returning `undefined` leaves the answer to Prism (the spec's example, as
 * without a responder). The call is synchronous: it runs inside Prism's mock step, so the answer
 * goes through Prism's response validation like any other (`strict`).
 */
export type Responder = (request: ResponderRequest) => ResponderAnswer | undefined;

export interface ResponderRequest {
  /** The spec's operationId, e.g. `createPbxConnectionProfile`. */
  operationId: string;
  /** Upper case: `POST`. */
  method: string;
  /** The concrete path, e.g. `/v1.0/accounts/…/customers/…/pbxs`. */
  path: string;
  /** Path parameters by the spec's names, decoded: `{ accountTenantId, customerTenantId, pbxId }`. */
  pathParams: Record<string, string>;
  /** Query parameters by the spec's names (see the README for case); repeated ones as arrays. */
  query: Record<string, string | string[]>;
  /**
   * Request headers, names lower-cased. `authorization` is included for a responder that needs it;
   * the engine never logs it, and a responder must not either.
   */
  headers: Record<string, string>;
  /** The body parsed as JSON; undefined without one. */
  body: unknown;
}

export interface ResponderAnswer {
  status: number;
  /** Names in any case; `content-type` defaults to `application/json` when there is a body. */
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string. */
  body?: unknown;
  /**
   * For an answer that acknowledges a change: resolves once the change is durable (the twin's state
   * file holds it). The engine sends the answer only then, and a 500 envelope if it rejects.
   */
  saved?: Promise<void>;
}
