// The customers on the twin over HTTP: the example customers of an account, paging and filter on
// what is stored, create (with an inline profile) with its defaults and Location, patch of every
// field a create takes, delete and its cascade to the profiles, the 404 under unknown parents, and
// the refusals that name their field.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDS, customerCreate, invalidCustomerCreates, invalidCustomerFilters, invalidCustomerPatches, invalidPaging, kazooCreate, threeCxCreate, validCustomerPatches } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS, WRITE_HEADERS, call } from '../support/mock-client.js';
import { NEW_CUSTOMER, OTHER_ACCOUNT, UNKNOWN, customerPath as customer, expectContract, ids, useMock } from './support.js';

const customers = (account: string = IDS.accountTenantId) => `/v1.0/accounts/${account}/customers`;
const profiles = (id: string, account: string = IDS.accountTenantId) => `${customer(id, account)}/pbxs`;
const resellerProfiles = (id: string) => `/v1.0/customers/${id}/pbxs`;

describe('customers on the twin', () => {
  const mock = useMock();

  it("start with the example customers, under the examples' account only", async () => {
    const listed = await call(mock.url, 'GET', customers(), { headers: BEARER });
    expect(listed.status).toBe(200);
    expectContract('listCustomers', listed);
    expect(listed.json).toMatchObject({ page_index: 0, page_size: 2 });
    expect(ids(listed)).toEqual([IDS.customerTenantId, NEW_CUSTOMER]);
    // List items carry no settings.
    expect(Object.keys(listed.json.data[0]).sort()).toEqual(['dateCreated', 'description', 'enabled', 'id', 'name', 'parentTenantId', 'reference']);
    const other = await call(mock.url, 'GET', customers(OTHER_ACCOUNT), { headers: BEARER });
    expect([other.status, other.json.page_size]).toEqual([200, 0]);
  });

  it('under an unknown account, every operation is the 404 envelope', async () => {
    const requests = [
      ['GET', customers(UNKNOWN)],
      ['POST', customers(UNKNOWN), customerCreate()],
      ['GET', customer(IDS.customerTenantId, UNKNOWN)],
      ['PATCH', customer(IDS.customerTenantId, UNKNOWN), [{ op: 'replace', path: '/enabled', value: false }]],
      ['DELETE', customer(IDS.customerTenantId, UNKNOWN)],
    ] as const;
    for (const [method, path, body] of requests) {
      const answer = await call(mock.url, method, path, { headers: WRITE_HEADERS, ...(body ? { body } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json).toMatchObject({ error: 404, status: 'error' });
    }
    // The create stored nothing, not even its inline profile.
    expect((await call(mock.url, 'GET', customers(), { headers: BEARER })).json.page_size).toBe(2);
    expect((await call(mock.url, 'GET', PATHS.find('accountid'), { headers: BEARER })).json.data.exists).toBe(false);
  });

  it("a customer under another account than its own is the 404 envelope, on its profiles' paths too", async () => {
    expect((await call(mock.url, 'GET', customer(IDS.customerTenantId, OTHER_ACCOUNT), { headers: BEARER })).status).toBe(404);
    expect((await call(mock.url, 'GET', profiles(IDS.customerTenantId, OTHER_ACCOUNT), { headers: BEARER })).status).toBe(404);
    expect((await call(mock.url, 'GET', `${profiles(IDS.customerTenantId, OTHER_ACCOUNT)}/${IDS.kazooPbxId}`, { headers: BEARER })).status).toBe(404);
  });

  it('a profile under an unknown customer is the 404 envelope on both path families, and nothing is stored', async () => {
    const body = { ...threeCxCreate(), licenseKey: 'licence-of-no-profile' };
    for (const path of [profiles(UNKNOWN), resellerProfiles(UNKNOWN)]) {
      const created = await call(mock.url, 'POST', path, { headers: WRITE_HEADERS, body });
      expect(created.status, path).toBe(404);
      expect(created.json).toMatchObject({ error: 404, status: 'error' });
      expect((await call(mock.url, 'GET', path, { headers: BEARER })).status, path).toBe(404);
    }
    expect((await call(mock.url, 'GET', PATHS.find(body.licenseKey), { headers: BEARER })).json.data.exists).toBe(false);
  });

  it('filter keeps the customers whose name or reference contains the text, in any case', async () => {
    for (const [name, reference] of [['Acme Widgets', 'ACC-1'], ['Widget World', 'WW-2'], ['Other', 'acme-3']]) {
      expect((await call(mock.url, 'POST', customers(), { headers: WRITE_HEADERS, body: { name, reference } })).status).toBe(201);
    }
    const names = async (query: string) => {
      const answer = await call(mock.url, 'GET', `${customers()}?${query}`, { headers: BEARER });
      expect(answer.status, query).toBe(200);
      expectContract('listCustomers', answer);
      return answer.json.data.map((item: { name: string }) => item.name);
    };
    expect(await names('filter=ACME')).toEqual(['Acme Widgets', 'Other']);
    expect(await names('filter=widget')).toEqual(['Acme Widgets', 'Widget World']);
    expect(await names('filter=abc00001')).toEqual(['New customer']);
    expect(await names(`filter=${encodeURIComponent('Widget W')}`)).toEqual(['Widget World']);
    expect(await names('filter=nothing-matches')).toEqual([]);
    // An empty filter is none.
    expect(await names('filter=')).toHaveLength(5);
    // Paging applies to what the filter keeps.
    expect(await names('filter=acme&pageIndex=1&pageSize=1')).toEqual(['Other']);
    expect(await names('filter=acme&pageIndex=2&pageSize=1')).toEqual([]);
    // Only the account's own customers are searched.
    expect(await names('filter=Example')).toEqual(['Example Customer']);
    const other = await call(mock.url, 'GET', `${customers(OTHER_ACCOUNT)}?filter=Example`, { headers: BEARER });
    expect(other.json.data).toEqual([]);
  });

  it.each([...invalidPaging, ...invalidCustomerFilters].map((row) => [row.name, row] as const))('refuse %s with 400 naming the parameter', async (_, row) => {
    const answer = await call(mock.url, 'GET', `${customers()}?${new URLSearchParams(row.value)}`, { headers: BEARER });
    expect(answer.status).toBe(400);
    expectContract('listCustomers', answer);
    expect(answer.json.message).toContain(row.field);
  });

  it('create → 201 with the defaults, the account as parent and a Location that get follows', async () => {
    const created = await call(mock.url, 'POST', customers(), { headers: WRITE_HEADERS, body: { name: 'Plain Customer' } });
    expect(created.status).toBe(201);
    expectContract('createCustomer', created);
    const { id, dateCreated, ...rest } = created.json.data;
    expect(rest).toEqual({
      name: 'Plain Customer',
      parentTenantId: IDS.accountTenantId,
      enabled: false,
      timezone: 'Inherited',
      countryCode: 'Inherited',
      syncAcdAgentWithPbx: false,
      sendNewUserEmail: true,
      sendConnectWelcomeEmail: true,
      tenantProfileType: 'Inherited',
      trialDuration: 0,
    });
    expect(Date.now() - Date.parse(dateCreated)).toBeLessThan(60_000);
    expect(created.headers.get('location')).toBe(`${mock.url}${customer(id)}`);
    const got = await call(mock.url, 'GET', customer(id), { headers: BEARER });
    expectContract('getCustomer', got);
    expect(got.json.data).toEqual(created.json.data);
    // A new customer has no profile.
    expect((await call(mock.url, 'GET', resellerProfiles(id), { headers: BEARER })).json.data).toEqual([]);
  });

  it('create with an inline profile creates both: the profile, disabled, answers on the account path and the reseller path', async () => {
    const created = await call(mock.url, 'POST', customers(), { headers: WRITE_HEADERS, body: customerCreate() });
    expect(created.status).toBe(201);
    expectContract('createCustomer', created);
    const id = created.json.data.id as string;
    // The customer keeps no copy of its profile.
    expect(created.json.data).not.toHaveProperty('pbxConnectionProfiles');
    const listed = await call(mock.url, 'GET', profiles(id), { headers: BEARER });
    expectContract('listPbxConnectionProfiles', listed);
    expect(listed.json.data).toHaveLength(1);
    const [profile] = listed.json.data;
    expect(profile).toMatchObject({ _type: 'KazooPbxConnectionProfile', name: 'New customer Kazoo Pbx', tenantId: id, enabled: false });
    expect((await call(mock.url, 'GET', resellerProfiles(id), { headers: BEARER })).json.data).toEqual(listed.json.data);
    const got = await call(mock.url, 'GET', `${resellerProfiles(id)}/${profile.id}`, { headers: BEARER });
    expectContract('getResellerPbxConnectionProfile', got);
    expect(got.json.data).toMatchObject({ accountId: 'accountid', apiKey: 'apikey', monitorSubAccounts: false });
    const found = await call(mock.url, 'GET', PATHS.find('accountid'), { headers: BEARER });
    expect(found.json.data).toMatchObject({ exists: true, id: profile.id, tenantId: id });
  });

  it.each(invalidCustomerCreates.map((row) => [row.name, row] as const))('create refuses %s with 400 naming the field, and stores nothing', async (_, row) => {
    const answer = await call(mock.url, 'POST', customers(), { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(400);
    expectContract('createCustomer', answer);
    expect(answer.json.message).toContain(row.field);
    expect((await call(mock.url, 'GET', customers(), { headers: BEARER })).json.page_size).toBe(2);
    expect((await call(mock.url, 'GET', PATHS.find('accountid'), { headers: BEARER })).json.data.exists).toBe(false);
  });

  it.each(validCustomerPatches.map((row) => [row.name, row] as const))('patch %s: 200, then get shows it', async (_, row) => {
    const patched = await call(mock.url, 'PATCH', customer(), { headers: WRITE_HEADERS, body: row.value });
    expect(patched.status).toBe(200);
    expectContract('patchCustomer', patched);
    const got = await call(mock.url, 'GET', customer(), { headers: BEARER });
    const expected = Object.fromEntries((row.value as { path: string; value: unknown }[]).map((operation) => [operation.path.slice(1), operation.value]));
    expect(got.json.data).toMatchObject({ ...expected, name: 'Example Customer' });
  });

  it('patch is all or none', async () => {
    const refused = await call(mock.url, 'PATCH', customer(), {
      headers: WRITE_HEADERS,
      body: [{ op: 'replace', path: '/name', value: 'Half done' }, { op: 'replace', path: '/colour', value: 'blue' }],
    });
    expect(refused.status).toBe(400);
    expect((await call(mock.url, 'GET', customer(), { headers: BEARER })).json.data.name).toBe('Example Customer');
  });

  it.each(invalidCustomerPatches.map((row) => [row.name, row] as const))('patch refuses %s with 400 naming the field', async (_, row) => {
    const answer = await call(mock.url, 'PATCH', customer(), { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(400);
    expectContract('patchCustomer', answer);
    expect(answer.json.message).toContain(row.field.split('/').pop());
  });

  it('create and patch need accept-charges', async () => {
    const { 'accept-charges': _, ...headers } = WRITE_HEADERS;
    const created = await call(mock.url, 'POST', customers(), { headers, body: customerCreate() });
    expect(created.status).toBe(400);
    expect(created.json.message).toContain('accept-charges');
    const patched = await call(mock.url, 'PATCH', customer(), { headers, body: [{ op: 'replace', path: '/enabled', value: true }] });
    expect(patched.status).toBe(400);
    expect(patched.json.message).toContain('accept-charges');
  });

  it("delete → 200; then the customer and its profiles answer 404 on every path, and find by instance no longer finds them", async () => {
    const deleted = await call(mock.url, 'DELETE', customer(), { headers: BEARER });
    expect(deleted.status).toBe(200);
    expectContract('deleteCustomer', deleted);
    const gone = [
      ['GET', customer()],
      ['PATCH', customer(), [{ op: 'replace', path: '/enabled', value: true }]],
      ['DELETE', customer()],
      ['GET', PATHS.profiles],
      ['POST', PATHS.profiles, kazooCreate()],
      ['GET', PATHS.profile()],
      ['GET', PATHS.resellerProfiles],
      ['GET', PATHS.resellerProfile(IDS.threeCxPbxId)],
      ['DELETE', PATHS.resellerProfile(IDS.threeCxPbxId)],
    ] as const;
    for (const [method, path, body] of gone) {
      const answer = await call(mock.url, method, path, { headers: WRITE_HEADERS, ...(body ? { body } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.json).toMatchObject({ error: 404, status: 'error' });
    }
    expect((await call(mock.url, 'GET', PATHS.find('12345'), { headers: BEARER })).json.data.exists).toBe(false);
    expect(ids(await call(mock.url, 'GET', customers(), { headers: BEARER }))).toEqual([NEW_CUSTOMER]);
  });

  it("an account's delete takes its customers and their profiles with it", async () => {
    expect((await call(mock.url, 'DELETE', `/v1.0/accounts/${IDS.accountTenantId}`, { headers: BEARER })).status).toBe(200);
    expect((await call(mock.url, 'GET', customers(), { headers: BEARER })).status).toBe(404);
    expect((await call(mock.url, 'GET', PATHS.resellerProfiles, { headers: BEARER })).status).toBe(404);
    expect((await call(mock.url, 'GET', PATHS.find('12345'), { headers: BEARER })).json.data.exists).toBe(false);
  });
});

describe('a state file written before customers existed', () => {
  let folder: string;
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pbx-mock-customers-'));
  });
  afterAll(async () => {
    await mock?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('still reads: each profile of a customer it lacks gets a placeholder customer, and stays reachable on both paths', async () => {
    const file = join(folder, 'state.json');
    const orphan = { ...kazooCreate(), id: '1b3d5f7a-9c1e-4a3c-8e5a-7c9e1b3d5f7a', tenantId: UNKNOWN, countryCode: 'US', enabled: false };
    const example = { ...kazooCreate(), id: IDS.kazooPbxId, tenantId: IDS.customerTenantId, countryCode: 'US', enabled: true };
    // As version 2 wrote it: accounts and profiles, no customers.
    const written = { format: 'pbx-mock-state', version: 2, collections: { accounts: [{ id: IDS.accountTenantId, name: 'Example Reseller' }], 'pbx-connection-profiles': [example, orphan] } };
    await writeFile(file, JSON.stringify(written), { mode: 0o600 });
    mock = await startMock({ port: 0, logLevel: 'silent', strict: true, stateFile: file });

    for (const path of [`${profiles(UNKNOWN)}/${orphan.id}`, `${resellerProfiles(UNKNOWN)}/${orphan.id}`, `${resellerProfiles(IDS.customerTenantId)}/${IDS.kazooPbxId}`]) {
      const got = await call(mock.url, 'GET', path, { headers: BEARER });
      expect(got.status, path).toBe(200);
    }
    const placeholder = await call(mock.url, 'GET', customer(UNKNOWN), { headers: BEARER });
    expect(placeholder.status).toBe(200);
    expectContract('getCustomer', placeholder);
    expect(placeholder.json.data).toMatchObject({ id: UNKNOWN, parentTenantId: IDS.accountTenantId });
    expect(ids(await call(mock.url, 'GET', customers(), { headers: BEARER })).sort()).toEqual([IDS.customerTenantId, UNKNOWN].sort());
  });
});
