// The resource groups over real HTTP against the mock's twin: accounts, customers (paged), users,
// metrics and profiles (under the account and on the reseller mirror), the pagers across several
// pages, the safe create, and the profile methods kept at the top as deprecated aliases.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient, createProfilesClient, PbxBadRequestError, PbxInvalidResponseError, PbxNotFoundError, type PbxClient } from '@myreports/pbx-client';
import { kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { customer, kazooProfile } from './support/ids.js';

let mock: RunningMock;
let client: PbxClient;

beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
  client = createClient({ baseUrl: mock.url, token: 'mock-token', acceptCharges: true });
});
beforeEach(async () => {
  await mock.reset();
  mock.clearRequests();
});
afterAll(() => mock?.stop());

const operations = (operationId: string) => mock.requests({ operationId });

/** A fresh account with `count` customers named `Customer 0`…, for the pagers. */
async function accountWithCustomers(count: number) {
  const account = await client.accounts.create({ name: 'Pager test' });
  const ids = { accountTenantId: account.id };
  const created: string[] = [];
  for (let n = 0; n < count; n++) created.push((await client.customers.create(ids, { name: `Customer ${n}` })).id);
  mock.clearRequests();
  return { ids, created };
}

describe('accounts, customers, users and metrics', () => {
  test('an account → a customer → a user with a role → the metrics count them → delete takes the customer along', async () => {
    const account = await client.accounts.create({ name: 'Groups test', reference: 'G-1' });
    expect(account.response.status).toBe(201);
    expect(account.data).toMatchObject({ id: account.id, name: 'Groups test', reference: 'G-1' });
    const accountIds = { accountTenantId: account.id };
    expect((await client.accounts.get(accountIds)).data.name).toBe('Groups test');

    const created = await client.customers.create(accountIds, { name: 'Acme' });
    const customerIds = { ...accountIds, customerTenantId: created.id };
    await client.customers.enable(customerIds);
    expect((await client.customers.get(customerIds)).data).toMatchObject({ name: 'Acme', enabled: true });

    const user = await client.users.create(customerIds, { email: 'ada@example.com', displayName: 'Ada', roles: ['customer.user'] });
    const userIds = { ...customerIds, userId: user.id };
    await client.users.addRole(userIds, 'customer.user.pbx');
    expect((await client.users.get(userIds)).data.roles).toEqual(['customer.user', 'customer.user.pbx']);
    expect((await client.users.list(customerIds)).data.map((listed) => listed.id)).toEqual([user.id]);

    const { data: metrics } = await client.accounts.metrics(accountIds);
    expect(metrics.customers).toEqual([expect.objectContaining({ tenantId: created.id, enabled: true, roles: expect.objectContaining({ 'customer.user.pbx': 1 }) })]);

    await client.accounts.disable(accountIds);
    expect((await client.accounts.get(accountIds)).data.enabled).toBe(false);
    await client.accounts.delete(accountIds);
    await expect(client.customers.get(customerIds)).rejects.toBeInstanceOf(PbxNotFoundError);
    await expect(client.users.get(userIds)).rejects.toBeInstanceOf(PbxNotFoundError);
  });

  test('a bad id or body is the API\'s 400, naming it, through every group', async () => {
    await expect(client.accounts.get({ accountTenantId: 'not-a-guid' })).rejects.toBeInstanceOf(PbxBadRequestError);
    await expect(client.customers.list({ accountTenantId: customer.accountTenantId }, { pageSize: 0 })).rejects.toThrow(/pageSize/);
    await expect(client.users.create(customer, { email: 'not an address', displayName: 'X' })).rejects.toThrow(/email/);
  });

  test('create and patch refuse to send without accept-charges, in every group', async () => {
    const careful = createClient({ baseUrl: mock.url, token: 'mock-token' });
    await expect(careful.accounts.create({ name: 'No charges' })).rejects.toThrow(/acceptCharges/);
    await expect(careful.customers.enable(customer)).rejects.toThrow(/acceptCharges/);
    await expect(careful.users.addRole({ ...customer, userId: '00000000-0000-4000-8000-000000000000' }, 'customer.user')).rejects.toThrow(/acceptCharges/);
    expect(mock.requests()).toEqual([]);
  });
});

describe('pagers', () => {
  // 5 items end on a short page; 4 end on a full one, which costs one more request that comes back empty.
  test.each([5, 4])('walk pageIndex across several pages until a short page: %i customers by 2, in order, in 3 requests', async (count) => {
    const { ids, created } = await accountWithCustomers(count);
    const seen: string[] = [];
    for await (const found of client.customers.all(ids, { pageSize: 2 })) seen.push(found.id);
    expect(seen).toEqual(created);
    expect(operations('listCustomers')).toHaveLength(3);
  });

  test('stop: limit, or a break, asks for no further page', async () => {
    const { ids, created } = await accountWithCustomers(5);
    const limited: string[] = [];
    for await (const found of client.customers.all(ids, { pageSize: 2, limit: 3 })) limited.push(found.id);
    expect(limited).toEqual(created.slice(0, 3));
    expect(operations('listCustomers')).toHaveLength(2);

    mock.clearRequests();
    for await (const found of client.customers.all(ids, { pageSize: 2 })) if (found.id === created[0]) break;
    expect(operations('listCustomers')).toHaveLength(1);
  });

  test('the filter goes with every page; the accounts walk too', async () => {
    const { ids, created } = await accountWithCustomers(3);
    const named: string[] = [];
    for await (const found of client.customers.all(ids, { pageSize: 1, filter: 'customer 2' })) named.push(found.id);
    expect(named).toEqual([created[2]]);
    const accounts: string[] = [];
    for await (const account of client.accounts.all({ pageSize: 1 })) accounts.push(account.id);
    expect(accounts).toContain(ids.accountTenantId);
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  test('a server that ignores pageIndex is an error, not an endless loop', async () => {
    const page = { page_size: 2, page_index: 0, data: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], status: 'success', timestamp: '2024-01-01T00:00:00.0000000Z' };
    const stuck = createClient({ baseUrl: 'https://api.test', token: 't', fetch: async () => Response.json(page) });
    const seen: string[] = [];
    const walk = async () => {
      for await (const account of stuck.accounts.all({ pageSize: 2 })) seen.push(account.id);
    };
    await expect(walk()).rejects.toBeInstanceOf(PbxInvalidResponseError);
    await expect(walk()).rejects.toThrow('GET /v1.0/accounts answered pageIndex 1 with the page before');
    expect(seen.slice(0, 2)).toEqual(['a', 'b']);
  });
});

describe('profiles', () => {
  test('the safe create does not create when the instance is connected already', async () => {
    // The seeded Kazoo profile uses its example's account id.
    const connected = (await client.profiles.get(kazooProfile)).data as { accountId: string };
    const outcome = await client.profiles.createIfNotConnected(customer, { ...kazooCreate(), accountId: connected.accountId } as never);
    expect(outcome.created).toBe(false);
    expect(outcome.data).toMatchObject({ exists: true, id: kazooProfile.pbxId });
    expect(operations('createPbxConnectionProfile')).toEqual([]);
  });

  test('the safe create creates when the instance is free, and a second run finds it', async () => {
    const body = { ...threeCxCreate(), licenseKey: 'safe-create-licence' } as const;
    const first = await client.profiles.createIfNotConnected(customer, body as never);
    if (!first.created) throw new Error('expected a create');
    expect(first.response.status).toBe(201);
    const again = await client.profiles.createIfNotConnected(customer, body as never);
    expect(again.created).toBe(false);
    expect(again.data).toMatchObject({ exists: true, id: first.id });
    expect(operations('createPbxConnectionProfile')).toHaveLength(1);
  });

  test('ids without an account go to the reseller mirror, with the same answers', async () => {
    const mirror = { customerTenantId: customer.customerTenantId };
    const { data: listed } = await client.profiles.list(mirror);
    expect(listed).toEqual((await client.profiles.list(customer)).data);
    expect((await client.profiles.get({ ...mirror, pbxId: kazooProfile.pbxId })).data.id).toBe(kazooProfile.pbxId);
    await client.profiles.rename({ ...mirror, pbxId: kazooProfile.pbxId }, 'Renamed on the mirror');
    expect((await client.profiles.get(kazooProfile)).data.name).toBe('Renamed on the mirror');
    expect(operations('listResellerPbxConnectionProfiles')).toHaveLength(1);
    expect(operations('patchResellerPbxConnectionProfile')).toHaveLength(1);
    await expect(client.profiles.get({ customerTenantId: customer.customerTenantId, pbxId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(
      'GET /v1.0/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs/00000000-0000-4000-8000-000000000000',
    );
  });

  test('the deprecated top-level methods are the profile methods', async () => {
    for (const name of ['list', 'get', 'create', 'patch', 'rename', 'enable', 'disable', 'delete', 'findByInstance'] as const) expect(client[name]).toBe(client.profiles[name]);
    expect((await client.list(customer)).data).toEqual((await client.profiles.list(customer)).data);
  });

  test('createProfilesClient has the profile methods and nothing else', async () => {
    const profiles = createProfilesClient({ baseUrl: mock.url, token: 'mock-token' });
    expect(Object.keys(profiles).sort()).toEqual(Object.keys(client.profiles).sort());
    expect((await profiles.get(kazooProfile)).data.id).toBe(kazooProfile.pbxId);
  });
});
