import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// Every customer's profiles in one call, through the typed openapi-fetch client (`raw`).
const { data, response } = await pbx.raw.GET('/v1.0/accounts/{accountTenantId}/metrics', {
  params: { path: { accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' } },
});
if (!data) throw new Error(`Metrics answered ${response.status}`);
for (const customer of data.data.customers) {
  const enabled = (customer.pbxs ?? []).filter((pbx) => pbx.enabled).length;
  console.log(customer.tenantName, `${enabled} of ${customer.pbxs?.length ?? 0} PBX connections enabled`);
}
