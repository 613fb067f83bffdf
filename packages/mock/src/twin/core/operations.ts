import { randomUUID } from 'node:crypto';
import { type Contract, invalidRequestMessage } from '@myreports/pbx-contract';
import type { Collection } from './collection.js';
import { type InsertResult, type Item, idKey } from './collection-store.js';
import * as envelope from './envelopes.js';
import type { Change } from './state-file.js';
import { page } from './paging.js';
import { type GenericKind, type TwinAnswer, type TwinRequest, parameter } from './resource.js';

export interface OperationContext {
  contract: Contract;
  /** The URL of a new item on this mock, for `Location`. */
  location(request: TwinRequest, id: string): string;
  /** Called after every change, so the state file can follow. */
  changed(change: Change): void;
}

export type Handler = (request: TwinRequest, context: OperationContext) => TwinAnswer;

/** The answers of a resource's operations, by operationId: the generic ones, then its own. */
export function handlersOf(collection: Collection): Map<string, Handler> {
  const { operations, store, definition } = collection;
  const handlers = new Map<string, Handler>();
  for (const kind of Object.keys(GENERIC) as GenericKind[]) {
    const handler: Handler = (request, context) => GENERIC[kind](request, collection, context);
    const operation = operations[kind];
    if (operation) handlers.set(operation.operationId, handler);
    const mirror = definition.mirrors?.[kind];
    if (mirror) handlers.set(mirror, handler);
  }
  for (const [operationId, handler] of Object.entries(definition.handlers ?? {})) handlers.set(operationId, (request) => handler(request, store));
  return handlers;
}

const GENERIC: Record<GenericKind, (request: TwinRequest, collection: Collection, context: OperationContext) => TwinAnswer> = {
  list(request: TwinRequest, collection: Collection): TwinAnswer {
    // Any well-formed parent id is taken to exist (the spec has no parent resource yet).
    const items = collection.store.list(parentIdsOf(request, collection));
    const shown = collection.paging ? page(items, request, collection.paging) : { items, pageIndex: undefined };
    return envelope.list(shown.items.map((item) => pick(item, collection.listFields)), shown.pageIndex);
  },

  get(request: TwinRequest, collection: Collection): TwinAnswer {
    const item = find(request, collection);
    return item ? envelope.item(200, item) : envelope.notFound();
  },

  create(request: TwinRequest, collection: Collection, context: OperationContext): TwinAnswer {
    const { definition, serverSet, defaults } = collection;
    // What the server sets is never taken from the body; the rest must be a valid create body (Prism
    // has checked it already; this does not trust it).
    const item: Record<string, unknown> = isObject(request.body) ? { ...request.body } : {};
    for (const field of serverSet.keys()) delete item[field];
    const problems = context.contract.explainBody(collection.operations.create!, isObject(request.body) ? item : request.body);
    if (problems.length > 0) return envelope.error(400, invalidRequestMessage(problems));
    for (const [field, value] of serverSet) if (value !== undefined) item[field] = value;
    if (definition.createdAt) item[definition.createdAt] = envelope.timestamp();
    for (const [field, value] of defaults) item[field] ??= value;
    const id = randomUUID();
    item[definition.key.field] = id;
    for (const parent of definition.parents) item[parent.field] = idKey(parameter(request.pathParams, parent.parameter));
    const stored = collection.store.insert(item);
    if (!stored.ok) return full(stored, collection);
    context.changed({ collection, put: item });
    return envelope.item(201, item, { location: context.location(request, id) });
  },

  patch(request: TwinRequest, collection: Collection, context: OperationContext): TwinAnswer {
    const item = find(request, collection);
    if (!item) return envelope.notFound();
    const patched = applyPatch(item, request.body, collection, context);
    if (typeof patched === 'string') return envelope.error(400, patched);
    // All or nothing: the operations were applied to a copy, which now takes the stored one's place.
    const stored = collection.store.replace(patched);
    if (!stored.ok) return full(stored, collection);
    context.changed({ collection, put: patched });
    return envelope.noData();
  },

  delete(request: TwinRequest, collection: Collection, context: OperationContext): TwinAnswer {
    const { store, definition } = collection;
    const id = parameter(request.pathParams, definition.key.parameter);
    if (!store.remove(parentIdsOf(request, collection), id)) return envelope.notFound();
    context.changed({ collection, delete: id });
    return envelope.noData();
  },
};

/** The patched copy, or the 400 message. */
function applyPatch(item: Item, body: unknown, collection: Collection, context: OperationContext): Item | string {
  if (!Array.isArray(body) || body.length === 0) return 'Invalid request: the body must be a JSON Patch array with at least one operation.';
  const problems = context.contract.explainBody(collection.operations.patch!, body);
  if (problems.length > 0) return invalidRequestMessage(problems);
  // A path the spec accepts for some variant, but not one this item's variant has (a 3CX setting on
  // a Kazoo profile): the API's words for a path its model lacks (the InvalidPatchProperty example).
  const fields = collection.fieldsOf(item);
  for (const { path } of body as { path: string }[]) {
    const { field } = collection.patchable.get(path) ?? { field: path.slice(1) };
    if (!fields.includes(field)) return `The target location specified by path segment '${field.slice(0, 100)}' was not found.`;
  }
  const copy: Record<string, unknown> = { ...item };
  for (const operation of body as { path: string; value: unknown }[]) {
    const { field, storedType } = collection.patchable.get(operation.path)!;
    // A lenient boolean: the vendor sends the string "true"; a boolean field stores a boolean.
    copy[field] = storedType === 'boolean' && typeof operation.value === 'string' ? operation.value === 'true' : operation.value;
  }
  return copy;
}

function find(request: TwinRequest, collection: Collection): Item | undefined {
  return collection.store.get(parentIdsOf(request, collection), parameter(request.pathParams, collection.definition.key.parameter));
}

function parentIdsOf(request: TwinRequest, { definition }: Collection): string[] {
  return definition.parents.map((parent) => parameter(request.pathParams, parent.parameter));
}

function full(result: Exclude<InsertResult, { ok: true }>, { store, definition }: Collection): TwinAnswer {
  const limit =
    result.reason === 'count' ? `at most ${store.limits.maxItems} ${definition.plural}` : `at most ${store.limits.maxBytes} bytes of ${definition.plural}`;
  return envelope.error(400, `The mock holds ${limit} (its limit, not the API's): delete ${definition.plural} or reset the mock (POST /__mock/reset).`);
}

function pick(item: Item, fields: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) if (item[field] !== undefined) result[field] = item[field];
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
