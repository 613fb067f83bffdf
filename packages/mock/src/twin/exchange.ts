/**
 * What the twin is given and what it answers: the shape of the engine's responder hook. Prism has
 * already validated the request (no violations, no `Prefer: code=`/`example=`) when the twin sees it.
 */
export interface TwinRequest {
  operationId: string;
  method: string;
  /** The request path, without the query. */
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  /** Header names in lower case. */
  headers: Record<string, unknown>;
  /** The parsed JSON body, if any. */
  body?: unknown;
}

export interface TwinAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
