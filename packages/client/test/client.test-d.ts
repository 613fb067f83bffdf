// The client's public types: create narrows its result by the body's `_type`, bad bodies and patch
// operations do not compile, guards and errors narrow, and the raw openapi-fetch client keeps the
// generated per-path types.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createClient,
  isDocumentedProfile,
  isKazooProfile,
  isOtherProfile,
  isThreeCxProfile,
  PbxApiError,
  PbxNotFoundError,
  patchOperations,
  type AnyPbxConnectionProfile,
  type JsonPatchReplaceEnabled,
  type JsonPatchReplaceName,
  type KazooPbxConnectionProfile,
  type OtherPbxConnectionProfile,
  type PbxConnectionProfile,
  type PbxConnectionProfileCreate,
  type PbxConnectionProfileCreated,
  type PbxCreatedResult,
  type PbxInstanceLookup,
  type PbxResult,
  type ThreeCxConnectionProfile,
  type ThreeCxConnectionProfileCreated,
  redactSecrets,
  type paths,
  type components,
  type KazooPbxConnectionProfileCreate,
} from '@myreports/pbx-client';

const pbx = createClient({ region: 'na', token: 't', acceptCharges: true });
const customer = { accountTenantId: 'a', customerTenantId: 'c' };
const profile = { ...customer, pbxId: 'p' };
const kazoo = { _type: 'KazooPbxConnectionProfile', name: 'K', hostRest: 'https://r', hostWebsocket: 'wss://w', accountId: '1', apiKey: 'k' } as const;
const threeCx = { _type: 'ThreeCxConnectionProfile', name: 'T', licenseKey: 'l', username: 'u', password: 'p' } as const;

describe('createClient', () => {
  test('takes a region or a baseUrl, and a token or getToken, not both', () => {
    createClient({ baseUrl: 'http://127.0.0.1:4010', getToken: async () => 't' });
    // @ts-expect-error region and baseUrl together
    createClient({ region: 'na', baseUrl: 'http://127.0.0.1:4010', token: 't' });
    // @ts-expect-error not a documented region
    createClient({ region: 'us', token: 't' });
    // @ts-expect-error no credentials
    createClient({ region: 'na' });
    // @ts-expect-error token and getToken together
    createClient({ region: 'na', token: 't', getToken: () => 't' });
  });
});

describe('methods', () => {
  test('list and get return profiles of any type; find returns the lookup', () => {
    expectTypeOf(pbx.profiles.list(customer)).resolves.toEqualTypeOf<PbxResult<AnyPbxConnectionProfile[]>>();
    expectTypeOf(pbx.profiles.get(profile)).resolves.toEqualTypeOf<PbxResult<AnyPbxConnectionProfile>>();
    expectTypeOf(pbx.profiles.findByInstance('12345')).resolves.toEqualTypeOf<PbxResult<PbxInstanceLookup>>();
    expectTypeOf(pbx.profiles.delete(profile)).resolves.toEqualTypeOf<PbxResult<undefined>>();
  });

  test('create narrows the result to the type of the body', () => {
    expectTypeOf(pbx.profiles.create(customer, kazoo)).resolves.toEqualTypeOf<PbxCreatedResult<KazooPbxConnectionProfile>>();
    expectTypeOf(pbx.profiles.create(customer, threeCx)).resolves.toEqualTypeOf<PbxCreatedResult<ThreeCxConnectionProfileCreated>>();
    const either = kazoo as PbxConnectionProfileCreate;
    expectTypeOf(pbx.profiles.create(customer, either)).resolves.toEqualTypeOf<PbxCreatedResult<PbxConnectionProfileCreated>>();
    expectTypeOf<PbxCreatedResult<KazooPbxConnectionProfile>['id']>().toBeString();
    // The vendor's 3CX answer has no id: the result's id (from Location) is the one to read.
    expectTypeOf<PbxCreatedResult<ThreeCxConnectionProfileCreated>['id']>().toBeString();
    expectTypeOf<ThreeCxConnectionProfileCreated['id']>().toEqualTypeOf<string | undefined>();
  });

  test('create refuses bodies the API refuses', () => {
    // @ts-expect-error an undocumented _type
    pbx.profiles.create(customer, { ...threeCx, _type: 'ExampleUndocumentedType' });
    // @ts-expect-error Kazoo fields under the 3CX _type
    pbx.profiles.create(customer, { ...kazoo, _type: 'ThreeCxConnectionProfile' });
    // @ts-expect-error a server-set field
    pbx.profiles.create(customer, { ...kazoo, id: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7' });
    // @ts-expect-error a missing required field
    pbx.profiles.create(customer, { _type: 'ThreeCxConnectionProfile', name: 'T', licenseKey: 'l', username: 'u' });
    // @ts-expect-error the path ids are required
    pbx.profiles.create({ accountTenantId: 'a' }, kazoo);
  });

  test('patch takes only the documented operations', () => {
    pbx.profiles.patch(profile, [{ op: 'replace', path: '/name', value: 'New' }, { op: 'replace', path: '/enabled', value: 'true' }]);
    pbx.profiles.patch(profile, [{ op: 'replace', path: '/apiKey', value: 'rotated' }, { op: 'replace', path: '/monitorSubAccounts', value: true }]);
    // @ts-expect-error server-set fields cannot be replaced
    pbx.profiles.patch(profile, [{ op: 'replace', path: '/id', value: 'x' }]);
    // @ts-expect-error a setting takes its own type
    pbx.profiles.patch(profile, [{ op: 'replace', path: '/monitorSubAccounts', value: 'x' }]);
    // @ts-expect-error /enabled takes a boolean or "true"/"false"
    pbx.profiles.patch(profile, [{ op: 'replace', path: '/enabled', value: 'yes' }]);
    // @ts-expect-error only replace
    pbx.profiles.patch(profile, [{ op: 'remove', path: '/name' }]);
    // @ts-expect-error the profile id is required
    pbx.profiles.rename(customer, 'New');
  });

  test('per-call options on every method', () => {
    const call = { signal: AbortSignal.timeout(1000), timeoutMs: 500, retries: 0, headers: { prefer: 'code=404', traceparent: '00-1-2-01' } };
    pbx.profiles.list(customer, call);
    pbx.profiles.get(profile, call);
    pbx.profiles.create(customer, kazoo, { ...call, acceptCharges: true });
    pbx.profiles.patch(profile, [], call);
    pbx.profiles.rename(profile, 'New', call);
    pbx.profiles.enable(profile, { ...call, acceptCharges: true });
    pbx.profiles.disable(profile, call);
    pbx.profiles.delete(profile, call);
    pbx.profiles.findByInstance('1', call);
    // @ts-expect-error header values are strings
    pbx.profiles.list(customer, { headers: { prefer: 404 } });
    // @ts-expect-error acceptCharges is for create and patch only
    pbx.profiles.list(customer, { acceptCharges: true });
  });
});

describe('patchOperations', () => {
  test('each builder is typed to its own operation, and they combine into one patch', () => {
    expectTypeOf(patchOperations.rename('New')).toEqualTypeOf<JsonPatchReplaceName>();
    expectTypeOf(patchOperations.enable()).toEqualTypeOf<JsonPatchReplaceEnabled>();
    expectTypeOf(patchOperations.disable()).toEqualTypeOf<JsonPatchReplaceEnabled>();
    expectTypeOf(patchOperations.rename('New').value).toBeString();
    // @ts-expect-error a rename is not an operation on /enabled
    const enabled: JsonPatchReplaceEnabled = patchOperations.rename('New');
    expectTypeOf(enabled).not.toBeAny();
    pbx.profiles.patch(profile, [patchOperations.rename('New'), patchOperations.enable()]);
  });
});

describe('narrowing', () => {
  test('the guards narrow list and get results; switch (p._type) then narrows a documented one', async () => {
    const summary = (p: AnyPbxConnectionProfile): string => {
      if (isOtherProfile(p)) {
        expectTypeOf(p).toEqualTypeOf<OtherPbxConnectionProfile>();
        // The one undocumented type people know of: comparing with any string compiles.
        if (p._type === 'TeamsConnectionProfile') return 'Teams';
        return `${p._type} ${p._type.toLowerCase()}`;
      }
      switch (p._type) {
        case 'KazooPbxConnectionProfile':
          expectTypeOf(p).toEqualTypeOf<KazooPbxConnectionProfile>();
          return p.accountId ?? '';
        case 'ThreeCxConnectionProfile':
          expectTypeOf(p).toEqualTypeOf<ThreeCxConnectionProfile>();
          return p.licenseKey ?? '';
        default:
          expectTypeOf(p).toBeNever();
          return p;
      }
    };
    const [first] = (await pbx.profiles.list(customer)).data;
    if (first) summary(first);
    const { data } = await pbx.profiles.get(profile);
    if (isKazooProfile(data)) expectTypeOf(data.hostRest).toEqualTypeOf<string | undefined>();
    // @ts-expect-error without narrowing, a Kazoo field is not there
    data.accountId;
    // @ts-expect-error nor after comparing _type alone: an undocumented type's _type is any string
    if (data._type === 'KazooPbxConnectionProfile') data.accountId;
    if (isDocumentedProfile(data)) expectTypeOf(data._type).toEqualTypeOf<'KazooPbxConnectionProfile' | 'ThreeCxConnectionProfile'>();
    else expectTypeOf(data).toEqualTypeOf<OtherPbxConnectionProfile>();
  });

  test('results are plain data types; the id types come from the spec', () => {
    expectTypeOf<PbxResult<AnyPbxConnectionProfile>['data']>().toEqualTypeOf<AnyPbxConnectionProfile>();
    expectTypeOf<Parameters<typeof pbx.profiles.get>[0]>().toEqualTypeOf<
      | paths['/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}']['parameters']['path']
      | paths['/v1.0/customers/{customerTenantId}/pbxs/{pbxId}']['parameters']['path']
    >();
    expectTypeOf(redactSecrets({ apiKey: 'k' })).toEqualTypeOf<{ apiKey: string }>();
  });

  test('guards narrow a profile of any type', () => {
    const narrow = (p: AnyPbxConnectionProfile) => {
      if (isKazooProfile(p)) expectTypeOf(p).toEqualTypeOf<KazooPbxConnectionProfile>();
      else if (isThreeCxProfile(p)) expectTypeOf(p).toEqualTypeOf<ThreeCxConnectionProfile>();
      else expectTypeOf(p).toEqualTypeOf<OtherPbxConnectionProfile>();
      if (!isOtherProfile(p)) expectTypeOf(p).toEqualTypeOf<KazooPbxConnectionProfile | ThreeCxConnectionProfile>();
    };
    expectTypeOf(narrow).toBeFunction();
  });

  test('errors narrow by class and by status', () => {
    const handle = (error: unknown) => {
      if (error instanceof PbxNotFoundError) expectTypeOf(error.status).toEqualTypeOf<404>();
      if (error instanceof PbxApiError) {
        expectTypeOf(error.status).toBeNumber();
        expectTypeOf(error.response).toEqualTypeOf<Response>();
        expectTypeOf(error.apiMessage).toEqualTypeOf<string | undefined>();
      }
    };
    expectTypeOf(handle).toBeFunction();
  });
});

describe('raw', () => {
  test('is openapi-fetch with the generated paths', async () => {
    const { data } = await pbx.raw.GET('/v1.0/pbxs', { params: { query: { instanceId: '1' } } });
    expectTypeOf(data?.data).toEqualTypeOf<PbxInstanceLookup | undefined>();
    // @ts-expect-error create needs accept-charges through raw
    pbx.raw.POST('/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs', { params: { path: customer }, body: kazoo });
  });
});

describe('resource groups', () => {
  const accountIds = { accountTenantId: 'a' };
  const customerIds = { ...accountIds, customerTenantId: 'c' };

  test('each group types its ids, bodies and answers from the spec', async () => {
    expectTypeOf((await pbx.accounts.create({ name: 'A' })).id).toEqualTypeOf<string>();
    expectTypeOf((await pbx.customers.get(customerIds)).data).toEqualTypeOf<components['schemas']['Customer']>();
    expectTypeOf((await pbx.customers.list(accountIds, { filter: 'acme', pageIndex: 1 })).data).toEqualTypeOf<components['schemas']['CustomerSummary'][]>();
    expectTypeOf((await pbx.accounts.metrics(accountIds)).data).toEqualTypeOf<components['schemas']['AccountMetrics']>();
    expectTypeOf((await pbx.users.get({ ...customerIds, userId: 'u' })).data.roles).toEqualTypeOf<components['schemas']['CustomerUserRole'][] | undefined>();
    // @ts-expect-error a customer's list needs its account
    pbx.customers.list({});
    // @ts-expect-error an unknown query parameter
    pbx.customers.list(accountIds, { page: 2 });
    // @ts-expect-error a role the spec does not list
    pbx.users.addRole({ ...customerIds, userId: 'u' }, 'customer.user.admin');
    // @ts-expect-error a user has no enabled flag
    pbx.users.enable;
  });

  test('the pagers yield typed items', async () => {
    for await (const c of pbx.customers.all(accountIds, { filter: 'acme', pageSize: 50, limit: 10 })) expectTypeOf(c).toEqualTypeOf<components['schemas']['CustomerSummary']>();
    for await (const a of pbx.accounts.all()) expectTypeOf(a).toEqualTypeOf<components['schemas']['Account']>();
  });

  test('the safe create narrows on created', async () => {
    const outcome = await pbx.profiles.createIfNotConnected(customerIds, { _type: 'KazooPbxConnectionProfile', name: 'K', hostRest: 'h', apiKey: 'k', accountId: 'x' } as KazooPbxConnectionProfileCreate);
    if (outcome.created) expectTypeOf(outcome.id).toEqualTypeOf<string>();
    else expectTypeOf(outcome.data.exists).toEqualTypeOf<true>();
  });
});

