import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/index.js';

const contract = loadContract();

describe('typedExamples: the success example of each _type', () => {
  it('pairs each create type with its own created example', () => {
    const typed = contract.typedExamples(contract.operation('createPbxConnectionProfile'));
    expect(typed?.property).toBe('_type');
    expect(Object.fromEntries(typed?.names ?? [])).toEqual({ KazooPbxConnectionProfile: 'KazooCreated', ThreeCxConnectionProfile: 'ThreeCxCreated' });
  });

  it('is undefined for an operation whose body is no _type union', () => {
    expect(contract.typedExamples(contract.operation('patchPbxConnectionProfile'))).toBeUndefined();
    expect(contract.typedExamples(contract.operation('getPbxConnectionProfile'))).toBeUndefined();
  });
});
