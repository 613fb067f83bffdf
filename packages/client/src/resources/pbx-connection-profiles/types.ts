// Friendly names for the generated types, so callers need not know the generator's prefixes. The
// path ids come from the spec's parameters: a renamed parameter breaks the build, not a request.
import type { components, paths } from '@myreports/pbx-types';

type Schemas = components['schemas'];

export type KazooPbxConnectionProfile = Schemas['KazooPbxConnectionProfile'];
export type ThreeCxConnectionProfile = Schemas['ThreeCxConnectionProfile'];
/** A profile of a type this spec documents, discriminated by `_type`. */
export type PbxConnectionProfile = Schemas['PbxConnectionProfile'];
// A mark for the compiler only (no such property exists at run time): without it a Kazoo or 3CX
// profile would also be an `OtherPbxConnectionProfile`, and `isOtherProfile` could not narrow.
declare const undocumented: unique symbol;
/**
 * A profile of a type the spec does not document (such as Teams, whose `_type` the vendor never
 * names): only the common fields are known, and its `_type` is a plain `string`, so comparing it with
 * any value compiles. Because a plain string could also be a documented value, `_type` alone does not
 * narrow an `AnyPbxConnectionProfile`: `isDocumentedProfile` (or `isOtherProfile`) separates the two,
 * and a `switch (p._type)` on a documented profile then narrows to its variant.
 */
export type OtherPbxConnectionProfile = Schemas['OtherPbxConnectionProfile'] & { readonly [undocumented]: true };
/** What list and get return: a documented profile or another type, told apart by `isDocumentedProfile`. */
export type AnyPbxConnectionProfile = PbxConnectionProfile | OtherPbxConnectionProfile;
export type PbxConnectionProfileType = Schemas['PbxConnectionProfileType'];

/** A 3CX profile as create returns it: the vendor's answer echoes the request, with no `id` or `tenantId` (read `id` from the result). */
export type ThreeCxConnectionProfileCreated = Schemas['ThreeCxConnectionProfileCreated'];
/** What create returns, discriminated by `_type`. */
export type PbxConnectionProfileCreated = Schemas['PbxConnectionProfileCreated'];

export type KazooPbxConnectionProfileCreate = Schemas['KazooPbxConnectionProfileCreate'];
export type ThreeCxConnectionProfileCreate = Schemas['ThreeCxConnectionProfileCreate'];
/** The body of create, discriminated by `_type`. */
export type PbxConnectionProfileCreate = Schemas['PbxConnectionProfileCreate'];

export type JsonPatch = Schemas['JsonPatch'];
/** One `replace` of a field: `/name`, `/enabled`, `/countryCode` or a setting of the profile's type (another type's setting is refused with `400`). */
export type JsonPatchOperation = Schemas['JsonPatchOperation'];
/** `replace /name`: what `patchOperations.rename` builds. */
export type JsonPatchReplaceName = Schemas['JsonPatchReplaceName'];
/** `replace /enabled`: what `patchOperations.enable` and `disable` build. */
export type JsonPatchReplaceEnabled = Schemas['JsonPatchReplaceEnabled'];

export type PbxInstanceLookup = Schemas['PbxInstanceLookup'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];

/** The paths of the profiles, as the spec spells them (keys of `paths`). */
export const PBXS = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs' satisfies keyof paths;
export const PBX = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}' satisfies keyof paths;
export const INSTANCES = '/v1.0/pbxs' satisfies keyof paths;
/** The reseller mirror: the same operations without the account (`/v1.0/customers/{customerTenantId}/pbxs…`). */
export const MIRROR = '/accounts/{accountTenantId}';
type MirrorOf<Path extends string> = Path extends `/v1.0${typeof MIRROR}${infer Rest}` ? `/v1.0${Rest}` : never;

/** The path ids of a customer's profile list: the customer's (a renamed parameter of `…/pbxs` still breaks the rows' build). */
export type { CustomerIds } from '../customers/types.js';
/** The path ids of one profile (the spec's path parameters of `…/pbxs/{pbxId}`). */
export type ProfileIds = paths[typeof PBX]['parameters']['path'];
/** A customer's profile list on the reseller mirror: no account (`/v1.0/customers/{customerTenantId}/pbxs`). */
export type ResellerCustomerIds = paths[MirrorOf<typeof PBXS>]['parameters']['path'];
/** One profile on the reseller mirror: no account (`/v1.0/customers/{customerTenantId}/pbxs/{pbxId}`). */
export type ResellerProfileIds = paths[MirrorOf<typeof PBX>]['parameters']['path'];
/** The instance id `findByInstance` looks up (the spec's `instanceId` query parameter). */
export type InstanceId = NonNullable<paths[typeof INSTANCES]['get']['parameters']['query']>['instanceId'];
