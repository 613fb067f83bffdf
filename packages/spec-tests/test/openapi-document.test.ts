import { Validator } from '@seriousme/openapi-schema-validator';
import { loadBundledSpec, listOperations } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';

describe('the bundled document', () => {
  it('validates against the official OpenAPI 3.1 schema', async () => {
    const result = await new Validator().validate(loadBundledSpec());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is rejected by the same validator when it breaks the OpenAPI schema', async () => {
    const broken = loadBundledSpec() as Record<string, unknown>;
    delete broken['info'];
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('keeps every reference internal', () => {
    const refs = JSON.stringify(loadBundledSpec()).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('"$ref":"#/'))).toEqual([]);
  });

  it('has the operations of the API, each with a camelCase operationId and a summary', () => {
    const operations = listOperations(loadBundledSpec()).map(({ method, path, operationId }) => [
      `${method} ${path}`,
      operationId,
    ]);
    expect(operations).toEqual([
      ['GET /v1.0/accounts', 'listAccounts'],
      ['POST /v1.0/accounts', 'createAccount'],
      ['GET /v1.0/accounts/{accountTenantId}', 'getAccount'],
      ['DELETE /v1.0/accounts/{accountTenantId}', 'deleteAccount'],
      ['PATCH /v1.0/accounts/{accountTenantId}', 'patchAccount'],
      ['GET /v1.0/accounts/{accountTenantId}/metrics', 'getAccountMetrics'],
      ['GET /v1.0/accounts/{accountTenantId}/customers', 'listCustomers'],
      ['POST /v1.0/accounts/{accountTenantId}/customers', 'createCustomer'],
      ['GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}', 'getCustomer'],
      ['DELETE /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}', 'deleteCustomer'],
      ['PATCH /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}', 'patchCustomer'],
      ['GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users', 'listCustomerUsers'],
      ['POST /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users', 'createCustomerUser'],
      ['GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId}', 'getCustomerUser'],
      ['DELETE /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId}', 'deleteCustomerUser'],
      ['PATCH /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/users/{userId}', 'patchCustomerUser'],
      ['GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs', 'listPbxConnectionProfiles'],
      ['POST /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs', 'createPbxConnectionProfile'],
      ['GET /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}', 'getPbxConnectionProfile'],
      ['DELETE /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}', 'deletePbxConnectionProfile'],
      ['PATCH /v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}', 'patchPbxConnectionProfile'],
      ['GET /v1.0/customers/{customerTenantId}/pbxs', 'listResellerPbxConnectionProfiles'],
      ['POST /v1.0/customers/{customerTenantId}/pbxs', 'createResellerPbxConnectionProfile'],
      ['GET /v1.0/customers/{customerTenantId}/pbxs/{pbxId}', 'getResellerPbxConnectionProfile'],
      ['DELETE /v1.0/customers/{customerTenantId}/pbxs/{pbxId}', 'deleteResellerPbxConnectionProfile'],
      ['PATCH /v1.0/customers/{customerTenantId}/pbxs/{pbxId}', 'patchResellerPbxConnectionProfile'],
      ['GET /v1.0/pbxs', 'findPbxConnectionProfileByInstance'],
    ]);
  });

  it('offers the four regions as its only server: the local mock is not part of the published API', () => {
    const servers = loadBundledSpec()['servers'] as {
      url: string;
      variables?: { region: { enum: string[]; default: string } };
    }[];
    expect(servers.map((server) => server.url)).toEqual(['https://api.{region}.myreports.cloud/api']);
    expect(servers[0]?.variables?.region).toMatchObject({ enum: ['au', 'eu', 'na', 'uk'], default: 'na' });
  });
});
