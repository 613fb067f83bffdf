import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// The customers whose name or reference contains "example", a page of up to 1,000 at a time.
for (let pageIndex = 0; ; pageIndex++) {
  const { data, response } = await pbx.raw.GET('/v1.0/accounts/{accountTenantId}/customers', {
    params: { path: { accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' }, query: { pageIndex, pageSize: 1000, filter: 'example' } },
  });
  if (!data) throw new Error(`The API answered ${response.status}`);
  for (const customer of data.data) console.log(customer.id, customer.name, customer.enabled);
  if (data.page_size < 1000) break;
}
