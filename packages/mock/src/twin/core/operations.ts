import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type Contract, invalidRequestMessage } from '@myreports/pbx-contract';
import type { Collection } from './collection.js';
import { type InsertResult, type Item, idKey } from './collection-store.js';
import * as envelope from './envelopes.js';
import type { Family } from './family.js';
import { matching } from './filter.js';
import type { Change } from './state-file.js';
import { page } from './paging.js';
import { type GenericKind, type Resources, type TwinAnswer, type TwinRequest, parameter } from './resource.js';

export interface OperationContext {
  contract: Contract;
  /** The URL of a new item on this mock, for `Location`. */
  location(request: TwinRequest, id: string): string;
  /** Called after every change, so the state file can follow. */
  changed(change: Change): void;
  /** The other resources: parents to check, children to create and delete with an item. */
  family: Family;
}

export type Handler = (request: TwinRequest, context: OperationContext) => TwinAnswer;

/** The answers of a resource's operations, by operationId: the generic ones, then its own. */
export function handlersOf(collection: Collection, resources: Resources): Map<string, Handler> {
  const { operations, store, definition } = collection;
  const handlers = new Map<string, Handler>();
  for (const kind of Object.keys(GENERIC) as GenericKind[]) {
    // Under a parent that does not exist (or not under the parents the path names), nothing is.
    const handler: Handler = (request, context) =>
      context.family.missingAncestor(request, collection) ? envelope.notFound() : GENERIC[kind](request, collection, context);
    const operation = operations[kind];
    if (operation) handlers.set(operation.operationId, handler);
    const mirror = definition.mirrors?.[kind];
    if (mirror) handlers.set(mirror, handler);
  }
  for (const [operationId, handler] of Object.entries(definition.handlers ?? {})) handlers.set(operationId, (request) => handler(request, store, resources));
  return handlers;
}

const GENERIC: Record<GenericKind, (request: TwinRequest, collection: Collection, context: OperationContext) => TwinAnswer> = {
  list(request: TwinRequest, collection: Collection): TwinAnswer {
    const items = matching(collection.store.list(parentIdsOf(request, collection)), request, collection.definition.filter);
    const shown = collection.paging ? page(items, request, collection.paging) : { items, pageIndex: undefined };
    return envelope.list(shown.items.map((item) => pick(item, collection.listFields)), shown.pageIndex);
  },

  get(request: TwinRequest, collection: Collection): TwinAnswer {
    const item = find(request, collection);
    return item ? envelope.item(200, item) : envelope.notFound();
  },

  create(request: TwinRequest, collection: Collection, context: OperationContext): TwinAnswer {
    const created = createItem(collection, request.body, request.pathParams, context);
    if (!('item' in created)) return created;
    const id = String(created.item[collection.definition.key.field]);
    return envelope.item(201, created.item, { location: context.location(request, id) });
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
    const item = find(request, collection);
    if (!item) return envelope.notFound();
    store.remove(parentIdsOf(request, collection), String(item[definition.key.field]));
    context.changed({ collection, delete: String(item[definition.key.field]) });
    removeChildren(collection, item, context);
    return envelope.noData();
  },
};

/**
 * A new item from a create body, under the parents the path names, with its embedded children (a
 * customer's inline profile): all stored, or none and the 400 answer.
 */
function createItem(collection: Collection, body: unknown, pathParams: TwinRequest['pathParams'], context: OperationContext): { item: Item } | TwinAnswer {
  const { definition, serverSet, defaults } = collection;
  // What the server sets is never taken from the body; the rest must be a valid create body (Prism
  // has checked it already; this does not trust it).
  const item: Record<string, unknown> = isObject(body) ? { ...body } : {};
  for (const field of serverSet.keys()) delete item[field];
  const problems = context.contract.explainBody(collection.operations.create!, isObject(body) ? item : body);
  if (problems.length > 0) return envelope.error(400, invalidRequestMessage(problems));
  const embedded = Object.entries(definition.embedded ?? {}).map(([field, resource]) => {
    const bodies = item[field];
    delete item[field];
    return { children: context.family.byName(resource), bodies: Array.isArray(bodies) ? (bodies as unknown[]) : [] };
  });
  for (const [field, value] of serverSet) if (value !== undefined) item[field] = value;
  if (definition.createdAt) item[definition.createdAt] = envelope.timestamp();
  for (const [field, value] of defaults) item[field] ??= value;
  const id = randomUUID();
  item[definition.key.field] = id;
  for (const parent of definition.parents) item[parent.field] = idKey(parameter(pathParams, parent.parameter));
  const stored = collection.store.insert(item);
  if (!stored.ok) return full(stored, collection);
  // The children's changes are recorded with the item's, or the item is taken back with them.
  const changes: Change[] = [{ collection, put: item }];
  const under = { ...pathParams, [definition.key.parameter]: id };
  for (const { children, bodies } of embedded) {
    for (const childBody of bodies) {
      const child = createItem(children, childBody, under, { ...context, changed: (change) => changes.push(change) });
      if ('item' in child) continue;
      for (const change of changes.reverse()) if ('put' in change) change.collection.store.remove(parentIdsOfItem(change.collection, change.put), String(change.put[change.collection.definition.key.field]));
      return child;
    }
  }
  for (const change of changes) context.changed(change);
  return { item };
}

/** A deleted item's children, and theirs, deleted too: under a deleted customer nothing is left. */
function removeChildren(parent: Collection, item: Item, context: OperationContext): void {
  const path = context.family.pathOf(parent, item);
  for (const children of context.family.childrenOf(parent)) {
    const parentIds = children.definition.parents.map((candidate) => path[candidate.parameter] ?? '');
    for (const child of children.store.list(parentIds)) {
      const id = String(child[children.definition.key.field]);
      children.store.remove(parentIds, id);
      context.changed({ collection: children, delete: id });
      removeChildren(children, child, context);
    }
  }
}

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
    const { field, storedType, append } = collection.patchable.get(operation.path)!;
    const held = Array.isArray(copy[field]) ? (copy[field] as unknown[]) : [];
    const kept = collection.definition.keptByReplace?.[field];
    if (append) copy[field] = append.unique && held.some((value) => isDeepStrictEqual(value, operation.value)) ? held : [...held, operation.value];
    // A value the API keeps itself (a user's PBX role): the replace neither removes nor adds it.
    else if (kept && Array.isArray(operation.value)) copy[field] = [...operation.value.filter((value) => !kept.includes(value)), ...held.filter((value) => kept.includes(value))];
    // A lenient boolean: the vendor sends the string "true"; a boolean field stores a boolean.
    else copy[field] = storedType === 'boolean' && typeof operation.value === 'string' ? operation.value === 'true' : operation.value;
  }
  return copy;
}

function find(request: TwinRequest, collection: Collection): Item | undefined {
  return collection.store.get(parentIdsOf(request, collection), parameter(request.pathParams, collection.definition.key.parameter));
}

function parentIdsOf(request: TwinRequest, { definition }: Collection): string[] {
  return definition.parents.map((parent) => parameter(request.pathParams, parent.parameter));
}

function parentIdsOfItem({ definition }: Collection, item: Item): string[] {
  return definition.parents.map((parent) => String(item[parent.field] ?? ''));
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
