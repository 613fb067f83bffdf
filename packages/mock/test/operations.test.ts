import { loadContract } from '@myreports/pbx-contract';
import { IDS, customerCreate, customerUserCreate, kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const contract = loadContract();
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
});
afterAll(() => mock?.stop());

/** The answer's body validates against the schema the spec declares for that operation and status. */
function expectDeclaredShape(operationId: string, status: number, body: unknown): void {
  expect(contract.validateResponse(contract.operation(operationId), status, body)).toEqual([]);
}

const USERS = `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/users`;

const requests: Record<string, { method: string; path: string; headers: Record<string, string>; body?: unknown; success: number }> = {
  listAccounts: { method: 'GET', path: '/v1.0/accounts?pageIndex=0&pageSize=20', headers: BEARER, success: 200 },
  createAccount: { method: 'POST', path: '/v1.0/accounts', headers: WRITE_HEADERS, body: { name: 'Reseller' }, success: 201 },
  getAccount: { method: 'GET', path: `/v1.0/accounts/${IDS.accountTenantId}`, headers: BEARER, success: 200 },
  getAccountMetrics: { method: 'GET', path: `/v1.0/accounts/${IDS.accountTenantId}/metrics`, headers: BEARER, success: 200 },
  patchAccount: { method: 'PATCH', path: `/v1.0/accounts/${IDS.accountTenantId}`, headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/enabled', value: false }], success: 200 },
  deleteAccount: { method: 'DELETE', path: '/v1.0/accounts/8c4e2a1b-5d7f-4e9a-b1c3-d5e7f9a1b3c5', headers: BEARER, success: 200 },
  listCustomers: { method: 'GET', path: `/v1.0/accounts/${IDS.accountTenantId}/customers?pageIndex=0&pageSize=20&filter=example`, headers: BEARER, success: 200 },
  createCustomer: { method: 'POST', path: `/v1.0/accounts/${IDS.accountTenantId}/customers`, headers: WRITE_HEADERS, body: customerCreate(), success: 201 },
  getCustomer: { method: 'GET', path: `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}`, headers: BEARER, success: 200 },
  patchCustomer: {
    method: 'PATCH',
    path: `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}`,
    headers: WRITE_HEADERS,
    body: [{ op: 'replace', path: '/enabled', value: true }],
    success: 200,
  },
  deleteCustomer: { method: 'DELETE', path: `/v1.0/accounts/${IDS.accountTenantId}/customers/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`, headers: BEARER, success: 200 },
  listCustomerUsers: { method: 'GET', path: USERS, headers: BEARER, success: 200 },
  createCustomerUser: { method: 'POST', path: USERS, headers: WRITE_HEADERS, body: customerUserCreate(), success: 201 },
  getCustomerUser: { method: 'GET', path: `${USERS}/4c6e8a0b-2d4f-4a6c-8e0a-2b4d6f8a0c1e`, headers: BEARER, success: 200 },
  patchCustomerUser: {
    method: 'PATCH',
    path: `${USERS}/4c6e8a0b-2d4f-4a6c-8e0a-2b4d6f8a0c1e`,
    headers: WRITE_HEADERS,
    body: [{ op: 'add', path: '/roles/-', value: 'customer.user.supervisorl1' }],
    success: 200,
  },
  deleteCustomerUser: { method: 'DELETE', path: `${USERS}/5d7f9b1c-3e5a-4b7d-9f1b-3d5f7b9d1e2f`, headers: BEARER, success: 200 },
  listPbxConnectionProfiles: { method: 'GET', path: PATHS.profiles, headers: BEARER, success: 200 },
  createPbxConnectionProfile: { method: 'POST', path: PATHS.profiles, headers: WRITE_HEADERS, body: kazooCreate(), success: 201 },
  getPbxConnectionProfile: { method: 'GET', path: PATHS.profile(), headers: BEARER, success: 200 },
  patchPbxConnectionProfile: {
    method: 'PATCH',
    path: PATHS.profile(),
    headers: WRITE_HEADERS,
    body: [{ op: 'replace', path: '/name', value: 'Head office' }],
    success: 200,
  },
  deletePbxConnectionProfile: { method: 'DELETE', path: PATHS.profile(), headers: BEARER, success: 200 },
  findPbxConnectionProfileByInstance: { method: 'GET', path: PATHS.find(), headers: BEARER, success: 200 },
  listResellerPbxConnectionProfiles: { method: 'GET', path: PATHS.resellerProfiles, headers: BEARER, success: 200 },
  createResellerPbxConnectionProfile: { method: 'POST', path: PATHS.resellerProfiles, headers: WRITE_HEADERS, body: threeCxCreate(), success: 201 },
  getResellerPbxConnectionProfile: { method: 'GET', path: PATHS.resellerProfile(IDS.threeCxPbxId), headers: BEARER, success: 200 },
  patchResellerPbxConnectionProfile: {
    method: 'PATCH',
    path: PATHS.resellerProfile(IDS.threeCxPbxId),
    headers: WRITE_HEADERS,
    body: [{ op: 'replace', path: '/enabled', value: true }],
    success: 200,
  },
  deleteResellerPbxConnectionProfile: { method: 'DELETE', path: PATHS.resellerProfile('5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b'), headers: BEARER, success: 200 },
};

describe('every operation answers every documented status', () => {
  it('covers every operation of the spec', () => {
    expect(Object.keys(requests).sort()).toEqual(contract.operations.map((operation) => operation.operationId).sort());
  });

  describe.each(Object.entries(requests))('%s', (operationId, request) => {
    const documented = Object.keys(contract.operation(operationId).responses);

    it('documents exactly success, 400, 401 and 404', () => {
      expect(documented.sort()).toEqual([String(request.success), '400', '401', '404'].sort());
    });

    it(`a valid request gets ${request.success} with the declared body`, async () => {
      const answer = await call(mock.url, request.method, request.path, request);
      expect(answer.status).toBe(request.success);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expectDeclaredShape(operationId, request.success, answer.json);
    });

    it('no Authorization header gets 401 with no body', async () => {
      const { authorization: _, ...headers } = request.headers;
      const answer = await call(mock.url, request.method, request.path, { ...request, headers });
      expect(answer.status).toBe(401);
      expect(answer.text).toBe('');
    });

    it('a non-Bearer Authorization header gets 401 with no body', async () => {
      const headers = { ...request.headers, authorization: 'Basic dXNlcjpwYXNz' };
      const answer = await call(mock.url, request.method, request.path, { ...request, headers });
      expect(answer.status).toBe(401);
      expect(answer.text).toBe('');
    });

    it('a malformed id or query gets the 400 envelope naming the parameter (a create without one, its body)', async () => {
      const [path, body, named] = request.path.includes('instanceId')
        ? ['/v1.0/pbxs', request.body, /query parameter instanceId is required/]
        : request.path.includes(IDS.customerTenantId)
          ? [request.path.replace(IDS.customerTenantId, 'not-a-guid'), request.body, /path parameter customerTenantId must/]
          : /\/accounts\/[0-9a-f-]{36}/.test(request.path)
            ? [request.path.replace(/\/accounts\/[0-9a-f-]{36}/, '/accounts/not-a-guid'), request.body, /path parameter accountTenantId must/]
            : request.method === 'GET'
              ? [request.path.replace('pageSize=20', 'pageSize=0'), undefined, /query parameter pageSize is invalid/]
              : [request.path, {}, /body field name is required/];
      const answer = await call(mock.url, request.method, path, { ...request, body });
      expect(answer.status).toBe(400);
      expectDeclaredShape(operationId, 400, answer.json);
      expect(answer.json.message).toMatch(named);
    });

    it('Prefer: code=404 gets the 404 envelope', async () => {
      const answer = await call(mock.url, request.method, request.path, { ...request, headers: { ...request.headers, prefer: 'code=404' } });
      expect(answer.status).toBe(404);
      expectDeclaredShape(operationId, 404, answer.json);
      expect(answer.json).toMatchObject({ error: 404, message: 'Not Found', status: 'error' });
    });
  });
});

describe('answers of both profile types', () => {
  it.each([
    ['Kazoo', kazooCreate(), IDS.kazooPbxId],
    ['3CX', threeCxCreate(), IDS.threeCxPbxId],
  ])('a %s create gets 201 with a body of the sent _type and a Location that leads to the new profile', async (_, body, exampleId) => {
    const created = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
    expect(created.status).toBe(201);
    expect(created.json.data._type).toBe(body._type);
    // The twin gives the new profile an id of its own, not the example's.
    const id = created.json.data.id;
    expect(id).not.toBe(exampleId);
    expectDeclaredShape('createPbxConnectionProfile', 201, created.json);

    const location = created.headers.get('location');
    expect(location).toBe(`${mock.url}${PATHS.profile(id)}`);
    const fetched = await call('', 'GET', location!, { headers: BEARER });
    expect(fetched.status).toBe(200);
    expect(fetched.json.data).toEqual(created.json.data);
  });

  it('the list holds both documented types and an undocumented one', async () => {
    const answer = await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(answer.json.data.map((item: { _type: string }) => item._type)).toEqual(
      expect.arrayContaining(['KazooPbxConnectionProfile', 'ThreeCxConnectionProfile']),
    );
    expect(answer.json.page_size).toBe(answer.json.data.length);
  });

  it.each([
    ['KazooProfile', 'KazooPbxConnectionProfile'],
    ['ThreeCxProfile', 'ThreeCxConnectionProfile'],
    ['OtherProfile', 'ExampleUndocumentedType'],
  ])('get with Prefer: example=%s returns a %s', async (example, type) => {
    const answer = await call(mock.url, 'GET', PATHS.profile(), { headers: { ...BEARER, prefer: `example=${example}` } });
    expect(answer.status).toBe(200);
    expect(answer.json.data._type).toBe(type);
    expectDeclaredShape('getPbxConnectionProfile', 200, answer.json);
  });

  it.each([
    ['InstanceFound', true],
    ['InstanceNotFound', false],
  ])('find with Prefer: example=%s answers 200 with exists %s', async (example, exists) => {
    const answer = await call(mock.url, 'GET', PATHS.find(), { headers: { ...BEARER, prefer: `example=${example}` } });
    expect(answer.status).toBe(200);
    expect(answer.json.data.exists).toBe(exists);
  });

  it('a client that picks the create example itself gets that one, even against the sent _type', async () => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, {
      headers: { ...WRITE_HEADERS, prefer: 'example=KazooCreated' },
      body: threeCxCreate(),
    });
    expect(answer.status).toBe(201);
    expect(answer.json.data._type).toBe('KazooPbxConnectionProfile');
  });

  it('Prefer: code=201 on a 3CX create still gets the 3CX example', async () => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, prefer: 'code=201' }, body: threeCxCreate() });
    expect(answer.status).toBe(201);
    expect(answer.json.data._type).toBe('ThreeCxConnectionProfile');
  });

  it('Prefer: code=404 on a 3CX create gets the 404 envelope', async () => {
    const answer = await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, prefer: 'code=404' }, body: threeCxCreate() });
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: 404, status: 'error' });
  });

  it('Prefer: code=400 on a valid request gets the declared 400 example untouched', async () => {
    const answer = await call(mock.url, 'GET', PATHS.profiles, { headers: { ...BEARER, prefer: 'code=400' } });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe((contract.document.components.examples.InvalidTenantId!.value as { message: string }).message);
  });
});
