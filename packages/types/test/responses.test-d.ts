// Pins the generated response types: documented profiles narrow on `_type`; undocumented ones are a
// usable shape with the common fields; envelopes are compositions that keep `data` typed.
import { describe, expectTypeOf, test } from 'vitest';
import type {
  SchemaAnyPbxConnectionProfile as AnyProfile,
  SchemaErrorEnvelope as ErrorEnvelope,
  SchemaKazooPbxConnectionProfile as Kazoo,
  SchemaOtherPbxConnectionProfile as Other,
  SchemaPbxConnectionProfile as DocumentedProfile,
  SchemaPbxConnectionProfileCreated as CreatedProfile,
  SchemaPbxConnectionProfileCreatedEnvelope as CreatedEnvelope,
  SchemaPbxConnectionProfileItemEnvelope as ItemEnvelope,
  SchemaPbxConnectionProfileListEnvelope as ListEnvelope,
  SchemaPbxInstanceLookup as InstanceLookup,
  SchemaSuccessEnvelope as SuccessEnvelope,
  SchemaThreeCxConnectionProfile as ThreeCx,
  SchemaJsonPatch as JsonPatch,
  paths,
} from '@myreports/pbx-types';

describe('profiles in responses', () => {
  test('no variant collapsed to never', () => {
    expectTypeOf<Kazoo>().not.toBeNever();
    expectTypeOf<ThreeCx>().not.toBeNever();
    expectTypeOf<Other>().not.toBeNever();
    expectTypeOf<Extract<DocumentedProfile, { _type: 'ThreeCxConnectionProfile' }>>().not.toBeNever();
  });

  test('a documented profile narrows on _type', () => {
    const narrow = (profile: DocumentedProfile) => {
      if (profile._type === 'ThreeCxConnectionProfile') {
        expectTypeOf(profile).toEqualTypeOf<ThreeCx>();
        expectTypeOf(profile.licenseKey).toEqualTypeOf<string | undefined>();
        // @ts-expect-error a 3CX profile has no Kazoo apiKey
        expectTypeOf(profile.apiKey).toBeUnknown();
      } else {
        expectTypeOf(profile).toEqualTypeOf<Kazoo>();
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });

  test('server-set fields are required in responses, settings are optional (list and get may omit them)', () => {
    expectTypeOf<Kazoo['id']>().toBeString();
    expectTypeOf<Kazoo['tenantId']>().toBeString();
    expectTypeOf<Kazoo['apiKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ThreeCx['password']>().toEqualTypeOf<string | undefined>();
  });

  test('an undocumented _type is a string with the common fields', () => {
    expectTypeOf<Other['_type']>().toBeString();
    expectTypeOf<Other>().toHaveProperty('name');
    expectTypeOf<Other>().toHaveProperty('tenantId');
    expectTypeOf<AnyProfile>().toEqualTypeOf<Kazoo | ThreeCx | Other>();
  });
});

describe('envelopes', () => {
  test('list, get and create keep data typed', () => {
    expectTypeOf<ListEnvelope['data']>().toEqualTypeOf<AnyProfile[]>();
    expectTypeOf<ListEnvelope['page_size']>().toBeNumber();
    expectTypeOf<ItemEnvelope['data']>().toEqualTypeOf<AnyProfile>();
    expectTypeOf<CreatedEnvelope['data']>().toEqualTypeOf<CreatedProfile>();
    // The vendor's 3CX create answer has no id; its Kazoo one has.
    expectTypeOf<Extract<CreatedProfile, { _type: 'ThreeCxConnectionProfile' }>['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Extract<CreatedProfile, { _type: 'KazooPbxConnectionProfile' }>['id']>().toEqualTypeOf<string>();
    expectTypeOf<SuccessEnvelope['status']>().toEqualTypeOf<'success'>();
    expectTypeOf<ErrorEnvelope['status']>().toEqualTypeOf<'error'>();
  });

  test('find by instance narrows on exists', () => {
    const narrow = (lookup: InstanceLookup) => {
      if (lookup.exists) expectTypeOf(lookup.id).toBeString();
      // @ts-expect-error a lookup that found nothing has no id
      else expectTypeOf(lookup.id).toBeString();
    };
    expectTypeOf(narrow).toBeFunction();
  });
});

describe('operations', () => {
  type Pbxs = paths['/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs'];
  type Pbx = paths['/v1.0/accounts/{accountTenantId}/customers/{customerTenantId}/pbxs/{pbxId}'];

  test('path parameters are camelCase and accept-charges is required on create and patch', () => {
    expectTypeOf<Pbx['parameters']['path']>().toEqualTypeOf<{ accountTenantId: string; customerTenantId: string; pbxId: string }>();
    expectTypeOf<Pbxs['post']['parameters']['header']>().toEqualTypeOf<{ 'accept-charges': 'true' }>();
    expectTypeOf<Pbx['patch']['parameters']['header']>().toEqualTypeOf<{ 'accept-charges': 'true' }>();
    expectTypeOf<paths['/v1.0/pbxs']['get']['parameters']['query']>().toEqualTypeOf<{ instanceId: string }>();
  });

  test('a patch replaces fields a create takes and /enabled (a boolean, or "true"/"false"), each with its own type', () => {
    const rename: JsonPatch = [{ op: 'replace', path: '/name', value: 'x' }];
    const enable: JsonPatch = [{ op: 'replace', path: '/enabled', value: 'true' }, { op: 'replace', path: '/enabled', value: false }];
    expectTypeOf([rename, enable]).toBeArray();
    // @ts-expect-error only replace
    const add: JsonPatch = [{ op: 'add', path: '/name', value: 'x' }];
    const apiKey: JsonPatch = [{ op: 'replace', path: '/apiKey', value: 'x' }];
    // @ts-expect-error server-set fields cannot be patched
    const id: JsonPatch = [{ op: 'replace', path: '/id', value: 'x' }];
    // @ts-expect-error /enabled takes a boolean
    const yes: JsonPatch = [{ op: 'replace', path: '/enabled', value: 'yes' }];
    // @ts-expect-error /name takes a string
    const numeric: JsonPatch = [{ op: 'replace', path: '/name', value: 1 }];
    expectTypeOf([add, apiKey, id, yes, numeric]).toBeArray();
  });
});
