// Friendly names for the generated types, so callers need not know the generator's prefixes. The
// path ids come from the spec's parameters: a renamed parameter breaks the build, not a request.
import type { components, paths } from '@myreports/pbx-types';

type Schemas = components['schemas'];

export type KazooPbxConnectionProfile = Schemas['KazooPbxConnectionProfile'];
export type ThreeCxConnectionProfile = Schemas['ThreeCxConnectionProfile'];
/** A profile of a type this spec documents, discriminated by `_type`. */
export type PbxConnectionProfile = Schemas['PbxConnectionProfile'];
declare const undocumented: unique symbol;
/**
 * The `_type` of a profile type the spec does not document (Teams, whose value the vendor never names). At run
 * time it is the string the API sent. For the compiler it is a `String` that no documented value can
 * be: a plain `string` (branded or not) overlaps with `'KazooPbxConnectionProfile'`, and then neither
 * `switch (p._type)` nor `p._type === '…'` narrows a profile to its documented type. Every string
 * method works on it; `String(p._type)` or a template literal gives the plain string.
 */
export interface UndocumentedProfileType extends String {
  readonly [undocumented]: true;
}
/** A profile of a type the spec does not document (such as Teams): only the common fields are known. */
export type OtherPbxConnectionProfile = Omit<Schemas['OtherPbxConnectionProfile'], '_type'> & { _type: UndocumentedProfileType };
/** What list and get return: `switch (p._type)` narrows it; `isOtherProfile` finds the undocumented types. */
export type AnyPbxConnectionProfile = PbxConnectionProfile | OtherPbxConnectionProfile;
export type PbxConnectionProfileType = Schemas['PbxConnectionProfileType'];

export type KazooPbxConnectionProfileCreate = Schemas['KazooPbxConnectionProfileCreate'];
export type ThreeCxConnectionProfileCreate = Schemas['ThreeCxConnectionProfileCreate'];
/** The body of create, discriminated by `_type`. */
export type PbxConnectionProfileCreate = Schemas['PbxConnectionProfileCreate'];

export type JsonPatch = Schemas['JsonPatch'];
export type JsonPatchOperation = Schemas['JsonPatchOperation'];
/** `replace /name`: what `patchOperations.rename` builds. */
export type JsonPatchReplaceName = Schemas['JsonPatchReplaceName'];
/** `replace /enabled`: what `patchOperations.enable` and `disable` build. */
export type JsonPatchReplaceEnabled = Schemas['JsonPatchReplaceEnabled'];

export type PbxInstanceLookup = Schemas['PbxInstanceLookup'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];

/** The two paths of the profiles, as the spec spells them (keys of `paths`). */
export const PBXS = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs' satisfies keyof paths;
export const PBX = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}' satisfies keyof paths;
export const INSTANCES = '/v1.0/pbxs' satisfies keyof paths;

/** The path ids of a customer's profile list (the spec's path parameters of `…/pbxs`). */
export type CustomerIds = paths[typeof PBXS]['parameters']['path'];
/** The path ids of one profile (the spec's path parameters of `…/pbxs/{pbxId}`). */
export type ProfileIds = paths[typeof PBX]['parameters']['path'];
/** The instance id `findByInstance` looks up (the spec's `instanceId` query parameter). */
export type InstanceId = NonNullable<paths[typeof INSTANCES]['get']['parameters']['query']>['instanceId'];
