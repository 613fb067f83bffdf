// The operations of the spec's tag "Customer users" (`client.users`): the five of every resource from
// the generic core (../../internal/resource.ts), unpaged; `addRole` is its own.
import type { CallOptions, ChargeableCallOptions } from '../../core/options.js';
import type { PbxCreatedResult, PbxResult } from '../../core/results.js';
import type { Call } from '../../internal/call.js';
import { resource } from '../../internal/resource.js';
import type { CustomerIds } from '../customers/types.js';
import { USER, USERS, type CustomerUser, type CustomerUserCreate, type CustomerUserIds, type CustomerUserJsonPatch, type CustomerUserRole, type CustomerUserSummary } from './types.js';

export interface CustomerUsers {
  /** The customer's users, without their roles (`GET …/users`; not paged). */
  list(ids: CustomerIds, options?: CallOptions): Promise<PbxResult<CustomerUserSummary[]>>;
  /** One user, with its roles. */
  get(ids: CustomerUserIds, options?: CallOptions): Promise<PbxResult<CustomerUser>>;
  /** Creates a user with its licence and access roles (`POST …/users`, with `accept-charges`: roles are licences). Never retried. */
  create(ids: CustomerIds, body: CustomerUserCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<CustomerUser>>;
  /** Applies JSON Patch operations, all or nothing (with `accept-charges`). Never retried. */
  patch(ids: CustomerUserIds, operations: CustomerUserJsonPatch, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `add /roles/-`: gives the user one more role (one already held is kept once). */
  addRole(ids: CustomerUserIds, role: CustomerUserRole, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  delete(ids: CustomerUserIds, options?: CallOptions): Promise<PbxResult<undefined>>;
}

export const customerUsers = (call: Call): CustomerUsers => {
  // A user has no `enabled`.
  const { page, all, enable, disable, ...base } = resource(call, USERS, USER);
  return { ...base, addRole: (ids, role, options) => base.patch(ids, [{ op: 'add', path: '/roles/-', value: role }], options) };
};
