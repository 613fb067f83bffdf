// Create a Kazoo profile
import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// A reseller's paths have no account in them; pbx.raw (openapi-fetch) calls any path of the spec.
const { data, response } = await pbx.raw.POST('/v1.0/customers/{customerTenantId}/pbxs', {
  params: { path: { customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f' }, header: { 'accept-charges': 'true' } },
  body: {
    _type: 'KazooPbxConnectionProfile',
    name: 'Customers Kazoo Pbx',
    hostRest: 'https://rest.example.com',
    hostWebsocket: 'wss://ws.example.com',
    accountId: '12345',
    apiKey: 'ABCDEF',
  },
});
if (!data) throw new Error(`The API answered ${response.status}`);
// The new profile is disabled until you patch /enabled to true.
console.log(data.data.id, response.headers.get('location'), data.data.enabled);
