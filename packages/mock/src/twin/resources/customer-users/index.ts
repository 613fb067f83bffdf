import type { ResourceDefinition } from '../../core/resource.js';

/** The tag `Customer users`: the end users of a customer, whose licence roles decide whose calls are collected. */
export const customerUsers: ResourceDefinition = {
  name: 'customer-users',
  plural: 'users',
  operations: {
    list: 'listCustomerUsers',
    get: 'getCustomerUser',
    create: 'createCustomerUser',
    patch: 'patchCustomerUser',
    delete: 'deleteCustomerUser',
  },
  key: { parameter: 'userId', field: 'id' },
  // Kept per customer, which is the user's primary tenant (the core checks that the customer is the account's).
  parents: [{ parameter: 'customerTenantId', field: 'primaryTenant' }],
  seedFrom: ['listCustomerUsers', 'createCustomerUser', 'getCustomerUser'],
  // The PBX user role is synchronised from the PBX: a replace of the roles leaves it as it was.
  keptByReplace: { roles: ['customer.user.pbx'] },
};
