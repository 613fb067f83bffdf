import { describe, expect, it } from 'vitest';
import { atPointer, errorEnvelope, invalidRequestMessage, loadContract, resolveRef } from '../src/index.js';

const contract = loadContract();
const PROFILES = '/v1.0/accounts/6f0c7d2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f/customers/2d4e6f80-1a2b-4c3d-8e5f-6a7b8c9d0e1f/pbxs';

describe('the contract core', () => {
  it('routes by method and path: the operation, the allowed methods, or nothing', () => {
    expect(contract.route('POST', PROFILES)).toMatchObject({ kind: 'operation', operation: { operationId: 'createPbxConnectionProfile' } });
    expect(contract.route('GET', `${PROFILES}/x%2Fy`)).toMatchObject({ kind: 'operation', pathParams: { pbxId: 'x/y' } });
    expect(contract.route('PUT', PROFILES)).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST'] });
    expect(contract.route('GET', '/v1.0/nothing')).toEqual({ kind: 'no-path' });
    expect(contract.route('GET', `${PROFILES}/`)).toEqual({ kind: 'no-path' });
  });

  it('resolves local references and answers undefined for dead ends and loops', () => {
    const document = { a: { $ref: '#/b' }, b: { $ref: '#/c/d~1e' }, c: { 'd/e': { type: 'string' } }, loop: { $ref: '#/loop' } };
    expect(resolveRef(document, document.a)).toEqual({ type: 'string' });
    expect(resolveRef(document, { $ref: '#/missing' })).toBeUndefined();
    expect(resolveRef(document, document.loop)).toBeUndefined();
    expect(atPointer(document, 'elsewhere.json#/a')).toBeUndefined();
  });

  it('explains a body along its _type variant only, and says nothing of a valid one', () => {
    const create = contract.route('POST', PROFILES);
    if (create.kind !== 'operation') throw new Error('no create operation');
    const threeCx = { _type: 'ThreeCxConnectionProfile', name: 'x', licenseKey: 'k', username: 'u', password: 'p' };
    expect(contract.explainBody(create.operation, threeCx)).toEqual([]);
    expect(contract.explainBody(create.operation, { ...threeCx, licenseKey: undefined, 名: 1 })).toEqual([
      'body field licenseKey is required',
      'body field 名 is not allowed',
    ]);
    expect(contract.explainBody(create.operation, { _type: 'Teams' })).toEqual([
      'body field _type must be one of "KazooPbxConnectionProfile", "ThreeCxConnectionProfile"',
    ]);
  });

  it('validates with one Ajv 2020-12 instance that rejects what the schema forbids', () => {
    expect(contract.validator.validateSchema('Guid', '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7').valid).toBe(true);
    expect(contract.validator.validateSchema('Guid', 'not-a-guid').valid).toBe(false);
    expect(() => contract.validator.validate('#/components/schemas/Nothing', 1)).toThrow('No schema at');
  });

  it('lists the first ten problems, then how many more', () => {
    const problems = Array.from({ length: 13 }, (_, index) => `problem ${index}`);
    expect(invalidRequestMessage(problems)).toBe(`Invalid request: ${problems.slice(0, 10).join('; ')}; and 3 more.`);
    expect(invalidRequestMessage(['a', 'a'])).toBe('Invalid request: a.');
    expect(errorEnvelope(400, 'x', new Date('2026-01-02T03:04:05.678Z'))).toEqual({ error: 400, message: 'x', status: 'error', timestamp: '2026-01-02T03:04:05.6780000Z' });
  });
});
