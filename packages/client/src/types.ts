// Friendly names for the generated schema types, so callers need not know the generator's prefixes.
import type { components } from '@myreports/pbx-types';

type Schemas = components['schemas'];

export type KazooPbxConnectionProfile = Schemas['KazooPbxConnectionProfile'];
export type ThreeCxConnectionProfile = Schemas['ThreeCxConnectionProfile'];
/** A profile of a type this spec documents, discriminated by `_type`. */
export type PbxConnectionProfile = Schemas['PbxConnectionProfile'];
declare const undocumented: unique symbol;
/**
 * The `_type` of a profile type the spec does not document (Teams, whose value the vendor never names): a
 * string, never one of the documented values. The brand exists only for the compiler: with a plain
 * `string`, a Kazoo profile would also be an "other" profile, and `isOtherProfile(p)` could not narrow
 * its `else` branch to the documented types.
 */
export type UndocumentedProfileType = string & { readonly [undocumented]: true };
/** A profile of a type the spec does not document (such as Teams): only the common fields are known. */
export type OtherPbxConnectionProfile = Omit<Schemas['OtherPbxConnectionProfile'], '_type'> & { _type: UndocumentedProfileType };
/** What list and get return. Narrow it with `isKazooProfile`, `isThreeCxProfile`, `isOtherProfile`. */
export type AnyPbxConnectionProfile = PbxConnectionProfile | OtherPbxConnectionProfile;
export type PbxConnectionProfileType = Schemas['PbxConnectionProfileType'];

export type KazooPbxConnectionProfileCreate = Schemas['KazooPbxConnectionProfileCreate'];
export type ThreeCxConnectionProfileCreate = Schemas['ThreeCxConnectionProfileCreate'];
/** The body of create, discriminated by `_type`. */
export type PbxConnectionProfileCreate = Schemas['PbxConnectionProfileCreate'];

export type JsonPatch = Schemas['JsonPatch'];
export type JsonPatchOperation = Schemas['JsonPatchOperation'];

export type PbxInstanceLookup = Schemas['PbxInstanceLookup'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];

/** The path ids of a customer's profile list. */
export interface CustomerIds {
  accountTenantId: string;
  customerTenantId: string;
}

/** The path ids of one profile. */
export interface ProfileIds extends CustomerIds {
  pbxId: string;
}

/** The profile type create returns for a body of type `Body`. */
export type CreatedProfile<Body extends PbxConnectionProfileCreate> = Extract<PbxConnectionProfile, { _type: Body['_type'] }>;
