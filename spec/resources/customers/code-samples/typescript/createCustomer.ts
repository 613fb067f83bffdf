// Create a customer with a Kazoo profile
import { createClient } from '@myreports/pbx-client';

// Create may cause charges: the client sends it only with acceptCharges (header accept-charges: true).
const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN!, acceptCharges: true });

const created = await pbx.customers.create(
  { accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' },
  {
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
);
// The new id is the customerTenantId of its profiles and users.
console.log(created.id, created.location);
