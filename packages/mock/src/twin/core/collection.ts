import { type Contract, type Json, type Operation, branchesOf } from '@myreports/pbx-contract';
import { CollectionStore, type StoreLimits } from './collection-store.js';
import { type ItemCheck, createItemCheck } from './item-check.js';
import { type Paging, pagingOf } from './paging.js';
import type { ResourceDefinition } from './resource.js';
import { fieldSchema, fieldsOf, fieldsOfVariant, itemSchema } from './spec-reading.js';

/** A patch path the spec accepts (`/enabled`, `/roles/-`): the field it changes and how. */
export interface Patchable {
  field: string;
  /** The stored field's JSON type (`boolean`): a lenient `"true"` sent for it is stored as `true`. */
  storedType: unknown;
  /** An `add` at `/<field>/-`: the value is appended to the array, once if the field's items are unique (`uniqueItems`). */
  append?: { unique: boolean };
}

/** A resource as the twin runs it: its declaration, its store, and what the spec says of its items. */
export interface Collection {
  definition: ResourceDefinition;
  store: CollectionStore;
  /** Operations by kind, as the spec has them. */
  operations: Partial<Record<keyof ResourceDefinition['operations'], Operation>>;
  check: ItemCheck;
  /** The fields list items carry: those every variant of the list's item schema declares (no settings, so no secrets). */
  listFields: string[];
  /** The fields a create never takes from the body (in the stored item, not in the create body), with the default the spec gives each, if any. */
  serverSet: Map<string, unknown>;
  /** The defaults the spec gives the fields every item has (not a type's own settings) that a create body may leave out. */
  defaults: Map<string, unknown>;
  /** The JSON Patch paths the spec accepts, over every variant: `replace` of a field, `add` at the end of an array field. */
  patchable: Map<string, Patchable>;
  /** The paging the list declares, if any. */
  paging: Paging | undefined;
  /** The fields an item's own variant declares (a Kazoo profile has no `licenseKey`): a patch may replace only those. */
  fieldsOf(item: Record<string, unknown>): string[];
}

export function createCollection(contract: Contract, definition: ResourceDefinition, limits: StoreLimits): Collection {
  const operations = Object.fromEntries(
    Object.entries(definition.operations).map(([kind, operationId]) => [kind, contract.operation(operationId)]),
  ) as Collection['operations'];
  // A mirror the spec lacks is a setup mistake, found at start rather than by a request.
  for (const operationId of Object.values(definition.mirrors ?? {})) contract.operation(operationId);
  const shown = operations.get ?? operations.list ?? operations.create;
  const stored = shown ? itemSchema(contract, shown) : {};
  const sent = operations.create?.requestSchema('application/json');
  const sentFields = new Set(sent === undefined ? [] : fieldsOf(contract, sent, 'some'));
  const serverSet = new Map<string, unknown>();
  const defaults = new Map<string, unknown>();
  const common = new Set(fieldsOf(contract, stored, 'every'));
  for (const field of fieldsOf(contract, stored, 'some')) {
    const value = fieldSchema(contract, stored, field)?.default;
    if (!sentFields.has(field)) serverSet.set(field, definition.constants?.[field] ?? value);
    // A type's own settings are stored exactly as sent; the fields every item has get their default.
    else if (value !== undefined && common.has(field)) defaults.set(field, value);
  }
  return {
    definition,
    store: new CollectionStore({ key: definition.key.field, parents: definition.parents.map((parent) => parent.field), indexes: definition.indexes ?? {} }, limits),
    operations,
    check: createItemCheck(contract, stored),
    listFields: operations.list ? fieldsOf(contract, itemSchema(contract, operations.list), 'every') : [],
    serverSet,
    defaults,
    patchable: operations.patch ? patchableOf(contract, operations.patch, stored) : new Map(),
    paging: pagingOf(operations.list),
    fieldsOf: (item) => fieldsOfVariant(contract, stored, item),
  };
}

/**
 * The operations of the patch body's schema (a JSON Patch whose items are a `oneOf` of one path
 * each): `replace` of a top-level field (`/name`), `add` at the end of a top-level array (`/roles/-`).
 */
function patchableOf(contract: Contract, operation: Operation, stored: Json): Map<string, Patchable> {
  const body = contract.resolve(operation.requestSchema('application/json'));
  const patchable = new Map<string, Patchable>();
  for (const branch of branchesOf(contract.document, body?.items) ?? []) {
    const properties = (branch.properties as Json | undefined) ?? {};
    const op = contract.resolve(properties.op)?.const;
    const path = contract.resolve(properties.path)?.const;
    // Only top-level fields: a deeper pointer would need more than changing one field.
    const pointer = typeof path === 'string' ? (op === 'replace' ? /^\/([^/]+)$/ : op === 'add' ? /^\/([^/]+)\/-$/ : undefined)?.exec(path) : undefined;
    if (!pointer?.[1]) continue;
    const field = pointer[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const schema = fieldSchema(contract, stored, field);
    patchable.set(path as string, { field, storedType: schema?.type, ...(op === 'add' ? { append: { unique: schema?.uniqueItems === true } } : {}) });
  }
  return patchable;
}
