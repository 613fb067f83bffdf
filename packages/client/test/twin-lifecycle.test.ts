// The client against the mock's stateful twin (its default): what the client creates is there when
// it reads it back, through every method, for both profile types.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient, isKazooProfile, isThreeCxProfile, PbxNotFoundError, type PbxClient } from '@myreports/pbx-client';
import { IDS, kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { type RunningMock, startMock } from '@myreports/pbx-mock';

// A customer of its own, so the seeded example profiles stay out of the way.
const customer = { accountTenantId: IDS.accountTenantId, customerTenantId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
let mock: RunningMock;
let pbx: PbxClient;

beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
  pbx = createClient({ baseUrl: mock.url, token: 'mock-token', acceptCharges: true });
});
afterAll(() => mock?.stop());

test('create both types → get → list → rename → enable → find by instance → delete → not found', async () => {
  const kazooSent = { ...kazooCreate(), name: 'My Office', countryCode: 'GB', accountId: 'client-lifecycle' } as const;
  const threeCxSent = { ...threeCxCreate(), licenseKey: 'client-lifecycle-licence' } as const;

  const kazoo = await pbx.profiles.create(customer, kazooSent as never);
  expect(kazoo.response.status).toBe(201);
  expect(kazoo.data).toEqual({ ...kazooSent, id: kazoo.id, tenantId: customer.customerTenantId, enabled: false });
  expect(kazoo.location).toBe(`${mock.url}/v1.0/accounts/${customer.accountTenantId}/customers/${customer.customerTenantId}/pbxs/${kazoo.id}`);
  const threeCx = await pbx.profiles.create(customer, threeCxSent as never);
  expect(threeCx.data).toEqual({ ...threeCxSent, id: threeCx.id, tenantId: customer.customerTenantId, countryCode: 'US', enabled: false });
  expect(threeCx.id).not.toBe(kazoo.id);

  const kazooIds = { ...customer, pbxId: kazoo.id };
  expect((await pbx.profiles.get(kazooIds)).data).toEqual(kazoo.data);

  const { data: listed } = await pbx.profiles.list(customer);
  expect(listed.filter(isKazooProfile).map((profile) => profile.id)).toEqual([kazoo.id]);
  expect(listed.filter(isThreeCxProfile).map((profile) => profile.id)).toEqual([threeCx.id]);

  await pbx.profiles.rename(kazooIds, 'Head office');
  await pbx.profiles.enable(kazooIds);
  expect((await pbx.profiles.get(kazooIds)).data).toMatchObject({ name: 'Head office', enabled: true, accountId: 'client-lifecycle' });

  expect((await pbx.profiles.findByInstance('client-lifecycle')).data).toEqual({ exists: true, instanceId: 'client-lifecycle', id: kazoo.id, tenantId: customer.customerTenantId });
  expect((await pbx.profiles.findByInstance('client-lifecycle-licence')).data).toMatchObject({ exists: true, id: threeCx.id });

  await pbx.profiles.delete(kazooIds);
  await expect(pbx.profiles.get(kazooIds)).rejects.toBeInstanceOf(PbxNotFoundError);
  await expect(pbx.profiles.rename(kazooIds, 'Gone')).rejects.toBeInstanceOf(PbxNotFoundError);
  await expect(pbx.profiles.delete(kazooIds)).rejects.toBeInstanceOf(PbxNotFoundError);
  expect((await pbx.profiles.findByInstance('client-lifecycle')).data).toEqual({ exists: false, instanceId: 'client-lifecycle' });
  expect((await pbx.profiles.list(customer)).data.map((profile) => profile.id)).toEqual([threeCx.id]);
});

test('reset brings back the seed between tests', async () => {
  await pbx.profiles.delete({ ...customer, customerTenantId: IDS.customerTenantId, pbxId: IDS.kazooPbxId });
  await mock.reset();
  expect((await pbx.profiles.get({ ...customer, customerTenantId: IDS.customerTenantId, pbxId: IDS.kazooPbxId })).data.id).toBe(IDS.kazooPbxId);
  expect((await pbx.profiles.list(customer)).data).toEqual([]);
});
