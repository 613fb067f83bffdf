import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// The customers whose name or reference contains "example", page after page: the client asks for
// pages of up to 1,000 (the API's largest) and stops after a page with fewer.
for await (const customer of pbx.customers.all({ accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' }, { filter: 'example' })) {
  console.log(customer.id, customer.name, customer.enabled);
}
