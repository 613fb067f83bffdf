import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// A reseller's token: ids without accountTenantId call the reseller's paths (/v1.0/customers/{customerTenantId}/pbxs…).
const { data: profile } = await pbx.profiles.get({
  customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
  pbxId: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7',
});
console.log(profile._type, profile.id, profile.name);
