import type { Json, OpenApiDocument } from './document.js';
import type { Operation } from './operations.js';
import { resolveRef } from './refs.js';

/** A member every branch of a `oneOf` pins with a `const`: `_type`, or `op`/`path` of a JSON Patch operation. */
export interface Tag {
  name: string;
  /** The `const` of this member in each branch, in branch order. */
  values: unknown[];
}

/** The branches of a `oneOf` schema, resolved, or undefined when the schema is no `oneOf`. */
export function branchesOf(document: OpenApiDocument, schema: unknown): Json[] | undefined {
  const resolved = resolveRef(document, schema);
  if (!Array.isArray(resolved?.oneOf)) return undefined;
  return (resolved.oneOf as unknown[]).map((branch) => resolveRef(document, branch) ?? {});
}

/** Members that every branch pins with a `const`, those that tell most branches apart first. */
export function discriminatingMembers(document: OpenApiDocument, branches: Json[]): Tag[] {
  const first = branches[0]?.properties as Record<string, unknown> | undefined;
  if (!first) return [];
  const tags: Tag[] = [];
  for (const name of Object.keys(first)) {
    const values = branches.map((branch) => {
      const member = (branch.properties as Record<string, unknown> | undefined)?.[name];
      return member === undefined ? undefined : resolveRef(document, member)?.const;
    });
    if (values.every((value) => value !== undefined)) tags.push({ name, values });
  }
  return tags.sort((a, b) => new Set(b.values).size - new Set(a.values).size);
}

/** Index of the branch whose tags `value` carries (the `_type` variant of a body), or -1. */
export function selectVariant(tags: Tag[], branchCount: number, value: unknown): number {
  if (tags.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return -1;
  const record = value as Record<string, unknown>;
  for (let index = 0; index < branchCount; index += 1) {
    if (tags.every((tag) => record[tag.name] === tag.values[index])) return index;
  }
  return -1;
}

export interface TypedExamples {
  /** The discriminator's property, `_type`. */
  property: string;
  /** Success example name by discriminator value: `ThreeCxConnectionProfile` → `ThreeCxCreated`. */
  names: Map<string, string>;
}

/**
 * For an operation whose request body is a union selected by a discriminator (`_type`): the success
 * example whose `data` carries the same value. A static mock otherwise answers a 3CX create with
 * the first example, a Kazoo profile.
 */
export function typedExamplesOf(document: OpenApiDocument, operation: Operation): TypedExamples | undefined {
  const schema = resolveRef(document, operation.requestSchema('application/json'));
  const property = (schema?.discriminator as Json | undefined)?.propertyName;
  if (typeof property !== 'string') return undefined;
  const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
  const examples = success === undefined ? [] : (operation.responses[success]?.['application/json']?.examples ?? []);
  const names = new Map<string, string>();
  for (const { name, value } of examples) {
    const tag = ((value as Json | undefined)?.data as Json | undefined)?.[property];
    if (typeof tag === 'string' && !names.has(tag)) names.set(tag, name);
  }
  return names.size > 0 ? { property, names } : undefined;
}
