// Friendly names for the generated types of the spec's tag "Accounts", and its paths as the spec
// spells them: a renamed parameter breaks the build, not a request.
import type { components, paths } from '@myreports/pbx-types';

type Schemas = components['schemas'];

/** A reseller account (a list item and a get answer alike). */
export type Account = Schemas['Account'];
export type AccountCreate = Schemas['AccountCreate'];
/** The operations an account's (and a customer's) patch takes: `replace` of a common field of a tenant. */
export type TenantJsonPatch = Schemas['TenantJsonPatch'];
/** The account's metrics: the account, its PBX provisioner profiles, each customer with its profiles and role counts. */
export type AccountMetrics = Schemas['AccountMetrics'];

export const ACCOUNTS = '/v1.0/accounts' satisfies keyof paths;
export const ACCOUNT = '/v1.0/accounts/{accountTenantId}' satisfies keyof paths;
export const METRICS = '/v1.0/accounts/{accountTenantId}/metrics' satisfies keyof paths;

/** The path ids of one account. */
export type AccountIds = paths[typeof ACCOUNT]['parameters']['path'];
/** `pageIndex` and `pageSize` of one page of the accounts. */
export type AccountListQuery = NonNullable<paths[typeof ACCOUNTS]['get']['parameters']['query']>;
