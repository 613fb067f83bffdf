// Every method against the real Prism mock over HTTP: both profile types, the 201 with Location,
// and the documented 400, 401 and 404. The mock serves the spec's examples, so the expected values
// come from the spec through the shared fixtures.
import { beforeAll, describe, expect, inject, test } from 'vitest';
import {
  createClient,
  isKazooProfile,
  isOtherProfile,
  isThreeCxProfile,
  PbxAuthenticationError,
  PbxBadRequestError,
  PbxNotFoundError,
  type PbxClient,
} from '@myreports/pbx-client';
import { exampleValue, invalidCreateBodies, invalidPatchBodies, kazooCreate, loadBundledSpec, threeCxCreate, validPatchBodies } from '@myreports/pbx-fixtures';
import { customer, kazooProfile, threeCxProfile } from './support/ids.js';

const spec = loadBundledSpec();
const example = <T>(name: string) => exampleValue<{ data: T; timestamp: string }>(spec, name);

let pbx: PbxClient;
let baseUrl: string;

/** A client whose requests carry Prism's `Prefer` header, to pick a documented answer. */
const preferring = (prefer: string) =>
  createClient({ baseUrl, token: 'mock-token', acceptCharges: true, fetch: (request, init) => (request.headers.set('prefer', prefer), fetch(request, init)) });

beforeAll(() => {
  baseUrl = inject('mockUrl');
  pbx = createClient({ baseUrl, token: 'mock-token', acceptCharges: true });
});

describe('list', () => {
  test('returns the profiles unwrapped, with the envelope timestamp', async () => {
    const expected = example<unknown[]>('ProfileList');
    const result = await pbx.profiles.list(customer);
    expect(result.data).toEqual(expected.data);
    expect(result.timestamp).toBe(expected.timestamp);
    expect(result.response.status).toBe(200);
  });

  test('its items narrow with the guards, the profile of an undocumented type included', async () => {
    const { data } = await pbx.profiles.list(customer);
    expect(data.filter(isKazooProfile).map((profile) => profile.name)).toEqual(['Customers Kazoo Pbx']);
    expect(data.filter(isThreeCxProfile).map((profile) => profile.name)).toEqual(['3CX Connection']);
    expect(data.filter(isOtherProfile).map((profile) => profile._type)).toEqual(['ExampleUndocumentedType']);
  });
});

describe('get', () => {
  test.each([
    ['a Kazoo profile', 'KazooProfile', kazooProfile],
    ['a 3CX profile', 'ThreeCxProfile', threeCxProfile],
    ['a profile of an undocumented type', 'OtherProfile', kazooProfile],
  ])('returns %s', async (_, name, ids) => {
    const expected = example<unknown>(name);
    const { data, timestamp } = await preferring(`example=${name}`).get(ids);
    expect(data).toEqual(expected.data);
    expect(timestamp).toBe(expected.timestamp);
  });
});

describe('create', () => {
  test.each([
    ['Kazoo', kazooCreate, 'KazooCreated'],
    ['3CX', threeCxCreate, 'ThreeCxCreated'],
  ])('a %s profile: 201, the new profile, and its id from Location', async (_, body, name) => {
    const expected = example<{ id?: string; _type: string }>(name);
    const result = await pbx.profiles.create(customer, body() as never);
    expect(result.response.status).toBe(201);
    expect(result.data).toEqual(expected.data);
    expect(result.data._type).toBe(body()._type);
    const id = /\/pbxs\/([0-9a-f-]{36})$/.exec(result.location)?.[1];
    expect(id).toBeDefined();
    expect(result.location).toMatch(new RegExp(`/v1\\.0/accounts/${customer.accountTenantId}/customers/${customer.customerTenantId}/pbxs/${id}$`));
    expect(result.id).toBe(id);
    // The vendor's 3CX answer has no id: the result's id is Location's, also then.
    if (expected.data.id !== undefined) expect(result.id).toBe(expected.data.id);
    else expect(result.data).not.toHaveProperty('id');
  });

  test.each(invalidCreateBodies.filter((row) => row.value !== null && !Array.isArray(row.value)))(
    'rejects $name with PbxBadRequestError naming $field',
    async ({ value, field }) => {
      const error = await pbx.profiles.create(customer, value as never).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PbxBadRequestError);
      expect((error as PbxBadRequestError).apiMessage).toContain(field.replace(/^\d+\//, ''));
    },
  );
});

describe('patch', () => {
  test.each(validPatchBodies)('$name', async ({ value }) => {
    const result = await pbx.profiles.patch(kazooProfile, value as never);
    expect(result.data).toBeUndefined();
    expect(result.timestamp).toBe(example<undefined>('ProfilePatched').timestamp);
  });

  test('rename, enable and disable', async () => {
    for (const call of [pbx.profiles.rename(kazooProfile, 'Head office'), pbx.profiles.enable(kazooProfile), pbx.profiles.disable(kazooProfile)]) {
      await expect(call).resolves.toMatchObject({ data: undefined, timestamp: example<undefined>('ProfilePatched').timestamp });
    }
  });

  test.each(invalidPatchBodies.filter((row) => Array.isArray(row.value) && row.value.length > 0))(
    'rejects $name with PbxBadRequestError',
    async ({ value }) => {
      await expect(pbx.profiles.patch(kazooProfile, value as never)).rejects.toBeInstanceOf(PbxBadRequestError);
    },
  );
});

describe('delete', () => {
  test('answers the no-data envelope', async () => {
    const result = await pbx.profiles.delete(threeCxProfile);
    expect(result).toMatchObject({ data: undefined, timestamp: example<undefined>('ProfileDeleted').timestamp });
  });
});

describe('findByInstance', () => {
  test.each([['InstanceFound'], ['InstanceNotFound']])('%s', async (name) => {
    const expected = example<{ exists: boolean }>(name);
    const { data } = await preferring(`example=${name}`).findByInstance(name === 'InstanceFound' ? '12345' : 'licenseKey-unknown');
    expect(data).toEqual(expected.data);
  });

  test('an empty instanceId is a 400 naming it', async () => {
    const error = await pbx.profiles.findByInstance('').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxBadRequestError);
    expect((error as PbxBadRequestError).apiMessage).toContain('instanceId');
  });
});

describe('documented errors', () => {
  test('400: an id that is not a GUID', async () => {
    const error = await pbx.profiles.get({ ...kazooProfile, pbxId: 'not-a-guid' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxBadRequestError);
    expect(error).toMatchObject({ status: 400, method: 'GET', timestamp: expect.stringMatching(/Z$/) });
    expect((error as PbxBadRequestError).apiMessage).toContain('pbxId');
  });

  test('401: a request without the bearer token', async () => {
    const anonymous = createClient({ baseUrl, token: 'unused', fetch: (request, init) => (request.headers.delete('authorization'), fetch(request, init)) });
    const error = await anonymous.list(customer).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxAuthenticationError);
    expect((error as PbxAuthenticationError).response.status).toBe(401);
  });

  test('404: no such profile', async () => {
    const error = await preferring('code=404').get(kazooProfile).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PbxNotFoundError);
    expect(error).toMatchObject({ status: 404, apiMessage: 'Not Found' });
  });

  test('the raw openapi-fetch client reaches what the methods guard against: a create without accept-charges is a 400', async () => {
    const { error, response } = await pbx.raw.POST('/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs', {
      params: { path: customer, header: {} as never },
      body: kazooCreate() as never,
    });
    expect(response.status).toBe(400);
    expect(error?.message).toContain('accept-charges');
  });
});
