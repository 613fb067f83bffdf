import { describe, expect, it } from 'vitest';
import { type OpenApiDocument, listOperations, loadContract } from '../src/index.js';

const contract = loadContract();
const PROFILES = '/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs';

describe('listOperations', () => {
  it('lists every operation, path by path in the document\'s order, method upper case', () => {
    expect(contract.operations.map(({ method, path, operationId }) => `${method} ${path} ${operationId}`)).toEqual([
      'GET /v1.0/accounts listAccounts',
      'POST /v1.0/accounts createAccount',
      'GET /v1.0/accounts/{accountTenantId} getAccount',
      'DELETE /v1.0/accounts/{accountTenantId} deleteAccount',
      'PATCH /v1.0/accounts/{accountTenantId} patchAccount',
      'GET /v1.0/accounts/{accountTenantId}/metrics getAccountMetrics',
      'GET /v1.0/accounts/{accountTenantId}/customers listCustomers',
      'POST /v1.0/accounts/{accountTenantId}/customers createCustomer',
      'GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId} getCustomer',
      'DELETE /v1.0/accounts/{accountTenantId}/customers/{customerTenantId} deleteCustomer',
      'PATCH /v1.0/accounts/{accountTenantId}/customers/{customerTenantId} patchCustomer',
      'GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users listCustomerUsers',
      'POST /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users createCustomerUser',
      'GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId} getCustomerUser',
      'DELETE /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId} deleteCustomerUser',
      'PATCH /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId} patchCustomerUser',
      'GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs listPbxConnectionProfiles',
      'POST /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs createPbxConnectionProfile',
      'GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId} getPbxConnectionProfile',
      'DELETE /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId} deletePbxConnectionProfile',
      'PATCH /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId} patchPbxConnectionProfile',
      'GET /v1.0/customers/{customerTenantId}/pbxs listResellerPbxConnectionProfiles',
      'POST /v1.0/customers/{customerTenantId}/pbxs createResellerPbxConnectionProfile',
      'GET /v1.0/customers/{customerTenantId}/pbxs/{pbxId} getResellerPbxConnectionProfile',
      'DELETE /v1.0/customers/{customerTenantId}/pbxs/{pbxId} deleteResellerPbxConnectionProfile',
      'PATCH /v1.0/customers/{customerTenantId}/pbxs/{pbxId} patchResellerPbxConnectionProfile',
      'GET /v1.0/pbxs findPbxConnectionProfileByInstance',
    ]);
  });

  it('resolves path-level then operation-level parameters, with their examples', () => {
    expect(contract.operation('createPbxConnectionProfile').parameters.map(({ name, in: where, required, example }) => [name, where, required, example])).toEqual([
      ['accountTenantId', 'path', true, '6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f'],
      ['customerTenantId', 'path', true, expect.any(String)],
      ['accept-charges', 'header', true, 'true'],
    ]);
  });

  it('gives request and response bodies by media type, with their named examples resolved', () => {
    const create = contract.operation('createPbxConnectionProfile');
    expect(create.requestMediaTypes).toEqual(['application/json']);
    expect(create.request['application/json']?.examples.map(({ name, summary }) => [name, summary])).toEqual([
      ['KazooCreateRequest', 'Create a Kazoo profile'],
      ['ThreeCxCreateRequest', 'Create a 3CX profile'],
    ]);
    expect(create.request['application/json']?.examples[0]?.value).toMatchObject({ _type: 'KazooPbxConnectionProfile' });
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '404']);
    expect(create.responses['401']).toEqual({});
    expect(contract.operation('getPbxConnectionProfile').requestMediaTypes).toEqual([]);
  });

  const tiny = (paths: unknown): OpenApiDocument => ({ openapi: '3.1.0', paths, components: { schemas: {}, examples: {} } }) as OpenApiDocument;
  it.each([
    ['no paths', tiny(undefined), []],
    ['a path item by reference', { ...tiny({ '/a': { $ref: '#/x' } }), x: { get: { operationId: 'a', responses: {} } } }, ['GET /a a']],
    ['a dangling parameter reference and no responses', tiny({ '/b': { post: { operationId: 'b', parameters: [{ $ref: '#/nowhere' }] } } }), ['POST /b b']],
  ])('reads a document with %s without throwing', (_, document, want) => {
    expect(listOperations(document as OpenApiDocument).map(({ method, path, operationId }) => `${method} ${path} ${operationId}`)).toEqual(want);
  });
});

describe('route', () => {
  it.each([
    ['POST', PROFILES, { kind: 'operation', operation: { operationId: 'createPbxConnectionProfile' } }],
    ['post', PROFILES, { kind: 'operation', operation: { operationId: 'createPbxConnectionProfile' } }],
    ['GET', `${PROFILES}/x%2Fy`, { kind: 'operation', pathParams: { pbxId: 'x/y' } }],
    ['GET', `${PROFILES}/%E0%A4%A`, { kind: 'operation', pathParams: { pbxId: '%E0%A4%A' } }],
    ['GET', '/v1.0/pbxs', { kind: 'operation', operation: { operationId: 'findPbxConnectionProfileByInstance' } }],
    ['PUT', PROFILES, { kind: 'method-not-allowed', allow: ['GET', 'POST'] }],
    ['GET', '/v1.0/nothing', { kind: 'no-path' }],
    ['GET', `${PROFILES}/`, { kind: 'no-path' }],
  ])('%s %s', (method, path, want) => {
    expect(contract.route(method, path)).toMatchObject(want);
  });
});

describe('operation', () => {
  it('finds an operation by its id and refuses an unknown one', () => {
    expect(contract.operation('getPbxConnectionProfile').method).toBe('GET');
    expect(() => contract.operation('getPbx')).toThrow('The spec has no operation getPbx.');
  });
});
