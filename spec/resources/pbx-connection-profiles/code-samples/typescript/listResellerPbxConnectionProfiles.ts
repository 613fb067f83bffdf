import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// A reseller's token: ids without accountTenantId call the reseller's paths (/v1.0/customers/{customerTenantId}/pbxs…).
const { data: profiles } = await pbx.profiles.list({ customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f' });
for (const profile of profiles) console.log(profile.id, profile.name, profile._type);
