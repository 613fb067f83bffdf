// The customer users on the twin over HTTP: the example users of a customer, the list without
// roles, create with its Location, the patch of the name and the roles (an added role keeps the
// others, a replace replaces all but the PBX user role), delete, the 404 under unknown parents and
// the cascade after a customer's or account's delete, and the refusals that name their field.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDS, customerUserCreate, invalidCustomerUserCreates, invalidCustomerUserPatches, validCustomerUserPatches } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '@myreports/pbx-mock';
import { BEARER, WRITE_HEADERS, call } from '../support/mock-client.js';
import { NEW_CUSTOMER, OTHER_ACCOUNT, UNKNOWN, customerPath as customer, expectContract, ids, useMock } from './support.js';

const JANE = '4c6e8a0b-2d4f-4a6c-8e0a-2b4d6f8a0c1e';
const JOHN = '5d7f9b1c-3e5a-4b7d-9f1b-3d5f7b9d1e2f';
const users = (id: string = IDS.customerTenantId, account: string = IDS.accountTenantId) => `${customer(id, account)}/users`;
const user = (id: string = JANE, customerId: string = IDS.customerTenantId, account: string = IDS.accountTenantId) => `${users(customerId, account)}/${id}`;
const addRole = (role: string) => [{ op: 'add', path: '/roles/-', value: role }];

describe('customer users on the twin', () => {
  const mock = useMock();
  const rolesOf = async (id: string = JANE) => (await call(mock.url, 'GET', user(id), { headers: BEARER })).json.data.roles;

  it("start with the example users, under the examples' customer only, listed without their roles", async () => {
    const listed = await call(mock.url, 'GET', users(), { headers: BEARER });
    expect(listed.status).toBe(200);
    expectContract('listCustomerUsers', listed);
    expect(listed.json.page_size).toBe(2);
    expect(ids(listed)).toEqual([JANE, JOHN]);
    expect(Object.keys(listed.json.data[0]).sort()).toEqual(['displayName', 'email', 'id', 'isParent', 'primaryTenant']);
    const got = await call(mock.url, 'GET', user(), { headers: BEARER });
    expectContract('getCustomerUser', got);
    expect(got.json.data).toMatchObject({ displayName: 'Jane Example', primaryTenant: IDS.customerTenantId, roles: ['customer.user', 'customer.user.pbx', 'customer.user.pbx.realtime'] });
    const other = await call(mock.url, 'GET', users(NEW_CUSTOMER), { headers: BEARER });
    expect([other.status, other.json.data]).toEqual([200, []]);
    // Another customer's user is not found under this one.
    expect((await call(mock.url, 'GET', user(JANE, NEW_CUSTOMER), { headers: BEARER })).status).toBe(404);
  });

  it('under an unknown account or customer, or a customer of another account, every operation is the 404 envelope and nothing is stored', async () => {
    for (const [customerId, account] of [[UNKNOWN, IDS.accountTenantId], [IDS.customerTenantId, UNKNOWN], [IDS.customerTenantId, OTHER_ACCOUNT]] as const) {
      const requests = [
        ['GET', users(customerId, account)],
        ['POST', users(customerId, account), customerUserCreate()],
        ['GET', user(JANE, customerId, account)],
        ['PATCH', user(JANE, customerId, account), addRole('admin.user')],
        ['DELETE', user(JANE, customerId, account)],
      ] as const;
      for (const [method, path, body] of requests) {
        const answer = await call(mock.url, method, path, { headers: WRITE_HEADERS, ...(body ? { body } : {}) });
        expect(answer.status, `${method} ${path}`).toBe(404);
        expect(answer.json).toMatchObject({ error: 404, status: 'error' });
      }
    }
    expect(ids(await call(mock.url, 'GET', users(), { headers: BEARER }))).toEqual([JANE, JOHN]);
    expect(await rolesOf()).not.toContain('admin.user');
  });

  it('create → 201 with the customer as primary tenant and a Location that get follows; the list shows it', async () => {
    const created = await call(mock.url, 'POST', users(), { headers: WRITE_HEADERS, body: { email: 'ann@example.com', displayName: 'Ann Example', roles: ['customer.user'] } });
    expect(created.status).toBe(201);
    expectContract('createCustomerUser', created);
    const { id, ...rest } = created.json.data;
    expect(rest).toEqual({ email: 'ann@example.com', displayName: 'Ann Example', roles: ['customer.user'], primaryTenant: IDS.customerTenantId, isParent: false });
    expect(created.headers.get('location')).toBe(`${mock.url}${user(id)}`);
    const got = await call(mock.url, 'GET', user(id), { headers: BEARER });
    expectContract('getCustomerUser', got);
    expect(got.json.data).toEqual(created.json.data);
    expect(ids(await call(mock.url, 'GET', users(), { headers: BEARER }))).toEqual([JANE, JOHN, id]);
  });

  it.each(invalidCustomerUserCreates.map((row) => [row.name, row] as const))('create refuses %s with 400 naming the field, and stores nothing', async (_, row) => {
    const answer = await call(mock.url, 'POST', users(), { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(400);
    expectContract('createCustomerUser', answer);
    expect(answer.json.message).toContain(row.field.split('/')[0]);
    expect((await call(mock.url, 'GET', users(), { headers: BEARER })).json.page_size).toBe(2);
  });

  it.each(validCustomerUserPatches.map((row) => [row.name, row] as const))('patch %s: 200 with the no-data envelope', async (_, row) => {
    const patched = await call(mock.url, 'PATCH', user(JOHN), { headers: WRITE_HEADERS, body: row.value });
    expect(patched.status).toBe(200);
    expectContract('patchCustomerUser', patched);
    expect(patched.json).not.toHaveProperty('data');
  });

  it('patch renames the user', async () => {
    expect((await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/displayName', value: 'Jane Renamed' }] })).status).toBe(200);
    const got = await call(mock.url, 'GET', user(), { headers: BEARER });
    expect(got.json.data).toMatchObject({ displayName: 'Jane Renamed', email: 'jane@example.com' });
    expect(got.json.data.roles).toHaveLength(3);
  });

  it('an add of /roles/- adds one role and keeps the others; a role already held stays once', async () => {
    expect((await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: addRole('customer.user.supervisorl1') })).status).toBe(200);
    expect(await rolesOf()).toEqual(['customer.user', 'customer.user.pbx', 'customer.user.pbx.realtime', 'customer.user.supervisorl1']);
    const again = await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: addRole('customer.user.pbx') });
    expect(again.status).toBe(200);
    expectContract('patchCustomerUser', again);
    expect(await rolesOf()).toEqual(['customer.user', 'customer.user.pbx', 'customer.user.pbx.realtime', 'customer.user.supervisorl1']);
    // Other users keep theirs.
    expect(await rolesOf(JOHN)).toEqual(['customer.user', 'customer.user.pbx']);
  });

  it('a replace of /roles replaces every role but the PBX user role, which it neither removes nor adds', async () => {
    const replaced = await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/roles', value: ['customer.user', 'admin.user'] }] });
    expect(replaced.status).toBe(200);
    expect(await rolesOf()).toEqual(['customer.user', 'admin.user', 'customer.user.pbx']);
    expect((await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/roles', value: [] }] })).status).toBe(200);
    expect(await rolesOf()).toEqual(['customer.user.pbx']);
    // A user without the PBX user role does not get it from a replace that names it.
    const created = await call(mock.url, 'POST', users(), { headers: WRITE_HEADERS, body: { ...customerUserCreate(), roles: ['customer.user'] } });
    const id = created.json.data.id as string;
    expect((await call(mock.url, 'PATCH', user(id), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/roles', value: ['customer.user.pbx', 'customer.settings'] }] })).status).toBe(200);
    expect(await rolesOf(id)).toEqual(['customer.settings']);
  });

  it('patch is all or none', async () => {
    const refused = await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: [...addRole('admin.user'), { op: 'replace', path: '/email', value: 'jane@example.org' }] });
    expect(refused.status).toBe(400);
    expect(await rolesOf()).not.toContain('admin.user');
  });

  it.each(invalidCustomerUserPatches.map((row) => [row.name, row] as const))('patch refuses %s with 400 naming the field', async (_, row) => {
    const answer = await call(mock.url, 'PATCH', user(), { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(400);
    expectContract('patchCustomerUser', answer);
    expect(answer.json.message).toContain(row.field.split('/').pop());
  });

  it('an unknown user is the 404 envelope on get, patch and delete', async () => {
    for (const [method, body] of [['GET'], ['PATCH', addRole('admin.user')], ['DELETE']] as const) {
      const answer = await call(mock.url, method, user(UNKNOWN), { headers: WRITE_HEADERS, ...(body ? { body } : {}) });
      expect(answer.status, method).toBe(404);
      expectContract(`${method === 'GET' ? 'get' : method.toLowerCase()}CustomerUser`, answer);
    }
  });

  it('create and patch need accept-charges', async () => {
    const { 'accept-charges': _, ...headers } = WRITE_HEADERS;
    const created = await call(mock.url, 'POST', users(), { headers, body: customerUserCreate() });
    expect(created.status).toBe(400);
    expect(created.json.message).toContain('accept-charges');
    const patched = await call(mock.url, 'PATCH', user(), { headers, body: addRole('admin.user') });
    expect(patched.status).toBe(400);
    expect(patched.json.message).toContain('accept-charges');
  });

  it('delete → 200; then the user answers 404 and the list lacks it', async () => {
    const deleted = await call(mock.url, 'DELETE', user(), { headers: BEARER });
    expect(deleted.status).toBe(200);
    expectContract('deleteCustomerUser', deleted);
    expect((await call(mock.url, 'GET', user(), { headers: BEARER })).status).toBe(404);
    expect((await call(mock.url, 'DELETE', user(), { headers: BEARER })).status).toBe(404);
    expect(ids(await call(mock.url, 'GET', users(), { headers: BEARER }))).toEqual([JOHN]);
  });

  it("a customer's delete takes its users with it: a new customer of the same account does not see them", async () => {
    const created = await call(mock.url, 'POST', users(NEW_CUSTOMER), { headers: WRITE_HEADERS, body: customerUserCreate() });
    expect(created.status).toBe(201);
    expect((await call(mock.url, 'DELETE', customer(), { headers: BEARER })).status).toBe(200);
    for (const [method, path] of [['GET', users()], ['GET', user()], ['GET', user(JOHN)], ['DELETE', user(JOHN)]] as const) {
      const answer = await call(mock.url, method, path, { headers: BEARER });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json).toMatchObject({ error: 404, status: 'error' });
    }
    // The other customer's users stay.
    expect(ids(await call(mock.url, 'GET', users(NEW_CUSTOMER), { headers: BEARER }))).toEqual([created.json.data.id]);
  });

  it("an account's delete takes its customers' users with it", async () => {
    expect((await call(mock.url, 'DELETE', `/v1.0/accounts/${IDS.accountTenantId}`, { headers: BEARER })).status).toBe(200);
    expect((await call(mock.url, 'GET', users(), { headers: BEARER })).status).toBe(404);
    expect((await call(mock.url, 'GET', user(), { headers: BEARER })).status).toBe(404);
  });
});

describe('customer users in the state file', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pbx-mock-users-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('are kept across a restart, with their roles', async () => {
    const file = join(folder, 'state.json');
    const first = await startMock({ port: 0, logLevel: 'silent', strict: true, stateFile: file });
    let id: string;
    try {
      const created = await call(first.url, 'POST', users(), { headers: WRITE_HEADERS, body: customerUserCreate() });
      id = created.json.data.id as string;
      expect((await call(first.url, 'PATCH', user(id), { headers: WRITE_HEADERS, body: addRole('customer.user.acd') })).status).toBe(200);
      expect((await call(first.url, 'DELETE', user(JANE), { headers: BEARER })).status).toBe(200);
    } finally {
      await first.stop();
    }
    const second = await startMock({ port: 0, logLevel: 'silent', strict: true, stateFile: file });
    try {
      expect(ids(await call(second.url, 'GET', users(), { headers: BEARER }))).toEqual([JOHN, id]);
      const got = await call(second.url, 'GET', user(id), { headers: BEARER });
      expect(got.json.data.roles).toEqual(['customer.user', 'customer.user.pbx', 'customer.user.acd']);
    } finally {
      await second.stop();
    }
  });
});
