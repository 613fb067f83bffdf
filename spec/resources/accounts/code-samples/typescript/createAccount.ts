// Create an account
import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

const { data, response } = await pbx.raw.POST('/v1.0/accounts', {
  params: { header: { 'accept-charges': 'true' } },
  body: {
    name: 'Second Reseller',
    description: 'A new reseller, not enabled yet',
    reference: 'RES-0002',
    timezone: 'Europe/London',
    countryCode: 'GB',
  },
});
if (!data) throw new Error(`The API answered ${response.status}`);
// The new id is the accountTenantId of every path under the account.
console.log(data.data.id, response.headers.get('location'));
