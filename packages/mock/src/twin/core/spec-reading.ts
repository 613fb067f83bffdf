import { type Contract, type Json, type Operation, branchesOf } from '@myreports/pbx-contract';
import { MockSetupError } from '../../options.js';

/**
 * What the twin reads from the spec, through the contract (the one reader of the bundle): never a
 * schema by name, always the one an operation points at, so a resource names only its operations.
 */

/** The schema of one item in the envelope's `data` of an operation's success answer (of a list: of each element). */
export function itemSchema(contract: Contract, operation: Operation): Json {
  const data = propertyOf(contract, operation.responseSchema(contract.successStatus(operation)), 'data');
  const item = data?.type === 'array' ? contract.resolve(data.items) : data;
  if (!item) throw new MockSetupError(`The success answer of ${operation.operationId} has no data the twin can keep.`);
  return item;
}

/** Every leaf of a schema's `oneOf`s (the profile types, and the one for types the spec does not document). */
export function variantsOf(contract: Contract, schema: unknown): Json[] {
  const branches = branchesOf(contract.document, schema);
  return branches ? branches.flatMap((branch) => variantsOf(contract, branch)) : [contract.resolve(schema) ?? {}];
}

/**
 * The fields of the variant an item belongs to: the variant whose `const` members (`_type`) the item
 * carries, else the one that pins none (the catch-all of undocumented types).
 */
export function fieldsOfVariant(contract: Contract, schema: unknown, item: Record<string, unknown>): string[] {
  const variants = variantsOf(contract, schema).map((variant) => {
    const properties = (variant.properties as Json | undefined) ?? {};
    const pinned = Object.entries(properties).flatMap(([name, property]) => {
      const value = contract.resolve(property)?.const;
      return value === undefined ? [] : [[name, value] as const];
    });
    return { fields: Object.keys(properties), pinned };
  });
  const own = variants.find(({ pinned }) => pinned.length > 0 && pinned.every(([name, value]) => item[name] === value));
  return (own ?? variants.find(({ pinned }) => pinned.length === 0))?.fields ?? [];
}

/** The property names of a schema's variants: those all of them declare, or those any of them does. */
export function fieldsOf(contract: Contract, schema: unknown, which: 'every' | 'some'): string[] {
  const names = variantsOf(contract, schema).map((variant) => Object.keys((variant.properties as Json | undefined) ?? {}));
  const [first = [], ...rest] = names;
  const union = [...new Set(names.flat())];
  return which === 'every' ? first.filter((name) => rest.every((other) => other.includes(name))) : union;
}

/** The schema of a property in any variant of a schema, resolved (the first variant that declares it). */
export function fieldSchema(contract: Contract, schema: unknown, field: string): Json | undefined {
  for (const variant of variantsOf(contract, schema)) {
    const property = (variant.properties as Json | undefined)?.[field];
    if (property !== undefined) return contract.resolve(property);
  }
  return undefined;
}

/**
 * A top-level property of an object schema, looking through `allOf`: the envelopes are compositions
 * of a generic base (`ListEnvelope`: `data` an array) and the concrete part, which comes last.
 */
function propertyOf(contract: Contract, node: unknown, name: string): Json | undefined {
  const schema = contract.resolve(node);
  if (!schema) return undefined;
  const parts = ((schema.allOf as unknown[] | undefined) ?? []).map((part) => propertyOf(contract, part, name)).filter((found) => found !== undefined);
  const own = (schema.properties as Json | undefined)?.[name];
  return parts.at(-1) ?? (own === undefined ? undefined : contract.resolve(own));
}
