import type { Collection } from './collection.js';
import { type Item, idKey } from './collection-store.js';
import type { Contents } from './twin-file.js';
import { type TwinRequest, parameter } from './resource.js';

/**
 * How the resources hang together: a resource is the parent of another when its key's path
 * parameter (`customerTenantId`) is the last of the other's parents. Read from the definitions, so a
 * new child resource needs no code here.
 */
export interface Family {
  /** A parent named in the request's path that does not exist, or is not under the other parents the path names. */
  missingAncestor(request: TwinRequest, own: Collection): boolean;
  /** The collections whose items hang directly under the items of `parent`. */
  childrenOf(parent: Collection): Collection[];
  /** The collection of a resource, by its name. */
  byName(name: string): Collection;
  /** The path parameters that name an item and its parents (`{ accountTenantId, customerTenantId }`). */
  pathOf(collection: Collection, item: Item): Record<string, string>;
  /** Contents whose orphans (children of a parent the contents lack) got a placeholder parent each. */
  adoptOrphans(contents: Contents): Contents;
}

export function createFamily(collections: readonly Collection[]): Family {
  const byParameter = new Map(collections.map((collection) => [collection.definition.key.parameter, collection]));
  const parentOf = (child: Collection) => byParameter.get(child.definition.parents.at(-1)?.parameter ?? '');
  const pathOf = ({ definition }: Collection, item: Item) => ({
    ...Object.fromEntries(definition.parents.map((parent) => [parent.parameter, String(item[parent.field] ?? '')])),
    [definition.key.parameter]: String(item[definition.key.field] ?? ''),
  });
  return {
    missingAncestor(request, own) {
      for (const collection of collections) {
        const id = parameter(request.pathParams, collection.definition.key.parameter);
        if (collection === own || id === '') continue;
        const item = collection.store.find(id);
        if (!item) return true;
        for (const parent of collection.definition.parents) {
          const named = parameter(request.pathParams, parent.parameter);
          if (named !== '' && idKey(named) !== idKey(item[parent.field])) return true;
        }
      }
      return false;
    },
    childrenOf: (parent) => collections.filter((collection) => parentOf(collection) === parent),
    byName(name) {
      const found = collections.find((collection) => collection.definition.name === name);
      if (!found) throw new Error(`No resource named ${name}`);
      return found;
    },
    pathOf,
    adoptOrphans(contents) {
      const adopted: Contents = new Map(contents);
      // Innermost first: a placeholder customer may itself need a placeholder account.
      for (const child of [...collections].reverse()) {
        const parent = parentOf(child);
        const field = child.definition.parents.at(-1)?.field;
        const stand = parent?.definition.placeholder;
        if (!parent || !field || !stand) continue;
        const parents = [...(adopted.get(parent.definition.name) ?? [])];
        const known = new Set(parents.map((item) => idKey(item[parent.definition.key.field])));
        for (const item of adopted.get(child.definition.name) ?? []) {
          const id = idKey(item[field]);
          if (known.has(id)) continue;
          known.add(id);
          parents.push({ ...stand(id), [parent.definition.key.field]: id });
        }
        adopted.set(parent.definition.name, parents);
      }
      return adopted;
    },
  };
}
