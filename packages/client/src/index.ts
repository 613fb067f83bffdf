// The public face of the package: what an integrator uses. Everything else under src/ is internal.
export { createClient, createProfilesClient, type PbxClient } from './client.js';
export type { PageOptions } from './internal/pages.js';
export type { CallOptions, ChargeableCallOptions, ClientOptions, FetchFunction, PbxLogger } from './core/options.js';
export { REGIONS, type Region } from './core/regions.js';
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
  type PbxErrorDetails,
} from './core/errors.js';
export type { PbxResult, PbxCreatedResult } from './core/results.js';
export { isKazooProfile, isThreeCxProfile, isDocumentedProfile, isOtherProfile, PROFILE_TYPES } from './resources/pbx-connection-profiles/guards.js';
export {
  patchOperations,
  type OneProfileIds,
  type PbxConnectionProfiles,
  type PbxCreateIfNotConnectedResult,
  type ProfileListIds,
} from './resources/pbx-connection-profiles/index.js';
export type { Accounts } from './resources/accounts/index.js';
export type { Account, AccountCreate, AccountIds, AccountListQuery, AccountMetrics, TenantJsonPatch } from './resources/accounts/types.js';
export type { Customers } from './resources/customers/index.js';
export type { Customer, CustomerCreate, CustomerJsonPatch, CustomerListQuery, CustomerSummary } from './resources/customers/types.js';
export type { CustomerUsers } from './resources/customer-users/index.js';
export type { CustomerUser, CustomerUserCreate, CustomerUserIds, CustomerUserJsonPatch, CustomerUserRole, CustomerUserSummary } from './resources/customer-users/types.js';
export { redactSecrets } from './core/redaction.js';
export type {
  AnyPbxConnectionProfile,
  CustomerIds,
  ErrorEnvelope,
  InstanceId,
  JsonPatch,
  JsonPatchOperation,
  JsonPatchReplaceEnabled,
  JsonPatchReplaceName,
  KazooPbxConnectionProfile,
  KazooPbxConnectionProfileCreate,
  OtherPbxConnectionProfile,
  PbxConnectionProfile,
  PbxConnectionProfileCreate,
  PbxConnectionProfileCreated,
  PbxConnectionProfileType,
  PbxInstanceLookup,
  ProfileIds,
  ResellerCustomerIds,
  ResellerProfileIds,
  ThreeCxConnectionProfile,
  ThreeCxConnectionProfileCreate,
  ThreeCxConnectionProfileCreated,
} from './resources/pbx-connection-profiles/types.js';
export type { paths, components, operations } from '@myreports/pbx-types';
