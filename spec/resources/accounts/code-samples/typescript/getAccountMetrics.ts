import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// Every customer's profiles in one call.
const { data: metrics } = await pbx.accounts.metrics({ accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' });
for (const customer of metrics.customers) {
  const enabled = (customer.pbxs ?? []).filter((profile) => profile.enabled).length;
  console.log(customer.tenantName, `${enabled} of ${customer.pbxs?.length ?? 0} PBX connections enabled`);
}
