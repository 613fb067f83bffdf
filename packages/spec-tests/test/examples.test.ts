import { createSpecValidator, type Json, listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);

interface NamedExample {
  where: string;
  name: string;
  schema: Json;
  value: unknown;
}

/** Every named example of every request and response media type, with its schema. */
function namedExamples(): NamedExample[] {
  return listOperations(spec).flatMap(({ operationId, request, responses }) =>
    [['request', request] as const, ...Object.entries(responses)].flatMap(([where, content]) =>
      Object.entries(content).flatMap(([mediaType, body]) =>
        body.examples.map(({ name, value }) => ({ where: `${operationId} ${where} ${mediaType}`, name, schema: body.schema as Json, value })),
      ),
    ),
  );
}

const examples = namedExamples();

describe('named examples', () => {
  it('exist for every request and response with a body', () => {
    const names = new Set(examples.map((example) => example.name));
    for (const expected of ['KazooCreateRequest', 'ThreeCxCreateRequest', 'KazooCreated', 'ThreeCxCreated', 'InvalidTenantId', 'NotFound']) {
      expect(names).toContain(expected);
    }
    expect(examples.length).toBeGreaterThanOrEqual(25);
  });

  it.each(examples.map((example) => [`${example.where}: ${example.name}`, example] as const))(
    '%s validates against its schema',
    (_, example) => {
      const result = validator.validate(example.schema, example.value);
      expect(result.errors).toEqual([]);
    },
  );

  it('a wrong example would be caught: the Kazoo response with enabled as a string fails', () => {
    const example = examples.find((candidate) => candidate.name === 'KazooCreated')!;
    const broken = structuredClone(example.value) as { data: Record<string, unknown> };
    broken.data['enabled'] = 'nope';
    expect(validator.validate(example.schema, broken).valid).toBe(false);
  });

  it('model the vendor seed without its typos: the Kazoo name has no leading space', () => {
    const created = spec.components.examples['KazooCreated']!.value as { data: { name: string } };
    const request = spec.components.examples['KazooCreateRequest']!.value as { name: string };
    expect(created.data.name).toBe(request.name);
    expect(created.data.name).not.toMatch(/^\s/);
  });
});
