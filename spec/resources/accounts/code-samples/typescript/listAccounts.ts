import { createClient } from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: process.env.MYREPORTS_TOKEN! });

// Every account, a page of up to 1,000 at a time: a page with fewer is the last.
for (let pageIndex = 0; ; pageIndex++) {
  const { data, response } = await pbx.raw.GET('/v1.0/accounts', { params: { query: { pageIndex, pageSize: 1000 } } });
  if (!data) throw new Error(`The API answered ${response.status}`);
  for (const account of data.data) console.log(account.id, account.name, account.enabled);
  if (data.page_size < 1000) break;
}
