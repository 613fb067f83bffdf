import type { ResponderAnswer as TwinAnswer, ResponderRequest as TwinRequest } from '../../responder.js';
import type { CollectionStore, Item } from './collection-store.js';

export type { TwinAnswer, TwinRequest };

/** The operations every resource may have, answered by the generic core. */
export type GenericKind = 'list' | 'get' | 'create' | 'patch' | 'delete';

/**
 * What a resource folder (`../resources/<tag>/`) declares; the rest is read from the spec through
 * its operations (the item schema, the create body, the patchable paths, the defaults).
 */
export interface ResourceDefinition {
  /** The spec's tag in kebab case (`pbx-connection-profiles`): the folder, and the key in state and seed files. */
  name: string;
  /** The items in a message: `at most 3 profiles`. */
  plural: string;
  /** The key this collection had in files before format version 2 (`profiles`), still read. */
  legacyFileKey?: string;
  /** The operationIds of the generic operations this resource has; any may be missing. */
  operations: Partial<Record<GenericKind, string>>;
  /**
   * The same operations at a second family of paths, by kind (the reseller's
   * `/v1.0/customers/{customerTenantId}/pbxs` beside the account's): each answers as its generic
   * operation does, on the same items, so its path needs only the parents the items are kept under.
   */
  mirrors?: Partial<Record<GenericKind, string>>;
  /** The item's own id: its path parameter and field (`pbxId`, `id`). A create sets it to a new GUID. */
  key: { parameter: string; field: string };
  /**
   * The parents that scope the items, outermost first: path parameter and the item's field holding it
   * (`customerTenantId`, `tenantId`). A create sets each from the path.
   */
  parents: { parameter: string; field: string }[];
  /**
   * Operations whose success examples show items of this resource, in order: the default seed. The first
   * one to show an item sets its place; later ones add fields.
   */
  seedFrom: string[];
  /**
   * Server-set fields whose value the mock cannot know, set on every create (an account's
   * `parentTenantId`, the enterprise of the caller's token on the real API).
   */
  constants?: Record<string, unknown>;
  /** The server-set field a create sets to its own time (`dateCreated`). */
  createdAt?: string;
  /** Values the resource's own operations look items up by (kept as indexes of the store). */
  indexes?: Record<string, (item: Item) => string | undefined>;
  /**
   * The list's text filter: the query parameter (`filter`) and the fields it searches, keeping the
   * items whose field contains the text in any case.
   */
  filter?: { parameter: string; fields: string[] };
  /**
   * Fields of the create body that hold items of a child resource, by resource name (a customer's
   * `pbxConnectionProfiles`): created with the item, under it, as the child's own create would.
   */
  embedded?: Record<string, string>;
  /**
   * Values of an array field that a patch's `replace` of the field leaves as they were, by field (a
   * user's PBX role in `roles`, which the API synchronises from the PBX): neither removed nor added.
   */
  keptByReplace?: Record<string, readonly unknown[]>;
  /**
   * A stand-in for an item that a loaded file's children name but the file lacks (files written
   * before this resource existed): its fields beside the key, so the children stay reachable.
   */
  placeholder?: (id: string) => Record<string, unknown>;
  /** The resource's own operations (neither list, get, create, patch nor delete), by operationId. */
  handlers?: Record<string, (request: TwinRequest, store: CollectionStore, resources: Resources) => TwinAnswer>;
}

/** The store of another resource by its name (`pbx-connection-profiles`), for an answer that reads several (account metrics); undefined when the twin does not keep it. */
export type Resources = (name: string) => CollectionStore | undefined;

/** A path or query parameter by its spec name, also when the engine hands it over in lower case. */
export function parameter(values: Record<string, string | string[]>, name: string): string {
  const value = values[name] ?? values[name.toLowerCase()];
  return String((Array.isArray(value) ? value[0] : value) ?? '');
}
