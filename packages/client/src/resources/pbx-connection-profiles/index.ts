// The operations of the spec's tag "PBX connection profiles" (`client.profiles`): one row each
// (method, path, what `data` holds, charges), and the methods, each one line over the generic call.
// Types: ./types.ts.
//
// The reseller mirror (`/v1.0/customers/{customerTenantId}/pbxs…`, for a reseller's token) is the
// same operations on the same profiles without the account in the path, so it has no methods of its
// own: ids without `accountTenantId` send the call there.
import type { CallOptions, ChargeableCallOptions } from '../../core/options.js';
import type { PbxCreatedResult, PbxResult } from '../../core/results.js';
import { isItem, row, type Call, type Row } from '../../internal/call.js';
import { resource } from '../../internal/resource.js';
import { replace } from '../../internal/patch.js';
import { isObject, secretsOf } from '../../core/redaction.js';
import {
  INSTANCES,
  MIRROR,
  PBX,
  PBXS,
  type AnyPbxConnectionProfile,
  type CustomerIds,
  type InstanceId,
  type JsonPatch,
  type JsonPatchReplaceEnabled,
  type JsonPatchReplaceName,
  type KazooPbxConnectionProfile,
  type KazooPbxConnectionProfileCreate,
  type PbxConnectionProfileCreate,
  type PbxConnectionProfileCreated,
  type PbxInstanceLookup,
  type ProfileIds,
  type ResellerCustomerIds,
  type ResellerProfileIds,
  type ThreeCxConnectionProfileCreate,
  type ThreeCxConnectionProfileCreated,
} from './types.js';

/** A customer's profiles: under its account, or on the reseller mirror (no `accountTenantId`). */
export type ProfileListIds = CustomerIds | ResellerCustomerIds;
/** One profile: under its account, or on the reseller mirror (no `accountTenantId`). */
export type OneProfileIds = ProfileIds | ResellerProfileIds;

/** What `createIfNotConnected` resolves to: the create's result, or the lookup that found the instance connected. */
export type PbxCreateIfNotConnectedResult<T> = (PbxCreatedResult<T> & { readonly created: true }) | (PbxResult<PbxInstanceLookup & { exists: true }> & { readonly created: false });

export interface PbxConnectionProfiles {
  /** Lists the customer's profiles (`GET …/pbxs`). `isOtherProfile` finds the undocumented types, then `switch (p._type)` narrows. */
  list(ids: ProfileListIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile[]>>;
  /** Gets one profile (`GET …/pbxs/{pbxId}`). */
  get(ids: OneProfileIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile>>;
  /** Creates a profile, disabled (`POST …/pbxs`, with `accept-charges`). Never retried, never redirected. */
  create(ids: ProfileListIds, body: KazooPbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<KazooPbxConnectionProfile>>;
  create(ids: ProfileListIds, body: ThreeCxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<ThreeCxConnectionProfileCreated>>;
  create(ids: ProfileListIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<PbxConnectionProfileCreated>>;
  /**
   * Creates the profile only if no profile uses its PBX instance yet (the body's Kazoo `accountId` or
   * 3CX `licenseKey`): `findByInstance` first, then `create`. The API has no idempotency key, so this
   * is how a retried or repeated onboarding avoids connecting one PBX twice. Not atomic: a create by
   * someone else between the two requests is not seen; run one onboarding per instance at a time.
   */
  createIfNotConnected(ids: ProfileListIds, body: KazooPbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreateIfNotConnectedResult<KazooPbxConnectionProfile>>;
  createIfNotConnected(ids: ProfileListIds, body: ThreeCxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreateIfNotConnectedResult<ThreeCxConnectionProfileCreated>>;
  createIfNotConnected(ids: ProfileListIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreateIfNotConnectedResult<PbxConnectionProfileCreated>>;
  /**
   * Applies JSON Patch operations (`PATCH …/pbxs/{pbxId}`, with `accept-charges`), all or nothing.
   * Restarts the PBX collector. Never retried, never redirected.
   */
  patch(ids: OneProfileIds, operations: JsonPatch, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /name`. */
  rename(ids: OneProfileIds, name: string, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` true: the platform connects to the PBX and starts collecting events. */
  enable(ids: OneProfileIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` false. */
  disable(ids: OneProfileIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** Deletes a profile: the platform disconnects from the PBX (`DELETE …/pbxs/{pbxId}`). */
  delete(ids: OneProfileIds, options?: CallOptions): Promise<PbxResult<undefined>>;
  /** Tells whether any profile uses a PBX instance (Kazoo account id, 3CX licence key, Teams tenant id). */
  findByInstance(instanceId: InstanceId, options?: CallOptions): Promise<PbxResult<PbxInstanceLookup>>;
}

/**
 * Builders for the JSON Patch operations of the profile's common fields. Several in one `patch` call
 * apply all or nothing; other fields are `{ op: 'replace', path: '/apiKey', value }` written out.
 */
export const patchOperations = {
  /** `replace /name`. */
  rename: (name: string): JsonPatchReplaceName => replace('/name', name),
  /** `replace /enabled` with `true`: the platform connects to the PBX and starts collecting events. */
  enable: (): JsonPatchReplaceEnabled => replace('/enabled', true),
  /** `replace /enabled` with `false`: collection stops. */
  disable: (): JsonPatchReplaceEnabled => replace('/enabled', false),
};

const findByInstance = row<PbxInstanceLookup>()({
  method: 'GET',
  path: INSTANCES,
  data: isItem,
  parts: (instanceId: InstanceId) => ({ params: { query: { instanceId } } }),
  secrets: (instanceId) => [instanceId],
});

/** The row for these ids: as written, or on the reseller mirror when they name no account (its paths are the spec's, checked by the tests). */
const on = <R extends Row<any, unknown>>(row: R, ids: unknown): R =>
  isObject(ids) && !('accountTenantId' in ids) ? { ...row, path: row.path.replace(MIRROR, '') as R['path'] } : row;

/**
 * The PBX instance a create body connects: what `findByInstance` looks up. A body without one (only
 * possible untyped) sends no `instanceId`, which the API refuses with 400 before anything is created.
 */
const instanceOf = (body: PbxConnectionProfileCreate) => (body as KazooPbxConnectionProfileCreate).accountId ?? (body as ThreeCxConnectionProfileCreate).licenseKey;

export const pbxConnectionProfiles = (call: Call): PbxConnectionProfiles => {
  // Ids without an account send the call to the mirror; the rows stay the enterprise paths'.
  const mirrored = ((row: Row<any[], any>, args: [unknown], options) => call(on(row, args[0]), args, options)) as Call;
  const { page, all, ...base } = resource(mirrored, PBXS, PBX, secretsOf);
  // The overloads only narrow the result to the body's `_type`; the call is the same.
  const create = base.create as PbxConnectionProfiles['create'];
  return {
    // Typed by the interface: the core types the enterprise ids, the mirror's are the same without the account.
    ...(base as Pick<PbxConnectionProfiles, 'list' | 'get' | 'patch' | 'delete' | 'enable' | 'disable'>),
    create,
    createIfNotConnected: (async (ids: ProfileListIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions) => {
      const found = await call(findByInstance, [instanceOf(body)], options);
      return Object.assign(found.data.exists ? found : await create(ids, body, options), { created: !found.data.exists });
    }) as PbxConnectionProfiles['createIfNotConnected'],
    rename: (ids, name, options) => base.patch(ids as ProfileIds, [patchOperations.rename(name)], options),
    findByInstance: (instanceId, options) => call(findByInstance, [instanceId], options),
  };
};
