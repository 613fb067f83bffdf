import { createSpecValidator, listOperations, loadBundledSpec, type MediaTypeObject } from '@myreports/pbx-fixtures';
import { describe, expect, it } from 'vitest';

const spec = loadBundledSpec();
const validator = createSpecValidator(spec);

interface NamedExample {
  where: string;
  name: string;
  schemaPointer: string;
  value: unknown;
}

/** Every named example of every request and response media type, with the pointer of its schema. */
function namedExamples(): NamedExample[] {
  const found: NamedExample[] = [];
  const collect = (where: string, pointer: string, content: Record<string, MediaTypeObject> | undefined) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      const mediaPointer = `${pointer}/content/${mediaType.replaceAll('/', '~1')}`;
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        const value = example.$ref ? spec.components.examples[example.$ref.split('/').pop()!]?.value : example.value;
        found.push({ where: `${where} ${mediaType}`, name, schemaPointer: `${mediaPointer}/schema`, value });
      }
    }
  };
  for (const { method, path, operation } of listOperations(spec)) {
    const base = `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`;
    collect(`${operation.operationId} request`, `${base}/requestBody`, operation.requestBody?.content);
    for (const [status, response] of Object.entries(operation.responses)) {
      if ('$ref' in response) {
        const name = response.$ref.split('/').pop()!;
        const shared = (spec.components['responses'] as Record<string, { content?: Record<string, MediaTypeObject> }>)[name];
        collect(`${operation.operationId} ${status}`, `#/components/responses/${name}`, shared?.content);
      } else {
        collect(`${operation.operationId} ${status}`, `${base}/responses/${status}`, response.content);
      }
    }
  }
  return found;
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
      const result = validator.validate(example.schemaPointer, example.value);
      expect(result.errors).toEqual([]);
    },
  );

  it('a wrong example would be caught: the Kazoo response with enabled as a string fails', () => {
    const example = examples.find((candidate) => candidate.name === 'KazooCreated')!;
    const broken = structuredClone(example.value) as { data: Record<string, unknown> };
    broken.data['enabled'] = 'nope';
    expect(validator.validate(example.schemaPointer, broken).valid).toBe(false);
  });

  it('model the vendor seed without its typos: the Kazoo name has no leading space', () => {
    const created = spec.components.examples['KazooCreated']!.value as { data: { name: string } };
    const request = spec.components.examples['KazooCreateRequest']!.value as { name: string };
    expect(created.data.name).toBe(request.name);
    expect(created.data.name).not.toMatch(/^\s/);
  });
});
