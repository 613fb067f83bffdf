// The operations of the spec's tag "PBX connection profiles": one row each (method, path, what
// `data` holds, charges), and the methods, each one line over the generic call. Types: ./types.ts.
import type { CallOptions, ChargeableCallOptions } from '../../core/options.js';
import type { PbxCreatedResult, PbxResult } from '../../core/results.js';
import { isItem, isList, row, type Call } from '../../internal/call.js';
import { secretsOf } from '../../core/redaction.js';
import {
  INSTANCES,
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
  type ThreeCxConnectionProfileCreate,
  type ThreeCxConnectionProfileCreated,
} from './types.js';

export interface PbxConnectionProfiles {
  /** Lists the customer's profiles (`GET …/pbxs`). `isOtherProfile` finds the undocumented types, then `switch (p._type)` narrows. */
  list(ids: CustomerIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile[]>>;
  /** Gets one profile (`GET …/pbxs/{pbxId}`). */
  get(ids: ProfileIds, options?: CallOptions): Promise<PbxResult<AnyPbxConnectionProfile>>;
  /** Creates a profile, disabled (`POST …/pbxs`, with `accept-charges`). Never retried, never redirected. */
  create(ids: CustomerIds, body: KazooPbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<KazooPbxConnectionProfile>>;
  create(ids: CustomerIds, body: ThreeCxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<ThreeCxConnectionProfileCreated>>;
  create(ids: CustomerIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<PbxConnectionProfileCreated>>;
  /**
   * Applies JSON Patch operations (`PATCH …/pbxs/{pbxId}`, with `accept-charges`), all or nothing.
   * Restarts the PBX collector. Never retried, never redirected.
   */
  patch(ids: ProfileIds, operations: JsonPatch, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /name`. */
  rename(ids: ProfileIds, name: string, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` true: the platform connects to the PBX and starts collecting events. */
  enable(ids: ProfileIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` false. */
  disable(ids: ProfileIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** Deletes a profile: the platform disconnects from the PBX (`DELETE …/pbxs/{pbxId}`). */
  delete(ids: ProfileIds, options?: CallOptions): Promise<PbxResult<undefined>>;
  /** Tells whether any profile uses a PBX instance (Kazoo account id, 3CX licence key, Teams tenant id). */
  findByInstance(instanceId: InstanceId, options?: CallOptions): Promise<PbxResult<PbxInstanceLookup>>;
}

/**
 * Builders for the JSON Patch operations of the profile's common fields. Several in one `patch` call
 * apply all or nothing; other fields are `{ op: 'replace', path: '/apiKey', value }` written out.
 */
export const patchOperations = {
  /** `replace /name`. */
  rename: (name: string): JsonPatchReplaceName => ({ op: 'replace', path: '/name', value: name }),
  /** `replace /enabled` with `true`: the platform connects to the PBX and starts collecting events. */
  enable: (): JsonPatchReplaceEnabled => ({ op: 'replace', path: '/enabled', value: true }),
  /** `replace /enabled` with `false`: collection stops. */
  disable: (): JsonPatchReplaceEnabled => ({ op: 'replace', path: '/enabled', value: false }),
};

const CHARGES = { 'accept-charges': 'true' } as const;

const list = row<AnyPbxConnectionProfile[]>()({ method: 'GET', path: PBXS, data: isList, parts: (ids: CustomerIds) => ({ params: { path: ids } }) });
const get = row<AnyPbxConnectionProfile>()({ method: 'GET', path: PBX, data: isItem, parts: (ids: ProfileIds) => ({ params: { path: ids } }) });
const create = row<PbxConnectionProfileCreated>()({
  method: 'POST',
  path: PBXS,
  data: isItem,
  chargeable: true,
  creates: true,
  parts: (ids: CustomerIds, body: PbxConnectionProfileCreate) => ({ params: { path: ids, header: CHARGES }, body }),
  secrets: (_, body) => secretsOf(body),
});
const patch = row<undefined>()({
  method: 'PATCH',
  path: PBX,
  chargeable: true,
  parts: (ids: ProfileIds, operations: JsonPatch) => ({ params: { path: ids, header: CHARGES }, body: operations }),
  secrets: (_, operations) => secretsOf(operations),
});
const del = row<undefined>()({ method: 'DELETE', path: PBX, parts: (ids: ProfileIds) => ({ params: { path: ids } }) });
const findByInstance = row<PbxInstanceLookup>()({
  method: 'GET',
  path: INSTANCES,
  data: isItem,
  parts: (instanceId: InstanceId) => ({ params: { query: { instanceId } } }),
  secrets: (instanceId) => [instanceId],
});

export const pbxConnectionProfiles = (call: Call): PbxConnectionProfiles => ({
  list: (ids, options) => call(list, [ids], options),
  get: (ids, options) => call(get, [ids], options),
  // The overloads only narrow the result to the body's `_type`; the call is the same.
  create: ((ids: CustomerIds, body: PbxConnectionProfileCreate, options?: ChargeableCallOptions) => call(create, [ids, body], options)) as PbxConnectionProfiles['create'],
  patch: (ids, operations, options) => call(patch, [ids, operations], options),
  rename: (ids, name, options) => call(patch, [ids, [patchOperations.rename(name)]], options),
  enable: (ids, options) => call(patch, [ids, [patchOperations.enable()]], options),
  disable: (ids, options) => call(patch, [ids, [patchOperations.disable()]], options),
  delete: (ids, options) => call(del, [ids], options),
  findByInstance: (instanceId, options) => call(findByInstance, [instanceId], options),
});
