// Create a Kazoo profile
import { createClient } from '@myreports/pbx-client';

// Create may cause charges: the client sends it only with acceptCharges (header accept-charges: true).
const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN!, acceptCharges: true });

// A reseller's token: ids without accountTenantId call the reseller's paths (/v1.0/customers/{customerTenantId}/pbxs…).
const created = await pbx.profiles.create(
  { customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f' },
  {
    _type: 'KazooPbxConnectionProfile',
    name: 'Customers Kazoo Pbx',
    hostRest: 'https://rest.example.com',
    hostWebsocket: 'wss://ws.example.com',
    accountId: '12345',
    apiKey: 'ABCDEF',
  },
);
// The new profile is disabled until you enable it (pbx.profiles.enable).
console.log(created.id, created.location, created.data.enabled);
