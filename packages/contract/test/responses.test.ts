import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/index.js';

const contract = loadContract();
const get = contract.operation('getPbxConnectionProfile');
const timestamp = '2020-02-06T12:41:02.7654321Z';
const kazoo = contract.document.components.examples.KazooProfile!.value;

describe('successStatus', () => {
  it.each([
    ['listPbxConnectionProfiles', 200],
    ['createPbxConnectionProfile', 201],
    ['deletePbxConnectionProfile', 200],
  ])('%s → %i', (operationId, want) => {
    expect(contract.successStatus(contract.operation(operationId))).toBe(want);
  });

  it('refuses an operation with no or several 2xx statuses', () => {
    expect(() => contract.successStatus({ ...get, responses: { '400': {} } })).toThrow('getPbxConnectionProfile documents 0 success statuses (none), not one.');
    expect(() => contract.successStatus({ ...get, responses: { '200': {}, '204': {} } })).toThrow('documents 2 success statuses (200, 204)');
  });
});

describe('responseSchema', () => {
  it('follows a shared response to its schema, and is undefined for an undocumented status or media type', () => {
    expect(get.responseSchema(404)).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
    expect(get.responseSchema(200)).toBeDefined();
    expect(get.responseSchema(409)).toBeUndefined();
    expect(get.responseSchema(200, 'text/plain')).toBeUndefined();
  });
});

describe('validateResponse', () => {
  const cases: [string, number, unknown, string[] | RegExp][] = [
    ['a documented profile', 200, kazoo, []],
    ['the 404 envelope', 404, { error: 404, message: 'Not Found', status: 'error', timestamp }, []],
    ['an undocumented status', 409, {}, ['status 409 is not documented for getPbxConnectionProfile']],
    ['the 401, which has no body', 401, undefined, []],
    ['a body on the 401', 401, { error: 401 }, ['status 401 of getPbxConnectionProfile declares no JSON body']],
    ['a profile without its id', 200, { ...(kazoo as object), data: { _type: 'KazooPbxConnectionProfile' } }, /^\/data must have required property 'id'/],
    ['an envelope whose error is a string', 404, { error: '404', message: 'Not Found', status: 'error', timestamp }, ['/error must be integer']],
    ['an envelope without its timestamp', 404, { error: 404, message: 'Not Found', status: 'error' }, /^\/ must have required property 'timestamp'/],
  ];
  it.each(cases)('%s', (_, status, body, want) => {
    const problems = contract.validateResponse(get, status, body);
    if (Array.isArray(want)) expect(problems).toEqual(want);
    else expect(problems.some((problem) => want.test(problem)), problems.join('\n')).toBe(true);
  });

  it.each<[string, number, string, string[]]>([
    ['the declared media type', 404, 'application/json', []],
    ['the declared media type, spelled in capitals', 404, 'Application/JSON', []],
    ['an HTML page for a documented status', 404, 'text/html', ['status 404 of getPbxConnectionProfile answers text/html, not application/json']],
    ['a body without Content-Type', 404, '', ['status 404 of getPbxConnectionProfile answers no Content-Type, not application/json']],
    ['any media type on the 401, which declares no body', 401, 'text/plain', []],
    ['an undocumented status, whatever its media type', 500, 'text/plain', ['status 500 is not documented for getPbxConnectionProfile']],
  ])('with its media type: %s', (_, status, mediaType, want) => {
    const body = { error: status, message: 'Not Found', status: 'error', timestamp };
    expect(contract.validateResponse(get, status, status === 401 ? undefined : body, mediaType)).toEqual(want);
  });

  it('a list past the validator\'s bound: its first problem, and a line saying the check stopped there', () => {
    const list = contract.operation('listPbxConnectionProfiles');
    const page = list.responses['200']!['application/json']!.examples[0]!.value as { data: object[] };
    // Each item of the example holds 5 values and counts one: 12,000 items are more than 20,000 values.
    const data = Array.from({ length: 12_000 }, () => ({ ...page.data[0], id: 'not-a-guid' }));
    const problems = contract.validateResponse(list, 200, { ...page, data });
    expect(problems[0]).toMatch(/^\/data\/0\/id must match pattern/);
    expect(problems.at(-1)).toBe('/ holds more than 20,000 JSON values: the check stopped at its first problem');
    expect(problems.some((problem) => problem.startsWith('/data/1/'))).toBe(false);
  });
});
