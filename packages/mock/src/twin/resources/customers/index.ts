import type { ResourceDefinition } from '../../core/resource.js';

/** The account of the examples: the one a placeholder customer is put under. */
const EXAMPLE_ACCOUNT = '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f';

/** The tag `Customers`: a reseller account's customers, the parents of PBX connection profiles. */
export const customers: ResourceDefinition = {
  name: 'customers',
  plural: 'customers',
  operations: {
    list: 'listCustomers',
    get: 'getCustomer',
    create: 'createCustomer',
    patch: 'patchCustomer',
    delete: 'deleteCustomer',
  },
  key: { parameter: 'customerTenantId', field: 'id' },
  parents: [{ parameter: 'accountTenantId', field: 'parentTenantId' }],
  seedFrom: ['listCustomers', 'createCustomer', 'getCustomer'],
  createdAt: 'dateCreated',
  filter: { parameter: 'filter', fields: ['name', 'reference'] },
  // A create may carry the customer's first profile: created under it, as a create of a profile would.
  embedded: { pbxConnectionProfiles: 'pbx-connection-profiles' },
  // Files written before customers existed hold profiles of any customer id: each gets one.
  placeholder: (id) => ({ name: `Customer ${id}`, parentTenantId: EXAMPLE_ACCOUNT }),
};
