/**
 * An item as get returns it: its own fields, and the settings sent for it exactly as they were sent.
 * Stored items are frozen: a change replaces the whole object, so no reader ever sees half of a patch.
 */
export type Item = Readonly<Record<string, unknown>>;

export interface StoreLimits {
  /** Most items held at once, over every parent. */
  maxItems: number;
  /** Most bytes of stored JSON (UTF-8) at once (a count alone would let 10,000 bodies of 1 MiB in). */
  maxBytes: number;
}

export interface StoreShape {
  /** The field holding an item's own id. */
  key: string;
  /** The fields holding the ids of its parents, outermost first (empty for a top-level resource). */
  parents: readonly string[];
  /** Values an item is looked up by, besides its id; each is kept in an index, never found by a scan. */
  indexes?: Readonly<Record<string, (item: Item) => string | undefined>>;
}

export type InsertResult = { ok: true } | { ok: false; reason: 'count' | 'bytes' };

interface Entry {
  item: Item;
  bytes: number;
  /** Creation order: "the oldest" of an index answers the lowest. */
  sequence: number;
}

/** Ids are GUIDs, compared as .NET compares them: without regard to case. Keys are lower case. */
export const idKey = (id: unknown): string => String(id ?? '').toLowerCase();

/**
 * One resource's items in memory, by id and by parent. Every method is synchronous, so each
 * request's change happens whole between two others (Node runs one at a time): that is the
 * twin's atomicity.
 */
export class CollectionStore {
  /** Every item by id, in creation order. */
  readonly #byId = new Map<string, Entry>();
  readonly #byParent = new Map<string, Map<string, Item>>();
  readonly #indexes = new Map<string, Map<string, Set<string>>>();
  #bytes = 0;
  #sequence = 0;

  constructor(
    readonly shape: StoreShape,
    readonly limits: StoreLimits,
  ) {
    for (const name of Object.keys(shape.indexes ?? {})) this.#indexes.set(name, new Map());
  }

  get count(): number {
    return this.#byId.size;
  }

  /** The items of one parent (the ids of its parents, outermost first), in creation order. */
  list(parentIds: readonly string[]): Item[] {
    return [...(this.#byParent.get(parentKey(parentIds))?.values() ?? [])];
  }

  /** The item, if it belongs to that parent. */
  get(parentIds: readonly string[], id: string): Item | undefined {
    const entry = this.#byId.get(idKey(id));
    return entry && this.#parentOf(entry.item) === parentKey(parentIds) ? entry.item : undefined;
  }

  /** The item, whatever its parents. */
  find(id: string): Item | undefined {
    return this.#byId.get(idKey(id))?.item;
  }

  insert(item: Item): InsertResult {
    if (this.#byId.size >= this.limits.maxItems) return { ok: false, reason: 'count' };
    const bytes = sizeOf(item);
    if (this.#bytes + bytes > this.limits.maxBytes) return { ok: false, reason: 'bytes' };
    this.#put(item, bytes, (this.#sequence += 1));
    return { ok: true };
  }

  /** Swaps a stored item for its changed copy (same id and parents, which the caller got from get). */
  replace(item: Item): InsertResult {
    const before = this.#byId.get(idKey(item[this.shape.key]));
    if (!before) return this.insert(item);
    const bytes = sizeOf(item);
    if (this.#bytes - before.bytes + bytes > this.limits.maxBytes) return { ok: false, reason: 'bytes' };
    this.#unindex(before);
    // Map.set on a present key keeps its place, and the sequence stays: list order and "oldest" hold.
    this.#put(item, bytes, before.sequence);
    return { ok: true };
  }

  remove(parentIds: readonly string[], id: string): boolean {
    const item = this.get(parentIds, id);
    if (!item) return false;
    const key = idKey(id);
    this.#unindex(this.#byId.get(key)!);
    this.#byId.delete(key);
    const parent = this.#parentOf(item);
    const siblings = this.#byParent.get(parent)!;
    siblings.delete(key);
    if (siblings.size === 0) this.#byParent.delete(parent);
    return true;
  }

  /** The oldest item whose `index` value is `value`, over every parent. */
  findFirst(index: string, value: string): Item | undefined {
    let first: Entry | undefined;
    for (const id of this.#indexes.get(index)?.get(value) ?? []) {
      const entry = this.#byId.get(id)!;
      if (!first || entry.sequence < first.sequence) first = entry;
    }
    return first?.item;
  }

  /** Every item, in creation order. */
  all(): Item[] {
    return [...this.#byId.values()].map((entry) => entry.item);
  }

  /** Replaces everything (reset, load); the caller has checked the items and the limits. */
  replaceAll(items: readonly Item[]): void {
    this.#byId.clear();
    this.#byParent.clear();
    for (const index of this.#indexes.values()) index.clear();
    this.#bytes = 0;
    this.#sequence = 0;
    for (const item of items) this.#put(item, sizeOf(item), (this.#sequence += 1));
  }

  #parentOf(item: Item): string {
    return parentKey(this.shape.parents.map((field) => String(item[field] ?? '')));
  }

  #put(item: Item, bytes: number, sequence: number): void {
    const key = idKey(item[this.shape.key]);
    const frozen = Object.isFrozen(item) ? item : Object.freeze(item);
    this.#byId.set(key, { item: frozen, bytes, sequence });
    const parent = this.#parentOf(frozen);
    let siblings = this.#byParent.get(parent);
    if (!siblings) {
      siblings = new Map();
      this.#byParent.set(parent, siblings);
    }
    siblings.set(key, frozen);
    for (const [name, index] of this.#indexes) {
      const value = this.shape.indexes![name]!(frozen);
      if (value === undefined) continue;
      let ids = index.get(value);
      if (!ids) {
        ids = new Set();
        index.set(value, ids);
      }
      ids.add(key);
    }
    this.#bytes += bytes;
  }

  /** Takes an entry out of the indexes and the byte count; its places in the maps are the caller's. */
  #unindex(entry: Entry): void {
    const key = idKey(entry.item[this.shape.key]);
    for (const [name, index] of this.#indexes) {
      const value = this.shape.indexes![name]!(entry.item);
      const ids = value === undefined ? undefined : index.get(value);
      ids?.delete(key);
      if (ids?.size === 0) index.delete(value!);
    }
    this.#bytes -= entry.bytes;
  }
}

function parentKey(parentIds: readonly string[]): string {
  return parentIds.map(idKey).join('/');
}

/** Bytes of the item's JSON as a file holds it (UTF-8). */
export function sizeOf(item: unknown): number {
  return Buffer.byteLength(JSON.stringify(item), 'utf8');
}
