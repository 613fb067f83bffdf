// Disable the account
import { createClient } from '@myreports/pbx-client';

// Patch may cause charges: the client sends it only with acceptCharges (header accept-charges: true).
const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN!, acceptCharges: true });

// Disables the account's access: sends [{ op: 'replace', path: '/enabled', value: false }].
// Other fields: pbx.accounts.patch(ids, operations).
await pbx.accounts.disable({ accountTenantId: '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f' });
