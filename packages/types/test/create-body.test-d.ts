// Pins the generated request types: the create body is a union discriminated by a literal `_type`,
// and every way of getting a body wrong is a compile error. An unused `@ts-expect-error` fails the
// suite, so a generator change that makes the types permissive cannot pass unnoticed.
import { describe, expectTypeOf, test } from 'vitest';
import type {
  SchemaKazooPbxConnectionProfileCreate as KazooCreate,
  SchemaPbxConnectionProfileCreate as ProfileCreate,
  SchemaThreeCxConnectionProfileCreate as ThreeCxCreate,
} from '@myreports/pbx-types';

const kazoo = {
  _type: 'KazooPbxConnectionProfile',
  name: 'Customers Kazoo Pbx',
  hostRest: 'https://rest.example.com',
  hostWebsocket: 'wss://ws.example.com',
  accountId: '12345',
  apiKey: 'ABCDEF',
} as const;

const threeCx = {
  _type: 'ThreeCxConnectionProfile',
  name: '3CX Connection',
  licenseKey: 'licenseKey-licenseKey-licenseKey',
  username: 'username-username-username',
  password: 'password password password',
} as const;

describe('PbxConnectionProfileCreate', () => {
  test('no variant collapsed to never (upstream generator bugs 2149, 2318, 2775)', () => {
    expectTypeOf<KazooCreate>().not.toBeNever();
    expectTypeOf<ThreeCxCreate>().not.toBeNever();
    expectTypeOf<Extract<ProfileCreate, { _type: 'KazooPbxConnectionProfile' }>>().not.toBeNever();
    expectTypeOf<Extract<ProfileCreate, { _type: 'ThreeCxConnectionProfile' }>>().not.toBeNever();
  });

  test('is the union of the two variants, tagged by literal _type values (not an enum, not string)', () => {
    expectTypeOf<ProfileCreate>().toEqualTypeOf<KazooCreate | ThreeCxCreate>();
    expectTypeOf<ProfileCreate['_type']>().toEqualTypeOf<'KazooPbxConnectionProfile' | 'ThreeCxConnectionProfile'>();
  });

  test('accepts the vendor examples of both types', () => {
    expectTypeOf(kazoo).toExtend<ProfileCreate>();
    expectTypeOf(threeCx).toExtend<ProfileCreate>();
    expectTypeOf({ ...threeCx, enableRecordingArchive: 'true', recordingArchiveFrequency: '00:20:00' } as const).toExtend<ProfileCreate>();
    expectTypeOf({ ...kazoo, monitorSubAccounts: true, countryCode: 'GB' } as const).toExtend<ProfileCreate>();
  });

  test('narrows on _type', () => {
    const narrow = (body: ProfileCreate) => {
      if (body._type === 'KazooPbxConnectionProfile') {
        expectTypeOf(body).toEqualTypeOf<KazooCreate>();
        expectTypeOf(body.apiKey).toBeString();
      } else {
        expectTypeOf(body).toEqualTypeOf<ThreeCxCreate>();
        expectTypeOf(body.licenseKey).toBeString();
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });

  test('a wrong _type does not compile', () => {
    // @ts-expect-error an undocumented _type
    const teams: ProfileCreate = { ...threeCx, _type: 'ExampleUndocumentedType' };
    // @ts-expect-error _type is case-sensitive
    const lower: ProfileCreate = { ...kazoo, _type: 'kazoopbxconnectionprofile' };
    expectTypeOf([teams, lower]).toBeArray();
  });

  test('Kazoo fields under the 3CX _type do not compile', () => {
    // @ts-expect-error the 3CX variant has no Kazoo fields and misses its own
    const swapped: ProfileCreate = { ...kazoo, _type: 'ThreeCxConnectionProfile' };
    // @ts-expect-error one Kazoo field added to a complete 3CX body
    const mixed: ProfileCreate = { ...threeCx, hostRest: 'https://rest.example.com' };
    expectTypeOf([swapped, mixed]).toBeArray();
  });

  test('server-set fields in a request do not compile', () => {
    // @ts-expect-error id is set by the server
    const withId: ProfileCreate = { ...kazoo, id: '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7' };
    // @ts-expect-error tenantId is set by the server
    const withTenant: ProfileCreate = { ...threeCx, tenantId: '2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f' };
    // @ts-expect-error a profile is disabled after create; enabled is patched later
    const enabled: ProfileCreate = { ...kazoo, enabled: true };
    expectTypeOf([withId, withTenant, enabled]).toBeArray();
  });

  test('a missing required field does not compile', () => {
    const { apiKey: _apiKey, ...kazooWithoutApiKey } = kazoo;
    const { password: _password, ...threeCxWithoutPassword } = threeCx;
    const { _type: _kazooType, ...untagged } = kazoo;
    // @ts-expect-error Kazoo needs apiKey
    const noApiKey: ProfileCreate = kazooWithoutApiKey;
    // @ts-expect-error 3CX needs password
    const noPassword: ProfileCreate = threeCxWithoutPassword;
    // @ts-expect-error _type is required
    const noType: ProfileCreate = untagged;
    expectTypeOf([noApiKey, noPassword, noType]).toBeArray();
  });

  test('wrong field types do not compile', () => {
    // @ts-expect-error accountId is a string (the vendor example "12345" is quoted)
    const numericAccount: ProfileCreate = { ...kazoo, accountId: 12345 };
    // @ts-expect-error enableRecordingArchive is a boolean or "true"/"false"
    const yes: ProfileCreate = { ...threeCx, enableRecordingArchive: 'yes' };
    expectTypeOf([numericAccount, yes]).toBeArray();
  });
});
