import { describe, expect, it } from 'vitest';
import { type Finding, describeParameterFindings, errorEnvelope, invalidRequestMessage, loadContract } from '../src/index.js';

const contract = loadContract();
const get = contract.operation('getPbxConnectionProfile');
const create = contract.operation('createPbxConnectionProfile');
const find = contract.operation('findPbxConnectionProfileByInstance');
const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

describe('describeParameterFindings: one message per kind of finding', () => {
  it.each<[string, typeof get, Finding[], string[]]>([
    ['format', get, [{ location: ['path', 'pbxid'], keyword: 'format', params: { format: 'uuid' } }], ['path parameter pbxId must match format "uuid"']],
    ['pattern', get, [{ location: ['path', 'pbxid'], keyword: 'pattern', params: { pattern: GUID } }], [`path parameter pbxId must match pattern "${GUID}"`]],
    ['required (the section, naming the parameter)', find, [{ location: ['query'], keyword: 'required', params: { missingProperty: 'instanceid' } }], ['query parameter instanceId is required']],
    ['type', find, [{ location: ['query', 'instanceid'], keyword: 'type', params: { type: 'string' } }], ['query parameter instanceId must be string']],
    ['enum', create, [{ location: ['header', 'accept-charges'], keyword: 'enum', params: { allowedValues: ['true'] } }], ['header accept-charges must be equal to one of the allowed values: true']],
    ['const', create, [{ location: ['header', 'accept-charges'], keyword: 'const', params: {} }], ['header accept-charges must be equal to constant']],
    ['minLength', find, [{ location: ['query', 'instanceid'], keyword: 'minLength', params: { limit: 1 } }], ['query parameter instanceId must NOT have fewer than 1 characters']],
    ['maxLength', find, [{ location: ['query', 'instanceid'], keyword: 'maxLength', params: { limit: 64 } }], ['query parameter instanceId must NOT have more than 64 characters']],
    ['another keyword', find, [{ location: ['query', 'instanceid'], keyword: 'multipleOf', params: { multipleOf: 2 } }], ['query parameter instanceId is invalid (multipleOf)']],
    ['a parameter the spec does not have', get, [{ location: ['query', 'page'], keyword: 'type', params: { type: 'integer' } }], ['query parameter page must be integer']],
    ['a finding about a section with no name', get, [{ location: ['header'], keyword: 'type', params: { type: 'object' } }], ['header: must be object']],
  ])('%s', (_, operation, findings, want) => {
    expect(describeParameterFindings(operation, findings)).toEqual(want);
  });

  it('says the format of a GUID once, not its pattern too, whichever comes first', () => {
    const pattern: Finding = { location: ['path', 'pbxid'], keyword: 'pattern', params: { pattern: GUID } };
    const format: Finding = { location: ['path', 'pbxid'], keyword: 'format', params: { format: 'uuid' } };
    expect(describeParameterFindings(get, [pattern, format])).toEqual(['path parameter pbxId must match format "uuid"']);
    expect(describeParameterFindings(get, [format, pattern])).toEqual(['path parameter pbxId must match format "uuid"']);
  });

  it('lists parameters in the spec\'s order and leaves body findings to the body explainer', () => {
    const findings: Finding[] = [
      { location: ['header'], keyword: 'required', params: { missingProperty: 'accept-charges' } },
      { location: ['body'], keyword: 'required', params: { missingProperty: 'licenseKey' } },
      { location: ['path', 'customertenantid'], keyword: 'format', params: { format: 'uuid' } },
      { location: ['path', 'accounttenantid'], keyword: 'format', params: { format: 'uuid' } },
    ];
    expect(describeParameterFindings(create, findings)).toEqual([
      'path parameter accountTenantId must match format "uuid"',
      'path parameter customerTenantId must match format "uuid"',
      'header accept-charges is required',
    ]);
  });
});

describe('invalidRequestMessage', () => {
  const problems = Array.from({ length: 13 }, (_, index) => `problem ${index}`);
  it.each([
    ['no problem', [], 'Invalid request.'],
    ['one, said twice', ['a', 'a'], 'Invalid request: a.'],
    ['ten', problems.slice(0, 10), `Invalid request: ${problems.slice(0, 10).join('; ')}.`],
    ['thirteen: the first ten, then how many more', problems, `Invalid request: ${problems.slice(0, 10).join('; ')}; and 3 more.`],
  ])('%s', (_, given, want) => {
    expect(invalidRequestMessage(given)).toBe(want);
  });
});

describe('errorEnvelope', () => {
  it('carries the status twice and a timestamp with 7 fraction digits', () => {
    expect(errorEnvelope(400, 'x', new Date('2026-01-02T03:04:05.678Z'))).toEqual({ error: 400, message: 'x', status: 'error', timestamp: '2026-01-02T03:04:05.6780000Z' });
  });
});
