// Create an account
import { createClient } from '@myreports/pbx-client';

// Create may cause charges: the client sends it only with acceptCharges (header accept-charges: true).
const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN!, acceptCharges: true });

const created = await pbx.accounts.create({
  name: 'Second Reseller',
  description: 'A new reseller, not enabled yet',
  reference: 'RES-0002',
  timezone: 'Europe/London',
  countryCode: 'GB',
});
// The new id is the accountTenantId of every path under the account.
console.log(created.id, created.location);
