// The client on the mock with no port: createMockFetch() as the client's fetch.
import { expect, test } from 'vitest';
import { createClient, PbxBadRequestError } from '@myreports/pbx-client';
import { IDS, kazooCreate } from '@myreports/pbx-fixtures';
import { createMockFetch } from '@myreports/pbx-mock';

test('create, get and a refusal, through createMockFetch', async () => {
  const mockFetch = await createMockFetch();
  const pbx = createClient({ baseUrl: 'https://api.test', token: 'any', acceptCharges: true, fetch: mockFetch });
  const customer = { accountTenantId: IDS.accountTenantId, customerTenantId: IDS.customerTenantId };
  const created = await pbx.profiles.create(customer, { ...kazooCreate(), name: 'In process' } as never);
  expect(created.location).toBe(`https://api.test/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs/${created.id}`);
  expect((await pbx.profiles.get({ ...customer, pbxId: created.id })).data.name).toBe('In process');
  await expect(pbx.profiles.get({ ...customer, pbxId: 'not-a-guid' })).rejects.toBeInstanceOf(PbxBadRequestError);
  expect(mockFetch.requests({ operationId: 'createPbxConnectionProfile' })).toHaveLength(1);
});
