import type { ResourceDefinition } from '../../core/resource.js';
import { accountMetrics } from './metrics.js';

/** The tag `Accounts`: the enterprise's reseller accounts, the outermost parent of everything else. */
export const accounts: ResourceDefinition = {
  name: 'accounts',
  plural: 'accounts',
  operations: {
    list: 'listAccounts',
    get: 'getAccount',
    create: 'createAccount',
    patch: 'patchAccount',
    delete: 'deleteAccount',
  },
  key: { parameter: 'accountTenantId', field: 'id' },
  parents: [],
  seedFrom: ['listAccounts', 'createAccount', 'getAccount'],
  // The enterprise the mock's accounts belong to: the one of the examples (the token says which on the real API).
  createdAt: 'dateCreated',
  constants: { parentTenantId: '1e3d5c7b-9a8f-4b6d-8c2e-4f6a8b0c2d4e' },
  // Files written before accounts existed hold customers of any account id: each gets one.
  placeholder: (id) => ({ name: `Account ${id}`, parentTenantId: '1e3d5c7b-9a8f-4b6d-8c2e-4f6a8b0c2d4e' }),
  handlers: { getAccountMetrics: accountMetrics },
};
