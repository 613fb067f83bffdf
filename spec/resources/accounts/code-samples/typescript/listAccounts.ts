import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// Every account, page after page: the client asks for pages of up to 1,000 (the API's largest) and
// stops after a page with fewer.
for await (const account of pbx.accounts.all()) console.log(account.id, account.name, account.enabled);
