import fc from 'fast-check';
import type { OpenApiDocument } from '@myreports/pbx-fixtures';

type Schema = Record<string, any>;

/**
 * A fast-check arbitrary of the values a request schema of the spec accepts, built from the schema
 * itself (the keywords the request schemas use: $ref, oneOf, anyOf, object, array, const, enum, type,
 * pattern, format, minLength, minItems). Throws on a keyword it does not know rather than
 * generating values the schema does not describe.
 */
export function arbitraryOf(spec: OpenApiDocument, node: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(spec, node);
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryOf(spec, branch)));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties as Record<string, Schema>;
      const record = Object.fromEntries(Object.entries(properties).map(([name, member]) => [name, arbitraryOf(spec, member)]));
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    case 'array':
      return fc.array(arbitraryOf(spec, schema.items), { minLength: schema.minItems ?? 0, maxLength: 3 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringOf(schema);
    default:
      throw new Error(`No generator for the schema ${JSON.stringify(schema)}`);
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const pattern = schema.pattern ? new RegExp(schema.pattern as string) : undefined;
  if (schema.format === 'uri') {
    const urls = fc.webUrl({ validSchemes: ['http', 'https', 'ws', 'wss'] });
    return pattern ? urls.filter((url) => pattern.test(url)) : urls;
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (pattern) return fc.stringMatching(pattern);
  return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: 40 });
}

export function resolve(spec: OpenApiDocument, node: Schema): Schema {
  let current = node;
  while (typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<any>((parent, key) => parent[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return current;
}
