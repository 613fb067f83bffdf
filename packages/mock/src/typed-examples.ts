import type { Json, Operation, SpecDocument } from './spec-document.js';

/**
 * For operations whose request body is a union selected by a discriminator (`_type`): the name of
 * the success example whose `data` has the same discriminator value, by value. Prism in static mode
 * serves the first example whatever was sent (a 3CX create would get the Kazoo answer); the front
 * asks for the matching one with `Prefer: example=<name>`.
 */
export function typedExamples(spec: SpecDocument): Map<Operation, { property: string; names: Map<string, string> }> {
  const result = new Map<Operation, { property: string; names: Map<string, string> }>();
  for (const operation of spec.operations) {
    const body = operation.object.requestBody ? spec.resolve(operation.object.requestBody) : undefined;
    const schema = (body?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
    const property = schema && (spec.resolve(schema).discriminator as Json | undefined)?.propertyName;
    if (typeof property !== 'string') continue;

    const responses = operation.object.responses as Record<string, unknown>;
    const success = Object.keys(responses).sort().find((status) => status.startsWith('2'));
    const content = success ? (spec.resolve(responses[success]).content as Record<string, Json> | undefined) : undefined;
    const examples = (content?.['application/json']?.examples ?? {}) as Record<string, unknown>;
    const names = new Map<string, string>();
    for (const [name, example] of Object.entries(examples)) {
      const value = spec.resolve(example).value as Json | undefined;
      const tag = (value?.data as Json | undefined)?.[property];
      if (typeof tag === 'string' && !names.has(tag)) names.set(tag, name);
    }
    if (names.size > 0) result.set(operation, { property, names });
  }
  return result;
}
