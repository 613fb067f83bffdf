// The focused check for `_type` unions. api-smart-diff pairs `oneOf` members by position and
// content, and on this spec it (a) reports a removed variant only as "oneOf schema removed" by index,
// classified as harmless in responses, (b) drops the changes of the second variant when two variants
// change in one edit, and (c) calls a changed `_type` const in a response harmless. Here variants are
// paired by their `_type` value instead, and compared field by field in the direction of the message.
import { type OpenApiDocument, listOperations } from '@myreports/pbx-contract';
import { type Change, type Direction } from './change.js';
import { type Document, type Schema, asArray, isObject, resolve } from './schema.js';
import { compareObjects } from './shapes.js';

/** Key of the catch-all variant for `_type` values the spec does not document (a `not` instead of a `const`). */
export const UNDOCUMENTED = '(undocumented types)';

/** A request body or response body of one operation, by media type. */
export interface BodyLocation {
  key: string;
  where: string;
  direction: Direction;
  schema: unknown;
}

export function bodyLocations(doc: Document): BodyLocation[] {
  return listOperations(doc as OpenApiDocument).flatMap(({ method, path, request, responses }) => {
    const name = `${method} ${path}`;
    return [
      ...Object.entries(request).map(([mediaType, body]): BodyLocation => ({
        key: `${name}|request|${mediaType}`,
        where: `${name} request body (${mediaType})`,
        direction: 'request',
        schema: body.schema,
      })),
      ...Object.entries(responses).flatMap(([status, content]) =>
        Object.entries(content).map(([mediaType, body]): BodyLocation => ({
          key: `${name}|${status}|${mediaType}`,
          where: `${name} response ${status} (${mediaType})`,
          direction: 'response',
          schema: body.schema,
        })),
      ),
    ];
  });
}

/** Every `_type` variant reachable from a body schema (through refs, unions, allOf, properties, items). */
export function variantsOf(value: unknown, doc: Document, seen = new Set<Schema>()): Map<string, Schema> {
  const variants = new Map<string, Schema>();
  const schema = resolve(value, doc);
  if (!schema || seen.has(schema)) return variants;
  seen.add(schema);
  const typeValue = variantKey(schema, doc);
  if (typeValue !== undefined) return variants.set(typeValue, schema);
  const children = [
    ...asArray(schema['oneOf']),
    ...asArray(schema['anyOf']),
    ...asArray(schema['allOf']),
    ...(isObject(schema['properties']) ? Object.values(schema['properties']) : []),
    schema['items'],
  ];
  for (const child of children) variantsOf(child, doc, seen).forEach((variant, key) => variants.set(key, variant));
  return variants;
}

function variantKey(schema: Schema, doc: Document): string | undefined {
  const properties = isObject(schema['properties']) ? schema['properties'] : undefined;
  const discriminant = resolve(properties?.['_type'], doc);
  if (!discriminant) {
    // A variant may take `_type` from an allOf member.
    for (const member of asArray(schema['allOf'])) {
      const key = variantKey(resolve(member, doc) ?? {}, doc);
      if (key !== undefined) return key;
    }
    return undefined;
  }
  if (typeof discriminant['const'] === 'string') return discriminant['const'];
  if (discriminant['not'] !== undefined) return UNDOCUMENTED;
  return undefined;
}

/** Compares the `_type` variants of every body present in both documents. */
export function compareVariants(before: Document, after: Document): { changes: Change[]; covered: Set<string> } {
  const changes: Change[] = [];
  const covered = new Set<string>();
  const afterBodies = new Map(bodyLocations(after).map((body) => [body.key, body]));
  for (const body of bodyLocations(before)) {
    const next = afterBodies.get(body.key);
    if (!next) continue; // A removed body or operation is reported by the diff tool.
    const was = variantsOf(body.schema, before);
    const now = variantsOf(next.schema, after);
    if (was.size === 0 && now.size === 0) continue;
    covered.add(body.key);
    const say = (breaking: boolean, what: string) => changes.push({ breaking, where: body.where, what });
    const request = body.direction === 'request';
    for (const key of was.keys()) {
      if (now.has(key)) continue;
      say(true, request
        ? `\`_type\` variant ${key} removed: the API now rejects requests that send it`
        : `\`_type\` variant ${key} removed: clients lose its documented shape`);
    }
    for (const key of now.keys()) {
      if (!was.has(key)) say(false, `\`_type\` variant ${key} added`);
    }
    for (const [key, variant] of was) {
      const nextVariant = now.get(key);
      if (!nextVariant) continue;
      for (const finding of compareObjects(variant, nextVariant, { before, after, direction: body.direction })) {
        say(finding.breaking, `in \`_type\` ${key}: ${finding.what}`);
      }
    }
  }
  return { changes, covered };
}
