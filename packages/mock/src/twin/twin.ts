import type { Contract } from '@myreports/pbx-contract';
import type { ResponderAnswer as TwinAnswer, ResponderRequest as TwinRequest } from '../responder.js';
import { checkItems, refused } from './core/checked-items.js';
import { type Collection, createCollection } from './core/collection.js';
import type { StoreLimits } from './core/collection-store.js';
import { exampleItems } from './core/example-seed.js';
import { type Family, createFamily } from './core/family.js';
import { type Handler, handlersOf } from './core/operations.js';
import type { ResourceDefinition } from './core/resource.js';
import { type Change, StateFile } from './core/state-file.js';
import { type Contents, contentsOf, readSeedFile, serialise } from './core/twin-file.js';
import { sizeOf } from './core/collection-store.js';
import { RESOURCES } from './resources/index.js';

export interface TwinOptions {
  /**
   * What the twin holds at start and after a reset: the spec's examples (default), a seed file, or
   * `empty`: only the examples' tenants (the accounts and customers, parents of the rest), so the
   * example ids still lead somewhere, and no profile.
   */
  seed?: 'examples' | 'empty' | { file: string };
  /**
   * Keeps the collections across restarts (see core/state-file.ts): a change is answered once it would
   * survive a crash. One twin per file at a time. Default: memory only.
   */
  stateFile?: string;
  /** Most items of each resource (`--max-profiles`). Default 10,000. */
  maxItems?: number;
  /** Most bytes of stored JSON of each resource. Default 64 MiB. */
  maxStoredBytes?: number;
  /**
   * Base URL of the mock (`http://127.0.0.1:4010`, or its public URL), for the absolute `Location` of
   * a new item: the spec types it `format: uri`, which strict mode checks. Default: a relative one.
   */
  baseUrl?: () => string;
  /** The resources the twin keeps (default: every folder of ./resources). */
  resources?: readonly ResourceDefinition[];
}

export interface Twin {
  /** The twin's answer to a request Prism has validated; undefined for an operation it does not know. */
  respond(request: TwinRequest): TwinAnswer | undefined;
  /** Back to the seed. Resolves once the state file (if any) holds it. */
  reset(): Promise<void>;
  /** What the twin holds, as a state file holds it (`{ format, version, collections }`). */
  snapshot(): unknown;
  /** Replaces what the twin holds with a snapshot (or a seed file's document), checked like a seed file; a bad one is refused whole. */
  restore(document: unknown): Promise<void>;
  /** A clean stop: the state file written whole, its journal removed, its lock released. */
  close(): Promise<void>;
  /** Items held, over every resource. */
  readonly count: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxItems: 10_000, maxBytes: 64 * 1024 * 1024 };

/** A stateful twin of the API: what is created is there when read back. */
export async function createTwin(contract: Contract, options: TwinOptions = {}): Promise<Twin> {
  // Checked by the option table (src/option-table.ts) on the way in, as every option of startMock.
  const limits: StoreLimits = { maxItems: options.maxItems ?? DEFAULT_LIMITS.maxItems, maxBytes: options.maxStoredBytes ?? DEFAULT_LIMITS.maxBytes };
  const collections: Collection[] = (options.resources ?? RESOURCES).map((definition) => createCollection(contract, definition, limits));
  const seedOption = options.seed ?? 'examples';
  const family = createFamily(collections);
  const seed: Contents =
    seedOption === 'empty'
      ? tenantsOnly(contract, family, collections)
      : seedOption === 'examples'
        ? examples(contract, collections)
        : await readSeedFile(seedOption.file, collections);

  const state = options.stateFile === undefined ? undefined : await StateFile.open(options.stateFile, collections);
  // A file may name parents it does not hold (written before their resource existed): they get placeholders.
  const load = (contents: Contents) => {
    const adopted = family.adoptOrphans(contents);
    for (const collection of collections) collection.store.replaceAll(adopted.get(collection.definition.name) ?? []);
  };
  try {
    load((await state?.read()) ?? seed);
    // Written at once, so a folder that cannot hold the file fails the start, not a later request.
    await state?.start();
  } catch (error) {
    await state?.release();
    throw error;
  }

  let saved: Promise<void> | undefined;
  const context = {
    contract,
    location: (request: TwinRequest, id: string) => `${options.baseUrl?.() ?? ''}${request.path.replace(/\/$/, '')}/${id}`,
    // One request may change several items (a customer and its profiles): its answer waits for all.
    changed: (change: Change) => {
      const recorded = state?.record(change);
      if (recorded) saved = saved ? Promise.all([saved, recorded]).then(() => {}) : recorded;
    },
    family,
  };
  // Dispatch by operationId: each resource answers its own operations.
  const resources = (name: string) => collections.find((collection) => collection.definition.name === name)?.store;
  const handlers = new Map<string, Handler>(collections.flatMap((collection) => [...handlersOf(collection, resources)]));
  return {
    respond: (request) => {
      const handler = handlers.get(request.operationId);
      if (!handler) return undefined;
      saved = undefined;
      const answer = handler(request, context);
      // A change is answered once the state file holds it: the engine waits for `saved`.
      return saved ? { ...answer, saved } : answer;
    },
    reset: async () => {
      load(seed);
      await state?.recordAll();
    },
    snapshot: () => JSON.parse(serialise(collections)) as unknown,
    restore: async (document) => {
      const contents = contentsOf(document, 'The state', collections);
      const over = [...contents].flatMap(([name, items]) =>
        items.length > limits.maxItems || items.reduce((sum, item) => sum + sizeOf(item), 0) > limits.maxBytes
          ? [`collections/${name} holds more than the mock's limit (${limits.maxItems} items, ${limits.maxBytes} bytes)`]
          : [],
      );
      if (over.length > 0) throw refused('The state', over);
      load(contents);
      await state?.recordAll();
    },
    close: async () => state?.close(),
    get count() {
      return collections.reduce((sum, collection) => sum + collection.store.count, 0);
    },
  };
}

/**
 * The examples' items of the resources that are parents of others (accounts, customers), none of the
 * rest. Not held to the limits (`--max-profiles 1` with `--empty` is one profile); the default seed
 * checks the same examples whole.
 */
function tenantsOnly(contract: Contract, family: Family, collections: readonly Collection[]): Contents {
  const parents = collections.filter((collection) => family.childrenOf(collection).length > 0);
  return new Map(parents.map((collection) => [collection.definition.name, exampleItems(contract, collection)]));
}

/** The items of the spec's examples, checked like a file's: a wrong example is a bug in the spec. */
function examples(contract: Contract, collections: readonly Collection[]): Contents {
  const contents: Contents = new Map();
  const reasons: string[] = [];
  for (const collection of collections) {
    const checked = checkItems(exampleItems(contract, collection), collection.definition.name, collection);
    reasons.push(...checked.reasons);
    contents.set(collection.definition.name, checked.items);
  }
  if (reasons.length > 0) throw refused('the examples of the spec', reasons);
  return contents;
}
