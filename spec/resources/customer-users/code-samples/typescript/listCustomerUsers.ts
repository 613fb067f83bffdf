import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// Not paged: every user of the customer, without their roles (get one user for those).
const { data: users } = await pbx.users.list({
  accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f',
  customerTenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
});
for (const user of users) console.log(user.id, user.displayName, user.email);
