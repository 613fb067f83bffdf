// The account metrics on the twin over HTTP: computed from what the twin holds (the account, its
// customers and their profiles), following a create, a patch and a delete of the account; 404
// under an unknown account, 400 for an id that is not a GUID.
import { IDS, kazooCreate } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';
import { BEARER, WRITE_HEADERS, call } from '../support/mock-client.js';
import { UNKNOWN, expectContract, useMock } from './support.js';

const metricsOf = (account: string) => `/v1.0/accounts/${account}/metrics`;

describe('account metrics on the twin', () => {
  const mock = useMock();

  it('show the example account as get shows it, and each customer with the profiles list shows', async () => {
    const answer = await call(mock.url, 'GET', metricsOf(IDS.accountTenantId), { headers: BEARER });
    expect(answer.status).toBe(200);
    expectContract('getAccountMetrics', answer);
    const account = (await call(mock.url, 'GET', `/v1.0/accounts/${IDS.accountTenantId}`, { headers: BEARER })).json.data;
    expect(answer.json.data).toMatchObject({ accountTenantId: account.id, accountName: account.name, enabled: account.enabled, dateCreated: account.dateCreated });
    const customers = (await call(mock.url, 'GET', `/v1.0/accounts/${IDS.accountTenantId}/customers`, { headers: BEARER })).json.data;
    expect(answer.json.data.customers.map((customer: { tenantId: string }) => customer.tenantId)).toEqual(customers.map((customer: { id: string }) => customer.id));
    expect(answer.json.data.customers.some((customer: { pbxs: unknown[] }) => customer.pbxs.length > 0)).toBe(true);
    for (const customer of answer.json.data.customers as { tenantId: string; pbxs: { id: string }[] }[]) {
      const listed = await call(mock.url, 'GET', `/v1.0/accounts/${IDS.accountTenantId}/customers/${customer.tenantId}/pbxs`, { headers: BEARER });
      expect(customer.pbxs.map((pbx) => pbx.id)).toEqual(listed.json.data.map((profile: { id: string }) => profile.id));
    }
  });

  it('follow a new account, its patch and its delete', async () => {
    const created = await call(mock.url, 'POST', '/v1.0/accounts', { headers: WRITE_HEADERS, body: { name: 'Metrics Reseller' } });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    const fresh = await call(mock.url, 'GET', metricsOf(id), { headers: BEARER });
    expectContract('getAccountMetrics', fresh);
    expect(fresh.json.data).toEqual({
      accountTenantId: id,
      accountName: 'Metrics Reseller',
      enabled: false,
      dateCreated: created.json.data.dateCreated,
      pbxProfiles: [],
      customers: [],
    });

    const patched = await call(mock.url, 'PATCH', `/v1.0/accounts/${id}`, {
      headers: WRITE_HEADERS,
      body: [{ op: 'replace', path: '/name', value: 'Renamed Reseller' }, { op: 'replace', path: '/enabled', value: true }],
    });
    expect(patched.status).toBe(200);
    expect((await call(mock.url, 'GET', metricsOf(id), { headers: BEARER })).json.data).toMatchObject({ accountName: 'Renamed Reseller', enabled: true });

    expect((await call(mock.url, 'DELETE', `/v1.0/accounts/${id}`, { headers: BEARER })).status).toBe(200);
    const gone = await call(mock.url, 'GET', metricsOf(id), { headers: BEARER });
    expect(gone.status).toBe(404);
    expectContract('getAccountMetrics', gone);
  });

  it("follow a customer's create and delete, with its profile's type, instance and state and its users' roles", async () => {
    const account = (await call(mock.url, 'POST', '/v1.0/accounts', { headers: WRITE_HEADERS, body: { name: 'Metrics Reseller' } })).json.data.id as string;
    const customers = `/v1.0/accounts/${account}/customers`;
    const customer = (await call(mock.url, 'POST', customers, { headers: WRITE_HEADERS, body: { name: 'Metrics Customer' } })).json.data.id as string;
    const profile = await call(mock.url, 'POST', `${customers}/${customer}/pbxs`, {
      headers: WRITE_HEADERS,
      body: { ...kazooCreate(), name: 'Metrics PBX', accountId: 'metrics-kazoo-account', apiKey: 'metrics-api-key' },
    });
    expect(profile.status).toBe(201);
    for (const roles of [['customer.user.pbx'], ['customer.user.pbx', 'customer.user.supervisorl1']]) {
      const user = await call(mock.url, 'POST', `${customers}/${customer}/users`, { headers: WRITE_HEADERS, body: { email: `${roles.length}@example.com`, displayName: 'Metrics User', roles } });
      expect(user.status).toBe(201);
    }
    const withProfile = await call(mock.url, 'GET', metricsOf(account), { headers: BEARER });
    expectContract('getAccountMetrics', withProfile);
    expect(withProfile.json.data.customers).toMatchObject([
      {
        tenantId: customer,
        tenantName: 'Metrics Customer',
        pbxs: [{ id: profile.json.data.id, pbxType: 'Kazoo', instanceId: 'metrics-kazoo-account', name: 'Metrics PBX', enabled: false }],
        roles: { 'customer.user.pbx': 2, 'customer.user.supervisorl1': 1 },
      },
    ]);
    // No secret in the bulk view.
    expect(JSON.stringify(withProfile.json)).not.toContain('metrics-api-key');

    expect((await call(mock.url, 'DELETE', `${customers}/${customer}`, { headers: BEARER })).status).toBe(200);
    expect((await call(mock.url, 'GET', metricsOf(account), { headers: BEARER })).json.data.customers).toEqual([]);
  });

  it('answer 404 under an unknown account and 400 for an id that is not a GUID, in the envelope', async () => {
    const unknown = await call(mock.url, 'GET', metricsOf(UNKNOWN), { headers: BEARER });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: 404, message: 'Not Found', status: 'error' });
    expectContract('getAccountMetrics', unknown);
    const malformed = await call(mock.url, 'GET', metricsOf('not-a-guid'), { headers: BEARER });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/accountTenantId/);
    expectContract('getAccountMetrics', malformed);
  });

  it('are read-only: only GET', async () => {
    const answer = await call(mock.url, 'POST', metricsOf(IDS.accountTenantId), { headers: WRITE_HEADERS, body: {} });
    expect(answer.status).toBe(405);
  });
});
