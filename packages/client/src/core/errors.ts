// One class per outcome a caller handles differently. `instanceof` narrows by class; `status`
// narrows the HTTP errors too. Which class and which message: src/internal/failures.ts, the one
// module that builds them.
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

/**
 * An attempt took longer than `timeoutMs` (after the retries, for safe requests), or the call's signal
 * came from `AbortSignal.timeout()`. A timeout is a connection error: no complete response arrived.
 */
export class PbxTimeoutError extends PbxConnectionError {
  override name = 'PbxTimeoutError';
}

/** The caller's `AbortSignal` fired. */
export class PbxAbortError extends PbxError {
  override name = 'PbxAbortError';
}
