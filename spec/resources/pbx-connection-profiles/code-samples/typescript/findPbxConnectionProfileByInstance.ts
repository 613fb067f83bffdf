import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// A Kazoo account id, a 3CX licence key or a Teams tenant id.
const { data: lookup } = await pbx.profiles.findByInstance('12345');
if (lookup.exists) console.log(`Used by profile ${lookup.id} of customer ${lookup.tenantId}`);
else console.log('No profile uses this instance yet');
