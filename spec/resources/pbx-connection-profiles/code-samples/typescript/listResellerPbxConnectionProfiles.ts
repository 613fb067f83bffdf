import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// A reseller's paths have no account in them; pbx.raw (openapi-fetch) calls any path of the spec.
const { data, response } = await pbx.raw.GET('/v1.0/customers/{customerTenantId}/pbxs', {
  params: { path: { customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f' } },
});
if (!data) throw new Error(`The API answered ${response.status}`);
for (const profile of data.data) console.log(profile.id, profile.name, profile._type);
