import type { CollectionStore, Item } from '../../core/collection-store.js';
import { idKey } from '../../core/collection-store.js';
import * as envelope from '../../core/envelopes.js';
import { type Resources, type TwinAnswer, type TwinRequest, parameter } from '../../core/resource.js';
import { instanceOf } from '../pbx-connection-profiles/index.js';

/** The brand the metrics name each profile type by (`pbxType`); an undocumented type by its `_type`. */
const PBX_TYPES: Record<string, string> = { KazooPbxConnectionProfile: 'Kazoo', ThreeCxConnectionProfile: '3CX' };

/**
 * `getAccountMetrics`, computed from what the twin holds: the account, its customers, each customer's
 * profiles and its users' roles. The account's PBX provisioner profiles (templates) are not kept, so
 * `pbxProfiles` is empty.
 */
export function accountMetrics(request: TwinRequest, accounts: CollectionStore, resources: Resources): TwinAnswer {
  const account = accounts.get([], parameter(request.pathParams, 'accountTenantId'));
  if (!account) return envelope.notFound();
  const customers = resources('customers')?.list([idKey(account.id)]) ?? [];
  return envelope.item(200, {
    accountTenantId: account.id,
    accountName: account.name,
    enabled: account.enabled === true,
    dateCreated: account.dateCreated,
    pbxProfiles: [],
    customers: customers.map((customer) => customerMetrics(customer, resources)),
  });
}

function customerMetrics(customer: Item, resources: Resources): Record<string, unknown> {
  // Profiles name their customer in `tenantId`, whatever parents the store keeps them under.
  const profiles = (resources('pbx-connection-profiles')?.all() ?? []).filter((profile) => idKey(profile.tenantId) === idKey(customer.id));
  return {
    tenantId: customer.id,
    tenantName: customer.name,
    enabled: customer.enabled === true,
    dateCreated: customer.dateCreated,
    ...(typeof customer.tenantProfileType === 'string' ? { tenantProfileType: customer.tenantProfileType } : {}),
    pbxs: profiles.map(pbxMetrics),
    roles: roleCounts(resources('customer-users')?.list([idKey(customer.id)]) ?? []),
  };
}

/** How many of the customer's users hold each role, as the vendor's `roles` map shows them. */
function roleCounts(users: Item[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const user of users) {
    for (const role of Array.isArray(user.roles) ? user.roles : []) counts[String(role)] = (counts[String(role)] ?? 0) + 1;
  }
  return counts;
}

function pbxMetrics(profile: Item): Record<string, unknown> {
  const instanceId = instanceOf(profile);
  return {
    id: profile.id,
    pbxType: PBX_TYPES[String(profile._type)] ?? String(profile._type),
    ...(instanceId === undefined ? {} : { instanceId }),
    name: profile.name,
    enabled: profile.enabled === true,
    ...(typeof profile.monitorSubAccounts === 'boolean' ? { monitorSubAccounts: profile.monitorSubAccounts } : {}),
  };
}
