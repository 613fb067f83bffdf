import {
  createSpecValidator,
  invalidAccountCreates,
  invalidCustomerCreates,
  invalidCustomerFilters,
  invalidCustomerPatches,
  invalidCustomerUserCreates,
  invalidCustomerUserPatches,
  validCustomerCreates,
  validCustomerPatches,
  validCustomerUserCreates,
  validCustomerUserPatches,
  invalidPaging,
  invalidTenantPatches,
  validAccountCreates,
  validTenantPatches,
  invalidCreateBodies,
  invalidGuids,
  invalidInstanceIds,
  invalidPatchBodies,
  loadBundledSpec,
  REQUIRED_CREATE_FIELDS,
  validCreateBodies,
  validPatchBodies,
} from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);
const schema = (name: string) => (value: unknown) => validator.validateSchema(name, value);

describe('create body (PbxConnectionProfileCreate)', () => {
  const check = schema('PbxConnectionProfileCreate');

  it.each(validCreateBodies.map((row) => [row.name, row.value]))('accepts %s', (_, body) => {
    expect(check(body).errors).toEqual([]);
  });

  it.each(invalidCreateBodies.map((row) => [row.name, row.value]))('rejects %s', (_, body) => {
    expect(check(body).valid).toBe(false);
  });

  it('requires exactly the fields this project decided, per _type', () => {
    const variants = {
      KazooPbxConnectionProfile: 'KazooPbxConnectionProfileCreate',
      ThreeCxConnectionProfile: 'ThreeCxConnectionProfileCreate',
    } as const;
    for (const [type, name] of Object.entries(variants)) {
      const declared = (spec.components.schemas[name] as { required: string[] }).required;
      expect([...declared].sort()).toEqual([...REQUIRED_CREATE_FIELDS[type as keyof typeof variants]].sort());
    }
  });
});

describe('patch body (JsonPatch)', () => {
  const check = schema('JsonPatch');

  it.each(validPatchBodies.map((row) => [row.name, row.value]))('accepts %s', (_, body) => {
    expect(check(body).errors).toEqual([]);
  });

  it.each(invalidPatchBodies.map((row) => [row.name, row.value]))('rejects %s', (_, body) => {
    expect(check(body).valid).toBe(false);
  });
});

describe.each([
  ['account create body (AccountCreate)', 'AccountCreate', validAccountCreates, invalidAccountCreates],
  ['account or customer patch body (TenantJsonPatch)', 'TenantJsonPatch', validTenantPatches, invalidTenantPatches],
  ['customer create body (CustomerCreate)', 'CustomerCreate', validCustomerCreates, invalidCustomerCreates],
  ['customer patch body, the account fields (CustomerJsonPatch)', 'CustomerJsonPatch', validTenantPatches, invalidTenantPatches],
  ['customer patch body, its own fields (CustomerJsonPatch)', 'CustomerJsonPatch', validCustomerPatches, invalidCustomerPatches],
  ['customer user create body (CustomerUserCreate)', 'CustomerUserCreate', validCustomerUserCreates, invalidCustomerUserCreates],
  ['customer user patch body (CustomerUserJsonPatch)', 'CustomerUserJsonPatch', validCustomerUserPatches, invalidCustomerUserPatches],
] as const)('%s', (_, name, valid, invalid) => {
  const check = schema(name);

  it.each(valid.map((row) => [row.name, row.value]))('accepts %s', (_, body) => {
    expect(check(body).errors).toEqual([]);
  });

  it.each(invalid.map((row) => [row.name, row.value]))('rejects %s', (_, body) => {
    expect(check(body).valid).toBe(false);
  });
});

describe('paging parameters (pageIndex, pageSize)', () => {
  const parameterSchema = (name: string) => (value: unknown) => validator.validate(`#/components/parameters/${name}/schema`, value);

  it.each(invalidPaging.map((row) => [row.name, row] as const))('reject %s', (_, row) => {
    const [[parameter, raw]] = Object.entries(row.value) as [[string, string]];
    expect(parameter).toBe(row.field);
    const value = Number(raw);
    expect(parameterSchema(parameter === 'pageIndex' ? 'PageIndex' : 'PageSize')(Number.isNaN(value) ? raw : value).valid).toBe(false);
  });

  it.each(invalidCustomerFilters.map((row) => [row.name, row] as const))('reject the customers\' %s', (_, row) => {
    expect(validator.validate('#/components/parameters/CustomerFilter/schema', row.value.filter).valid).toBe(false);
  });

  it('default to page 0 of 1,000', () => {
    const parameters = spec.components['parameters'] as Record<string, { schema: { default: number } }>;
    expect([parameters['PageIndex']?.schema.default, parameters['PageSize']?.schema.default]).toEqual([0, 1000]);
  });
});

describe('parameters', () => {
  const parameterSchema = (name: string) => (value: unknown) =>
    validator.validate(`#/components/parameters/${name}/schema`, value);

  it.each(['AccountTenantId', 'CustomerTenantId', 'PbxId'])('%s accepts a GUID', (name) => {
    expect(parameterSchema(name)('9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7').valid).toBe(true);
  });

  it.each(
    ['AccountTenantId', 'CustomerTenantId', 'PbxId'].flatMap((name) =>
      invalidGuids.map((row) => [name, row.name, row.value] as const),
    ),
  )('%s rejects %s', (name, _, value) => {
    expect(parameterSchema(name)(value).valid).toBe(false);
  });

  it('instanceId accepts a licence key and rejects an empty string', () => {
    expect(parameterSchema('InstanceId')('licenseKey-licenseKey-licenseKey').valid).toBe(true);
    const empty = invalidInstanceIds.find((row) => row.value === '')!;
    expect(parameterSchema('InstanceId')(empty.value).valid).toBe(false);
  });

  it('instanceId and accept-charges are required', () => {
    const parameters = spec.components['parameters'] as Record<string, { required?: boolean }>;
    expect(parameters['InstanceId']?.required).toBe(true);
    expect(parameters['AcceptCharges']?.required).toBe(true);
  });

  it('accept-charges accepts only "true"', () => {
    expect(parameterSchema('AcceptCharges')('true').valid).toBe(true);
    expect(parameterSchema('AcceptCharges')('false').valid).toBe(false);
  });
});
