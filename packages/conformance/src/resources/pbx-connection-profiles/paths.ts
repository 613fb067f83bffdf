/** The tenants a customer's profiles live under. */
export interface Customer {
  accountTenantId: string;
  customerTenantId: string;
}

export const profilesPath = (customer: Customer): string =>
  `/v1.0/accounts/${encodeURIComponent(customer.accountTenantId)}/customers/${encodeURIComponent(customer.customerTenantId)}/pbxs`;

export const profilePath = (customer: Customer, id: string): string => `${profilesPath(customer)}/${encodeURIComponent(id)}`;

export const findPath = (instanceId: string | undefined): string =>
  instanceId === undefined ? '/v1.0/pbxs' : `/v1.0/pbxs?instanceId=${encodeURIComponent(instanceId)}`;

/** Headers of the billable writes (create, patch), as the vendor sends them. */
export const WRITE_HEADERS = { 'accept-charges': 'true' } as const;
