import { MockSetupError } from '../../options.js';
import type { Collection } from './collection.js';
import { type Item, idKey, sizeOf } from './collection-store.js';

/** At most this many reasons in one message: a file of 10,000 bad items must not print 10,000 lines. */
const SHOWN_REASONS = 10;

/**
 * The items of one collection in a seed or state file (`where`: their place in it, `profiles` or
 * `collections/pbx-connection-profiles`), checked before anything is used: each against the spec, ids
 * unique, within the store's limits. Returns the reasons; the caller refuses the file if any.
 */
export function checkItems(value: unknown, where: string, collection: Collection): { items: Item[]; reasons: string[] } {
  if (!Array.isArray(value)) return { items: [], reasons: [`${where} must be an array of ${collection.definition.plural}`] };
  const { plural, key } = collection.definition;
  const { limits } = collection.store;
  const reasons: string[] = [];
  const seen = new Map<string, number>();
  let bytes = 0;
  for (const [index, item] of value.entries()) {
    const at = `${where}/${index}`;
    const found = collection.check(item, at);
    reasons.push(...found);
    if (found.length > 0) continue;
    const id = idKey((item as Item)[key.field]);
    const first = seen.get(id);
    if (first !== undefined) reasons.push(`${at}/${key.field} repeats the ${key.field} of ${where}/${first}`);
    else seen.set(id, index);
    bytes += sizeOf(item);
  }
  if (value.length > limits.maxItems) reasons.push(`it holds ${value.length} ${plural}, more than the limit of ${limits.maxItems}`);
  else if (bytes > limits.maxBytes) reasons.push(`its ${plural} take ${bytes} bytes, more than the limit of ${limits.maxBytes}`);
  return { items: value as Item[], reasons };
}

export function refused(file: string, reasons: string[]): MockSetupError {
  const shown = reasons.slice(0, SHOWN_REASONS);
  const more = reasons.length > shown.length ? `; and ${reasons.length - shown.length} more` : '';
  return new MockSetupError(`${file}: ${shown.join('; ')}${more}.`);
}
