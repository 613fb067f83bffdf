// The guards narrow a list or get result: `isDocumentedProfile` and `isOtherProfile` tell the
// documented types from the others (whose `_type` is any string, so `_type` alone cannot), and
// `isKazooProfile` and `isThreeCxProfile` pick one type (for `filter`).
import type {
  AnyPbxConnectionProfile,
  KazooPbxConnectionProfile,
  OtherPbxConnectionProfile,
  PbxConnectionProfile,
  PbxConnectionProfileType,
  ThreeCxConnectionProfile,
} from './types.js';

/** Every `_type` the spec documents. */
export const PROFILE_TYPES: readonly PbxConnectionProfileType[] = ['KazooPbxConnectionProfile', 'ThreeCxConnectionProfile'];

export const isKazooProfile = (profile: AnyPbxConnectionProfile): profile is KazooPbxConnectionProfile =>
  profile._type === 'KazooPbxConnectionProfile';

export const isThreeCxProfile = (profile: AnyPbxConnectionProfile): profile is ThreeCxConnectionProfile =>
  profile._type === 'ThreeCxConnectionProfile';

/** A profile of a documented type (Kazoo or 3CX). */
export const isDocumentedProfile = (profile: AnyPbxConnectionProfile): profile is PbxConnectionProfile =>
  (PROFILE_TYPES as readonly unknown[]).includes(profile._type);

/** A profile of a type the spec does not document (such as Teams): show it, do not rely on its settings. */
export const isOtherProfile = (profile: AnyPbxConnectionProfile): profile is OtherPbxConnectionProfile =>
  !isDocumentedProfile(profile);
