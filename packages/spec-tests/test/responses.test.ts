import { createSpecValidator, exampleValue, IDS, loadBundledSpec } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);
const profile = (value: unknown) => validator.validateSchema('AnyPbxConnectionProfile', value);
const common = { id: IDS.kazooPbxId, name: 'Branch', tenantId: IDS.customerTenantId };

describe('profiles in responses (AnyPbxConnectionProfile)', () => {
  it('accepts a profile of an undocumented _type with fields of its own', () => {
    expect(profile({ ...common, _type: 'ExampleUndocumentedType', microsoftTenantId: 'x' }).errors).toEqual([]);
  });

  it('accepts a documented profile with only the common fields, as list and get return it', () => {
    expect(profile({ ...common, _type: 'KazooPbxConnectionProfile' }).valid).toBe(true);
  });

  it('accepts fields added by the API later (responses are open)', () => {
    expect(profile({ ...common, _type: 'ThreeCxConnectionProfile', createdAt: 'soon' }).valid).toBe(true);
  });

  it('rejects a documented _type whose fields break its documented shape', () => {
    expect(profile({ ...common, _type: 'KazooPbxConnectionProfile', hostRest: 42 }).valid).toBe(false);
  });

  it.each(['_type', 'id', 'name', 'tenantId'])('rejects a profile without %s', (field) => {
    const body: Record<string, unknown> = { ...common, _type: 'ExampleUndocumentedType' };
    delete body[field];
    expect(profile(body).valid).toBe(false);
  });

  it('create answers only documented types', () => {
    const created = exampleValue<{ data: Record<string, unknown> }>(spec, 'KazooCreated');
    const envelope = (data: unknown) => validator.validateSchema('PbxConnectionProfileCreatedEnvelope', { ...created, data });
    expect(envelope(created.data).valid).toBe(true);
    expect(envelope({ ...common, _type: 'ExampleUndocumentedType' }).valid).toBe(false);
  });
});

describe('envelopes', () => {
  const timestamp = '2019-11-29T16:03:23.9251680Z';

  it('the error envelope needs error, message, status "error" and timestamp', () => {
    const error = { error: 404, message: 'Not Found', status: 'error', timestamp };
    expect(validator.validateSchema('ErrorEnvelope', error).valid).toBe(true);
    expect(validator.validateSchema('ErrorEnvelope', { ...error, status: 'success' }).valid).toBe(false);
    expect(validator.validateSchema('ErrorEnvelope', { ...error, error: '404' }).valid).toBe(false);
  });

  it('timestamps have the .NET round-trip form with seven fraction digits', () => {
    expect(validator.validateSchema('SuccessEnvelope', { status: 'success', timestamp }).valid).toBe(true);
    expect(validator.validateSchema('SuccessEnvelope', { status: 'success', timestamp: '2019-11-29T16:03:23Z' }).valid).toBe(false);
  });

  it('the list envelope needs page_size', () => {
    const list = exampleValue<Record<string, unknown>>(spec, 'ProfileList');
    expect(validator.validateSchema('PbxConnectionProfileListEnvelope', list).valid).toBe(true);
    delete list['page_size'];
    expect(validator.validateSchema('PbxConnectionProfileListEnvelope', list).valid).toBe(false);
  });

  it('find by instance answers both shapes, told apart by exists', () => {
    const check = (value: unknown) => validator.validateSchema('PbxInstanceLookup', value);
    expect(check({ exists: false, instanceId: '12345' }).valid).toBe(true);
    expect(check({ exists: true, instanceId: '12345', id: IDS.kazooPbxId, tenantId: IDS.customerTenantId }).valid).toBe(true);
    expect(check({ exists: true, instanceId: '12345' }).valid).toBe(false);
  });
});
