import type { Contract, Json } from '@myreports/pbx-contract';
import type { Collection } from './collection.js';
import { type Item, idKey } from './collection-store.js';

/**
 * The items the spec's examples show, under the examples' own ids and parent ids, so the README's
 * curl, the docs samples and a client written from the examples find what they expect. The
 * examples are those of the success answers of the operations the resource names (`seedFrom`), not
 * any example of the right shape. One item appears in several (list, create, get): the fields of
 * every appearance are merged, in that order, so the list example's order is the list's order.
 */
export function exampleItems(contract: Contract, { definition }: Collection): Item[] {
  const merged = new Map<string, Record<string, unknown>>();
  for (const operationId of definition.seedFrom) {
    const operation = contract.operation(operationId);
    for (const example of operation.responses[contract.successStatus(operation)]?.['application/json']?.examples ?? []) {
      const data = (example.value as Json | undefined)?.data;
      for (const item of Array.isArray(data) ? data : [data]) {
        // An item without its id (the vendor's 3CX create answer has none) cannot be told apart from another.
        if (typeof item !== 'object' || item === null || (item as Item)[definition.key.field] === undefined) continue;
        const id = idKey((item as Item)[definition.key.field]);
        merged.set(id, { ...merged.get(id), ...(item as Item) });
      }
    }
  }
  return [...merged.values()];
}
