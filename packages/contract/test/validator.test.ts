import { describe, expect, it } from 'vitest';
import { loadContract } from '../src/index.js';

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
