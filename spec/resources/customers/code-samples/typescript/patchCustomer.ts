// Enable the customer
import { createClient } from '@myreports/pbx-client';

// Patch may cause charges: the client sends it only with acceptCharges (header accept-charges: true).
const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN!, acceptCharges: true });

// Starts the connection of its PBX profiles and sends its users' invitations: sends
// [{ op: 'replace', path: '/enabled', value: true }]. Other fields: pbx.customers.patch(ids, operations).
await pbx.customers.enable({
  accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f',
  customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
});
