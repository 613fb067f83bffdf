// The profile methods as they were before the resource groups: at the top of the client
// (`client.list(…)`), now `client.profiles.list(…)`. Kept for one minor release so that code written
// for 0.1 keeps working while it moves; editors strike them through and say where each one went.
import type { PbxConnectionProfiles } from './index.js';

export interface DeprecatedProfileMethods {
  /** @deprecated Use `client.profiles.list`; removed in the next minor release after this one. */
  readonly list: PbxConnectionProfiles['list'];
  /** @deprecated Use `client.profiles.get`; removed in the next minor release after this one. */
  readonly get: PbxConnectionProfiles['get'];
  /** @deprecated Use `client.profiles.create`; removed in the next minor release after this one. */
  readonly create: PbxConnectionProfiles['create'];
  /** @deprecated Use `client.profiles.patch`; removed in the next minor release after this one. */
  readonly patch: PbxConnectionProfiles['patch'];
  /** @deprecated Use `client.profiles.rename`; removed in the next minor release after this one. */
  readonly rename: PbxConnectionProfiles['rename'];
  /** @deprecated Use `client.profiles.enable`; removed in the next minor release after this one. */
  readonly enable: PbxConnectionProfiles['enable'];
  /** @deprecated Use `client.profiles.disable`; removed in the next minor release after this one. */
  readonly disable: PbxConnectionProfiles['disable'];
  /** @deprecated Use `client.profiles.delete`; removed in the next minor release after this one. */
  readonly delete: PbxConnectionProfiles['delete'];
  /** @deprecated Use `client.profiles.findByInstance`; removed in the next minor release after this one. */
  readonly findByInstance: PbxConnectionProfiles['findByInstance'];
}
