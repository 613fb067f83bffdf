import type { Item } from './collection-store.js';
import { type ResourceDefinition, type TwinRequest, parameter } from './resource.js';

/**
 * The list's text filter, where a resource declares one: the items whose named fields contain the
 * text, compared in lower case (the API's "contains"). No text, every item.
 */
export function matching(items: Item[], request: TwinRequest, filter: ResourceDefinition['filter']): Item[] {
  const text = filter ? parameter(request.query, filter.parameter).toLowerCase() : '';
  if (!filter || text === '') return items;
  return items.filter((item) => filter.fields.some((field) => typeof item[field] === 'string' && item[field].toLowerCase().includes(text)));
}
