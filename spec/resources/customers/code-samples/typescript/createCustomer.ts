// Create a customer with a Kazoo profile
import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

const { data, response } = await pbx.raw.POST('/v1.0/accounts/{accountTenantId}/customers', {
  params: { path: { accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' }, header: { 'accept-charges': 'true' } },
  body: {
    name: 'New customer',
    description: 'This is my new customer',
    reference: 'ABC00001',
    enabled: false,
    timezone: 'America/Los_Angeles',
    countryCode: 'US',
    pbxConnectionProfiles: [
      {
        _type: 'KazooPbxConnectionProfile',
        name: 'New customer Kazoo Pbx',
        hostRest: 'https://hostrest.example.com',
        hostWebsocket: 'wss://hostwebsocket.example.com',
        accountId: 'accountid',
        apiKey: 'apikey',
        monitorSubAccounts: false,
      },
    ],
    sendNewUserEmail: false,
    sendConnectWelcomeEmail: false,
    trialDuration: 0,
  },
});
if (!data) throw new Error(`The API answered ${response.status}`);
// The new id is the customerTenantId of its profiles and users.
console.log(data.data.id, response.headers.get('location'));
