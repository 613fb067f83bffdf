// Just enough JSON Schema reading for the `_type` variant check: follow internal `$ref`s and merge
// `allOf` members into one object shape. The bundled spec only has internal refs.

import { resolveRef } from '@myreports/pbx-contract';

export type Schema = Record<string, unknown>;
export type Document = Record<string, unknown>;

export function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref` chains (`#/components/...`) to the schema they name (the contract core resolves them). */
export function resolve(value: unknown, doc: Document): Schema | undefined {
  return isObject(value) ? resolveRef(doc, value) : undefined;
}

/** An object schema with its `allOf` members folded in: properties, required names, closed or not. */
export interface ObjectShape {
  properties: Map<string, Schema>;
  required: Set<string>;
  closed: boolean;
}

export function objectShape(value: unknown, doc: Document): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set(), closed: false };
  const schema = resolve(value, doc);
  if (!schema) return shape;
  for (const member of asArray(schema['allOf'])) {
    const inner = objectShape(member, doc);
    inner.properties.forEach((property, name) => shape.properties.set(name, property));
    inner.required.forEach((name) => shape.required.add(name));
    shape.closed ||= inner.closed;
  }
  const properties = schema['properties'];
  if (isObject(properties)) {
    for (const [name, property] of Object.entries(properties)) shape.properties.set(name, resolve(property, doc) ?? {});
  }
  for (const name of asArray(schema['required'])) if (typeof name === 'string') shape.required.add(name);
  if (schema['additionalProperties'] === false) shape.closed = true;
  return shape;
}

export function isObjectSchema(schema: Schema, doc: Document): boolean {
  return schema['type'] === 'object' || isObject(schema['properties']) || asArray(schema['allOf']).some((member) => {
    const inner = resolve(member, doc);
    return inner !== undefined && isObjectSchema(inner, doc);
  });
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
