import type { Operation } from '@myreports/pbx-contract';
import type { Item } from './collection-store.js';
import { type TwinRequest, parameter } from './resource.js';

/**
 * The API's paging, where a list operation declares it: `pageIndex` (from 0) and `pageSize` in the
 * query, `page_index` in the answer. The defaults are the spec's (`default` of each parameter).
 */
export interface Paging {
  defaultSize: number;
}

export function pagingOf(operation: Operation | undefined): Paging | undefined {
  const declared = (name: string) => operation?.parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
  const size = declared('pageSize');
  if (!declared('pageIndex') || !size) return undefined;
  const fallback = (size.schema as { default?: unknown } | undefined)?.default;
  return { defaultSize: typeof fallback === 'number' ? fallback : Number.MAX_SAFE_INTEGER };
}

/** One page of the items and its `page_index` (Prism has checked that both are whole numbers in range). */
export function page(items: readonly Item[], request: TwinRequest, paging: Paging): { items: Item[]; pageIndex: number } {
  const index = Number(parameter(request.query, 'pageIndex') || 0);
  const size = Number(parameter(request.query, 'pageSize') || paging.defaultSize);
  return { items: items.slice(index * size, (index + 1) * size), pageIndex: index };
}
