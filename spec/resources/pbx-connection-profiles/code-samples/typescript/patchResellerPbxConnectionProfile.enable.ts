// Enable (start collecting)
import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// A reseller's paths have no account in them; pbx.raw (openapi-fetch) calls any path of the spec.
const { data, response } = await pbx.raw.PATCH('/v1.0/customers/{customerTenantId}/pbxs/{pbxId}', {
  params: { path: { customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f', pbxId: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7' }, header: { 'accept-charges': 'true' } },
  body: [{ op: 'replace', path: '/enabled', value: 'true' }],
});
if (!data) throw new Error(`The API answered ${response.status}`);
console.log(data.status);
