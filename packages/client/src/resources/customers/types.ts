// Friendly names for the generated types of the spec's tag "Customers", and its paths as the spec
// spells them: a renamed parameter breaks the build, not a request.
import type { components, paths } from '@myreports/pbx-types';

type Schemas = components['schemas'];

/** A customer as the list shows it (fewer fields than get). */
export type CustomerSummary = Schemas['CustomerSummary'];
/** A customer as get and create answer it. */
export type Customer = Schemas['Customer'];
/** The body of create; `pbxConnectionProfiles` may hold one profile, created with the customer. */
export type CustomerCreate = Schemas['CustomerCreate'];
/** The operations a customer's patch takes: `replace` of a tenant's common fields and the customer's own. */
export type CustomerJsonPatch = Schemas['CustomerJsonPatch'];

export const CUSTOMERS = '/v1.0/accounts/{accountTenantId}/customers' satisfies keyof paths;
export const CUSTOMER = '/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}' satisfies keyof paths;

/** The path ids of one customer (and of its profile and user lists). */
export type CustomerIds = paths[typeof CUSTOMER]['parameters']['path'];
/** `pageIndex`, `pageSize` and `filter` (contains, on name and reference) of one page of the customers. */
export type CustomerListQuery = NonNullable<paths[typeof CUSTOMERS]['get']['parameters']['query']>;
