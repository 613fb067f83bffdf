// Enable (start collecting)
import { createClient } from '@myreports/pbx-client';

// Patch may cause charges: the client sends it only with acceptCharges (header accept-charges: true).
const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN!, acceptCharges: true });

// A reseller's token: ids without accountTenantId call the reseller's paths (/v1.0/customers/{customerTenantId}/pbxs…).
// Enabling makes the platform connect to the PBX and start collecting events. The value is the
// string "true", as in the vendor's example; patchOperations.enable() sends the boolean true, which
// the API takes too.
await pbx.profiles.patch(
  {
    customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
    pbxId: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7',
  },
  [{ op: 'replace', path: '/enabled', value: 'true' }],
);
