// Friendly names for the generated types of the spec's tag "Customer users", and its paths as the
// spec spells them: a renamed parameter breaks the build, not a request.
import type { components, paths } from '@myreports/pbx-types';

type Schemas = components['schemas'];

/** A user as the list shows it: no roles (get shows them). */
export type CustomerUserSummary = Schemas['CustomerUserSummary'];
/** A user as get and create answer it, with its roles. */
export type CustomerUser = Schemas['CustomerUser'];
export type CustomerUserCreate = Schemas['CustomerUserCreate'];
/** A licence or access role (`customer.user.pbx`, `customer.user.uc.essential`, …). */
export type CustomerUserRole = Schemas['CustomerUserRole'];
/** The operations a user's patch takes: `replace /displayName`, `replace /roles`, `add /roles/-`. */
export type CustomerUserJsonPatch = Schemas['CustomerUserJsonPatch'];

export const USERS = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users' satisfies keyof paths;
export const USER = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId}' satisfies keyof paths;

/** The path ids of one user of a customer. */
export type CustomerUserIds = paths[typeof USER]['parameters']['path'];
