import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/index.js';
import type { Json } from '../src/document.js';
import { MAX_VALUES_FULLY_CHECKED, appendInPlace } from '../src/validator.js';

const { validator } = loadContract();

describe('the one validator (Ajv, draft 2020-12)', () => {
  it.each([
    ['a GUID', 'Guid', '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7', true],
    ['a word for a GUID', 'Guid', 'not-a-guid', false],
    ['a number for a GUID', 'Guid', 12345, false],
  ])('%s: valid %s', (_, name, value, want) => {
    expect(validator.validateSchema(name, value).valid).toBe(want);
  });

  it('validates against a pointer or a schema object of the document, and refuses a pointer to nothing', () => {
    expect(validator.validate('#/components/schemas/Guid', 'x').errors.map((error) => error.keyword)).toEqual(expect.arrayContaining(['format']));
    expect(validator.validate({ $ref: '#/components/schemas/Guid' }, 'x').valid).toBe(false);
    expect(() => validator.validate('#/components/schemas/Nothing', 1)).toThrow('No schema at #/components/schemas/Nothing.');
  });
});

describe('a value with many errors', () => {
  const guids = { type: 'array', items: { $ref: '#/components/schemas/Guid' } };
  const profiles = loadContract().operation('listPbxConnectionProfiles');
  const badProfiles = (count: number) => ({
    data: Array.from({ length: count }, (_, index) => ({ id: `bad-${index}`, name: 'x', _type: 'KazooPbxConnectionProfile' })),
    status: 'success',
    timestamp: '2020-02-06T12:41:02.7654321Z',
  });

  /** How many array elements `Array.prototype.concat` copies while `run` runs. */
  function elementsConcatenated(run: () => void): number {
    const concat = Array.prototype.concat;
    let copied = 0;
    Array.prototype.concat = function (this: unknown[], ...rest: unknown[]) {
      copied += this.length;
      return concat.apply(this, rest);
    } as typeof concat;
    try {
      run();
    } finally {
      Array.prototype.concat = concat;
    }
    return copied;
  }

  it('lists every error of a list of 4,000 bad items in work that grows with the errors, not their square', () => {
    let result: ReturnType<typeof validator.validate> | undefined;
    // Ajv's own append copied every error found so far at each item: about 90 million copies here.
    const copied = elementsConcatenated(() => (result = validator.validate(profiles.responseSchema(200) as Json, badProfiles(4_000))));
    expect(result!.valid).toBe(false);
    expect(result!.firstOnly).toBeUndefined();
    expect(new Set(result!.errors.map((error) => error.instancePath)).has('/data/3999/id')).toBe(true);
    expect(copied).toBeLessThan(result!.errors.length);
  });

  it(`checks a value of ${MAX_VALUES_FULLY_CHECKED.toLocaleString('en')} JSON values fully, and stops at the first error past it`, () => {
    // The array counts one value, each of its members one.
    const atBound = validator.validate(guids, Array.from({ length: MAX_VALUES_FULLY_CHECKED - 1 }, () => 1));
    expect(atBound.errors).toHaveLength(MAX_VALUES_FULLY_CHECKED - 1);
    expect(atBound.firstOnly).toBeUndefined();
    const past = validator.validate(guids, Array.from({ length: MAX_VALUES_FULLY_CHECKED }, () => 1));
    expect(past).toMatchObject({ valid: false, firstOnly: true });
    expect(past.errors.map((error) => `${error.instancePath} ${error.message}`)).toEqual(['/0 must be string']);
    const validPast = validator.validate(guids, Array.from({ length: MAX_VALUES_FULLY_CHECKED }, () => '9b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7'));
    expect(validPast).toEqual({ valid: true, errors: [] });
    // A pointer into the document goes the same way.
    expect(validator.validate('#/components/schemas/Guid', Array.from({ length: MAX_VALUES_FULLY_CHECKED }, () => 1))).toMatchObject({ valid: false, firstOnly: true, errors: [{ keyword: 'type' }] });
  });

  it('counts nested values, not only the top level', () => {
    const nested = validator.validate({ type: 'array', items: guids }, Array.from({ length: MAX_VALUES_FULLY_CHECKED / 2 }, () => [1]));
    expect(nested.firstOnly).toBe(true);
  });
});

describe('the rewrite of Ajv\'s error append', () => {
  it('appends in place, and refuses generated code it does not know', () => {
    const ajvAppend = 'vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);';
    expect(appendInPlace(ajvAppend)).toBe('if (vErrors === null) vErrors = validate27.errors.slice(); else for (const error of validate27.errors) vErrors.push(error);');
    expect(() => appendInPlace('vErrors = vErrors.concat(refVal[0].errors);')).toThrow("Ajv's generated code appends errors in a way validator.ts does not rewrite");
  });
});
