// The accounts on the twin over HTTP: the example accounts, paging, create with its defaults and
// Location, patch of every field a create takes, delete, and the refusals that name their field.
import { IDS, accountCreate, invalidAccountCreates, invalidPaging, invalidTenantPatches } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';
import { BEARER, WRITE_HEADERS, call } from '../support/mock-client.js';
import { UNKNOWN, expectContract, useMock } from './support.js';

const ACCOUNTS = '/v1.0/accounts';
const account = (id: string) => `${ACCOUNTS}/${id}`;

describe('accounts on the twin', () => {
  const mock = useMock();

  it('start with the example accounts, on page 0', async () => {
    const listed = await call(mock.url, 'GET', ACCOUNTS, { headers: BEARER });
    expect(listed.status).toBe(200);
    expectContract('listAccounts', listed);
    expect(listed.json).toMatchObject({ page_index: 0, page_size: 2 });
    expect(listed.json.data.map((item: { id: string }) => item.id)).toEqual([IDS.accountTenantId, '8c4e2a1b-5d7f-4e9a-b1c3-d5e7f9a1b3c5']);
  });

  it('page what is stored: pageIndex from 0, pageSize items at most, an empty page past the end', async () => {
    for (const name of ['Third', 'Fourth', 'Fifth']) {
      expect((await call(mock.url, 'POST', ACCOUNTS, { headers: WRITE_HEADERS, body: { name } })).status).toBe(201);
    }
    const names = async (query: string) => {
      const answer = await call(mock.url, 'GET', `${ACCOUNTS}?${query}`, { headers: BEARER });
      expectContract('listAccounts', answer);
      return [answer.json.page_index, answer.json.page_size, answer.json.data.map((item: { name: string }) => item.name)];
    };
    expect(await names('pageIndex=0&pageSize=2')).toEqual([0, 2, ['Example Reseller', 'Second Reseller']]);
    expect(await names('pageIndex=1&pageSize=2')).toEqual([1, 2, ['Third', 'Fourth']]);
    expect(await names('pageIndex=2&pageSize=2')).toEqual([2, 1, ['Fifth']]);
    expect(await names('pageIndex=3&pageSize=2')).toEqual([3, 0, []]);
    // The default page size is 1,000: everything on page 0.
    expect((await names('pageIndex=0'))[1]).toBe(5);
  });

  it.each(invalidPaging.map((row) => [row.name, row] as const))('refuse %s with 400 naming the parameter', async (_, row) => {
    const answer = await call(mock.url, 'GET', `${ACCOUNTS}?${new URLSearchParams(row.value)}`, { headers: BEARER });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain(row.field);
  });

  it('create → 201 with the defaults, the server-set fields and a Location that get follows', async () => {
    const before = Date.now();
    const created = await call(mock.url, 'POST', ACCOUNTS, { headers: WRITE_HEADERS, body: { name: 'New Reseller' } });
    const after = Date.now();
    expect(created.status).toBe(201);
    expectContract('createAccount', created);
    const { id, dateCreated, parentTenantId, ...rest } = created.json.data;
    expect(rest).toEqual({ name: 'New Reseller', enabled: false, timezone: 'Inherited', countryCode: 'Inherited' });
    // The mock runs in this process, on this clock: the create's own time, however long the request took.
    expect(Date.parse(dateCreated)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(dateCreated)).toBeLessThanOrEqual(after);
    expect(parentTenantId).toBe('1e3d5c7b-9a8f-4b6d-8c2e-4f6a8b0c2d4e');
    expect(created.headers.get('location')).toBe(`${mock.url}${account(id)}`);
    const got = await call(mock.url, 'GET', account(id), { headers: BEARER });
    expectContract('getAccount', got);
    expect(got.json.data).toEqual(created.json.data);
  });

  it('patch replaces the fields it names, all or none', async () => {
    const patched = await call(mock.url, 'PATCH', account(IDS.accountTenantId), {
      headers: WRITE_HEADERS,
      body: [{ op: 'replace', path: '/enabled', value: false }, { op: 'replace', path: '/reference', value: 'RES-9' }],
    });
    expect(patched.status).toBe(200);
    expectContract('patchAccount', patched);
    const got = await call(mock.url, 'GET', account(IDS.accountTenantId), { headers: BEARER });
    expect(got.json.data).toMatchObject({ enabled: false, reference: 'RES-9', name: 'Example Reseller' });

    const refused = await call(mock.url, 'PATCH', account(IDS.accountTenantId), {
      headers: WRITE_HEADERS,
      body: [{ op: 'replace', path: '/name', value: 'Half done' }, { op: 'replace', path: '/colour', value: 'blue' }],
    });
    expect(refused.status).toBe(400);
    expect((await call(mock.url, 'GET', account(IDS.accountTenantId), { headers: BEARER })).json.data.name).toBe('Example Reseller');
  });

  it.each(invalidTenantPatches.map((row) => [row.name, row] as const))('patch refuses %s with 400 naming the field', async (_, row) => {
    const answer = await call(mock.url, 'PATCH', account(IDS.accountTenantId), { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(400);
    expectContract('patchAccount', answer);
    if (row.field) expect(answer.json.message).toContain(row.field.split('/').pop());
  });

  it.each(invalidAccountCreates.map((row) => [row.name, row] as const))('create refuses %s with 400 naming the field, and stores nothing', async (_, row) => {
    const answer = await call(mock.url, 'POST', ACCOUNTS, { headers: WRITE_HEADERS, body: row.value });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain(row.field);
    expect((await call(mock.url, 'GET', ACCOUNTS, { headers: BEARER })).json.page_size).toBe(2);
  });

  it('create and patch need accept-charges; delete does not', async () => {
    const { 'accept-charges': _, ...headers } = WRITE_HEADERS;
    const created = await call(mock.url, 'POST', ACCOUNTS, { headers, body: accountCreate() });
    expect(created.status).toBe(400);
    expect(created.json.message).toContain('accept-charges');
    const patched = await call(mock.url, 'PATCH', account(IDS.accountTenantId), { headers, body: [{ op: 'replace', path: '/enabled', value: true }] });
    expect(patched.status).toBe(400);
  });

  it('delete → 200, then get, patch and delete of it are 404', async () => {
    const deleted = await call(mock.url, 'DELETE', account(IDS.accountTenantId), { headers: BEARER });
    expect(deleted.status).toBe(200);
    expectContract('deleteAccount', deleted);
    for (const [method, body] of [['GET'], ['PATCH', [{ op: 'replace', path: '/enabled', value: true }]], ['DELETE']] as const) {
      const gone = await call(mock.url, method, account(IDS.accountTenantId), { headers: WRITE_HEADERS, ...(body ? { body } : {}) });
      expect(gone.status, method).toBe(404);
      expect(gone.json).toMatchObject({ error: 404, status: 'error' });
    }
    expect((await call(mock.url, 'GET', ACCOUNTS, { headers: BEARER })).json.page_size).toBe(1);
  });

  it('an unknown account is the 404 envelope', async () => {
    const answer = await call(mock.url, 'GET', account(UNKNOWN), { headers: BEARER });
    expect(answer.status).toBe(404);
    expectContract('getAccount', answer);
  });
});
