// Why a request ended without a usable response, as the PbxError a caller catches. The message is
// the client's own words plus a network error's code, never an error's message (which may quote a URL).
import { PbxAbortError, PbxConnectionError, PbxError, PbxTimeoutError, type PbxErrorDetails } from '../errors.js';

/** `getToken` threw or rejected: nothing was sent. */
export class TokenFailure extends Error {}

export function failure(error: any, where: PbxErrorDetails, call: { signal: AbortSignal | undefined; timeoutMs: number }): PbxError {
  if (error instanceof PbxError) return error;
  if (error instanceof TokenFailure) return new PbxError('was not sent: getToken() failed (see cause).', { ...where, cause: error.cause });
  const signal = call.signal;
  // The caller's signal first: AbortSignal.timeout() is a deadline, any other reason an abort.
  const cause = signal?.aborted ? signal.reason : error;
  if (cause?.name === 'TimeoutError') {
    return new PbxTimeoutError(signal?.aborted ? "was stopped by the deadline of the call's signal." : `got no complete response within ${call.timeoutMs} ms.`, { ...where, cause });
  }
  if (signal?.aborted || cause?.name === 'AbortError') return new PbxAbortError('was aborted by the caller.', { ...where, cause });
  const code = error?.cause?.code ?? error?.code;
  const reason = typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : 'network error';
  return new PbxConnectionError(`failed before a complete response arrived: ${reason}.`, { ...where, cause: error });
}
