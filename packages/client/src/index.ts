// The public face of the package. Everything else under src/ is internal.
export { createClient, type PbxClient, type CallOptions, type ChargeableCallOptions } from './client.js';
export type { ClientOptions } from './options.js';
export { REGIONS, regionBaseUrl, type Region } from './regions.js';
export {
  PbxError,
  PbxApiError,
  PbxBadRequestError,
  PbxAuthenticationError,
  PbxNotFoundError,
  PbxUnexpectedStatusError,
  PbxInvalidResponseError,
  PbxConnectionError,
  PbxTimeoutError,
  PbxAbortError,
} from './errors.js';
export { PbxResult, type PbxCreatedResult } from './results.js';
export { isKazooProfile, isThreeCxProfile, isDocumentedProfile, isOtherProfile, PROFILE_TYPES } from './guards.js';
export { patchOperations } from './patch.js';
export { redactValue, SECRET_FIELDS } from './redaction.js';
export type * from './types.js';
export type { paths, components, operations } from '@myreports/pbx-types';
