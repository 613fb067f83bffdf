import type { Item } from '../../core/collection-store.js';
import * as envelope from '../../core/envelopes.js';
import { type ResourceDefinition, parameter } from '../../core/resource.js';

/**
 * The PBX instance a profile connects to, as find by instance looks it up: the Kazoo `accountId`,
 * the 3CX `licenseKey`. Other types (Teams) have no documented instance field.
 */
const INSTANCE_FIELDS: Record<string, string> = {
  KazooPbxConnectionProfile: 'accountId',
  ThreeCxConnectionProfile: 'licenseKey',
};

export function instanceOf(profile: Item): string | undefined {
  const field = INSTANCE_FIELDS[String(profile._type)];
  const value = field ? profile[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The tag `PBX connection profiles`: a customer's profiles, and find by instance over every customer. */
export const pbxConnectionProfiles: ResourceDefinition = {
  name: 'pbx-connection-profiles',
  plural: 'profiles',
  legacyFileKey: 'profiles',
  operations: {
    list: 'listPbxConnectionProfiles',
    get: 'getPbxConnectionProfile',
    create: 'createPbxConnectionProfile',
    patch: 'patchPbxConnectionProfile',
    delete: 'deletePbxConnectionProfile',
  },
  // A reseller's paths: the same profiles, kept per customer, without the account in the path.
  mirrors: {
    list: 'listResellerPbxConnectionProfiles',
    get: 'getResellerPbxConnectionProfile',
    create: 'createResellerPbxConnectionProfile',
    patch: 'patchResellerPbxConnectionProfile',
    delete: 'deleteResellerPbxConnectionProfile',
  },
  key: { parameter: 'pbxId', field: 'id' },
  // Kept per customer: the account's paths and the reseller's reach the same profiles (the core
  // checks that the customer exists, and is the account's where the path names one).
  parents: [{ parameter: 'customerTenantId', field: 'tenantId' }],
  seedFrom: ['listPbxConnectionProfiles', 'createPbxConnectionProfile', 'getPbxConnectionProfile'],
  indexes: { instance: instanceOf },
  handlers: {
    findPbxConnectionProfileByInstance(request, store) {
      const instanceId = parameter(request.query, 'instanceId');
      // The oldest profile that uses it, over every customer: a second create for one instance is accepted.
      const profile = store.findFirst('instance', instanceId);
      return envelope.item(200, profile ? { exists: true, instanceId, id: profile.id, tenantId: profile.tenantId } : { exists: false, instanceId });
    },
  },
};
