// Every error the client throws is built here, from what the client controls (method, path with the
// ids, status, media type, a network error's code, an error code) plus the API's own `message` with
// the request's secrets masked: never a request body, a header, the query or the base URL. A failure
// keeps what caused it as `cause`, with the request's secrets masked too.
import {
  PbxAbortError,
  PbxApiError,
  PbxAuthenticationError,
  PbxBadRequestError,
  PbxConnectionError,
  PbxError,
  PbxInvalidResponseError,
  PbxNotFoundError,
  PbxTimeoutError,
  PbxUnexpectedStatusError,
  type PbxErrorDetails,
} from '../core/errors.js';
import { maskCause, maskSecrets } from '../core/redaction.js';

const STATUS_CLASSES: Record<number, typeof PbxApiError> = { 400: PbxBadRequestError, 401: PbxAuthenticationError, 404: PbxNotFoundError };

/** The response's media type (`text/html`), never the rest of the header, which the server chose. */
const mediaType = (response: Response) => /^[\w.+-]+\/[\w.+-]+/.exec(response.headers.get('content-type') ?? '')?.[0] ?? 'none';

/**
 * Why a request ended without a usable response (a network error, a timeout, an abort, getToken);
 * `secrets`: what the request carried (the token, secret fields, an instance id).
 */
export function failure(error: any, where: PbxErrorDetails, call: { signal?: AbortSignal | undefined; timeoutMs: number }, secrets: readonly unknown[] = []): PbxError {
  if (error instanceof PbxError) return error;
  const signal = call.signal;
  // The caller's signal first: AbortSignal.timeout() is a deadline, any other reason an abort.
  const cause = maskCause(signal?.aborted ? signal.reason : error, secrets) as any;
  if (cause?.name === 'TimeoutError') {
    return new PbxTimeoutError(signal?.aborted ? "was stopped by the deadline of the call's signal." : `got no complete response within ${call.timeoutMs} ms.`, { ...where, cause });
  }
  if (signal?.aborted || cause?.name === 'AbortError') return new PbxAbortError('was aborted by the caller.', { ...where, cause });
  // A network error's code, never its message (which may quote a URL).
  const code = error?.cause?.code ?? error?.code;
  const reason = typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : 'network error';
  return new PbxConnectionError(`failed before a complete response arrived: ${reason}.`, { ...where, cause });
}

/** `getToken` threw or rejected: nothing was sent. */
export const tokenFailed = (where: PbxErrorDetails, cause: unknown) => new PbxError('was not sent: getToken() failed (see cause).', { ...where, cause });

/** `getToken` gave something else than a non-empty string (`null`, say): nothing was sent, and the value is not shown. */
export const tokenInvalid = (where: PbxErrorDetails, token: unknown) =>
  new PbxError(`was not sent: getToken() returned ${token === '' ? 'an empty string' : token === null ? 'null' : typeof token}, not a non-empty string.`, where);

/** Create or patch without `acceptCharges`: nothing was sent. */
export const chargesNotAccepted = (where: PbxErrorDetails) =>
  new PbxError('may cause charges and was not sent: pass acceptCharges: true to createClient() or to this call.', where);

/**
 * The error for a response with a non-success status: `text` is its body, `body` the parsed envelope
 * (if any), `secrets` what the request carried that its message must not show.
 */
export function statusError(where: PbxErrorDetails, read: Response, text: string, body: any, secrets: unknown[]): PbxApiError {
  // The error's `response` keeps its body readable for whoever inspects it.
  const response = new Response(text || null, read);
  const { status } = response;
  const apiMessage = typeof body?.message === 'string' ? maskSecrets(body.message, secrets) : undefined;
  const timestamp = typeof body?.timestamp === 'string' ? maskSecrets(body.timestamp, secrets) : undefined;
  const ErrorClass = STATUS_CLASSES[status] ?? PbxUnexpectedStatusError;
  const reason =
    status === 401 ? 'the bearer token is missing, invalid or expired; get a fresh one' : (apiMessage ?? `no error envelope in the body (content type ${mediaType(response)})`);
  const undocumented = ErrorClass === PbxUnexpectedStatusError ? ', a status the API does not document' : '';
  return new ErrorClass(`answered ${status}${undocumented}: ${reason}`, { ...where, response, apiMessage, timestamp });
}

/** A success status without the documented envelope (and `Location` header, for a create). */
export const invalidEnvelope = (where: PbxErrorDetails, response: Response, created: boolean | undefined) =>
  new PbxInvalidResponseError(
    `answered ${response.status}, but not with the documented JSON envelope${created ? ' and Location header' : ''} (content type ${mediaType(response)}).`,
    { ...where, response },
  );

/** A redirect the client does not follow; `host` is the target's host, when the runtime shows it. */
export const redirectRefused = (where: PbxErrorDetails, host: string | undefined, refused: string) =>
  new PbxUnexpectedStatusError(`answered ${where.response!.status}, a redirect to ${host ?? 'a hidden location'}, which was not followed: ${refused}.`, where);

/** A body over `maxResponseBytes`. */
export const bodyTooLarge = (where: PbxErrorDetails, limit: number) =>
  new PbxInvalidResponseError(`answered ${where.response!.status} with a body over maxResponseBytes (${limit} bytes).`, where);

/** A pager's page that repeats the one before: the server ignored `pageIndex`. */
export const pageRepeated = (path: string, response: Response, pageIndex: number) =>
  new PbxInvalidResponseError(`answered pageIndex ${pageIndex} with the page before: the pager stopped.`, { method: 'GET', path, response });
