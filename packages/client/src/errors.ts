// One class per outcome a caller handles differently. `instanceof` narrows by class; `status`
// narrows the HTTP errors too. A message is built from what the client controls (method, path with
// the ids, status, media type, an error code) plus the API's own `message`: never from a request
// body, a header, the query (which may hold a 3CX licence key) or the base URL.
export interface PbxErrorDetails {
  method: string;
  /** The request path under the base URL, without the query string. */
  path: string;
  response?: Response | undefined;
  /** `message` of the error envelope, with any secret of the request it quotes masked. */
  apiMessage?: string | undefined;
  /** `timestamp` of the error envelope. */
  timestamp?: string | undefined;
  cause?: unknown;
}

/** Base class of every error the client throws. */
export class PbxError extends Error {
  override name = 'PbxError';
  /** HTTP method of the request, e.g. `GET`. */
  declare readonly method: string;
  /** Path of the request under the base URL, e.g. `/v1.0/accounts/…/pbxs`; no query string. */
  declare readonly path: string;
  /** HTTP status, when a response arrived. */
  declare readonly status: number | undefined;
  /** `message` of the error envelope, when the response had one. */
  declare readonly apiMessage: string | undefined;
  /** `timestamp` of the error envelope, when the response had one. */
  declare readonly timestamp: string | undefined;
  /** The raw response, when one arrived. Not enumerable, so it stays out of logs. */
  declare readonly response: Response | undefined;

  /** `message` says what happened; the method and path are put in front of it. */
  constructor(message: string, { response, cause, ...details }: PbxErrorDetails) {
    super(`${details.method} ${details.path} ${message}`, cause === undefined ? undefined : { cause });
    Object.assign(this, details, { status: response?.status });
    Object.defineProperty(this, 'response', { value: response });
  }

  toJSON(): Record<string, unknown> {
    return { message: this.message, ...(this as object) };
  }
}

/** The API answered with an error status (or with a body that is not what it documents). */
export class PbxApiError extends PbxError {
  override name = 'PbxApiError';
  declare readonly status: number;
  declare readonly response: Response;
}

/** 400: an id that is not a GUID, a missing parameter or header, a body that breaks the schema. */
export class PbxBadRequestError extends PbxApiError {
  override name = 'PbxBadRequestError';
  declare readonly status: 400;
}

/** 401: the bearer token is missing, invalid or expired. The API sends no body: refresh the token. */
export class PbxAuthenticationError extends PbxApiError {
  override name = 'PbxAuthenticationError';
  declare readonly status: 401;
}

/** 404: no such customer or profile. */
export class PbxNotFoundError extends PbxApiError {
  override name = 'PbxNotFoundError';
  declare readonly status: 404;
}

/** A status the API does not document (500, 503 after the retries, a redirect that is not followed, …). */
export class PbxUnexpectedStatusError extends PbxApiError {
  override name = 'PbxUnexpectedStatusError';
}

/** A success status whose body is not the documented JSON envelope, or is larger than `maxResponseBytes`. */
export class PbxInvalidResponseError extends PbxApiError {
  override name = 'PbxInvalidResponseError';
}

/** The request never got a complete response: connection refused, reset, DNS failure. */
export class PbxConnectionError extends PbxError {
  override name = 'PbxConnectionError';
}

/** An attempt took longer than `timeoutMs` (after the retries, for safe requests), or the call's signal came from `AbortSignal.timeout()`. */
export class PbxTimeoutError extends PbxError {
  override name = 'PbxTimeoutError';
}

/** The caller's `AbortSignal` fired. */
export class PbxAbortError extends PbxError {
  override name = 'PbxAbortError';
}

const STATUS_CLASSES: Record<number, typeof PbxApiError> = { 400: PbxBadRequestError, 401: PbxAuthenticationError, 404: PbxNotFoundError };

/** The response's media type (`text/html`), never the rest of the header, which the server chose. */
export const mediaType = (response: Response) => /^[\w.+-]+\/[\w.+-]+/.exec(response.headers.get('content-type') ?? '')?.[0] ?? 'none';

/** The error for a response with a non-success status; `body` is the parsed envelope, if any. */
export function errorForStatus(method: string, path: string, response: Response, body: any, mask: (text: string) => string): PbxApiError {
  const { status } = response;
  const apiMessage = typeof body?.message === 'string' ? mask(body.message) : undefined;
  const timestamp = typeof body?.timestamp === 'string' ? body.timestamp : undefined;
  const ErrorClass = STATUS_CLASSES[status] ?? PbxUnexpectedStatusError;
  const reason =
    status === 401 ? 'the bearer token is missing, invalid or expired; get a fresh one' : (apiMessage ?? `no error envelope in the body (content type ${mediaType(response)})`);
  const undocumented = ErrorClass === PbxUnexpectedStatusError ? ', a status the API does not document' : '';
  return new ErrorClass(`answered ${status}${undocumented}: ${reason}`, { method, path, response, apiMessage, timestamp });
}
