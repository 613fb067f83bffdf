import type { Contract } from '@myreports/pbx-contract';
import { MockSetupError } from '../options.js';
import { exampleProfiles } from './example-seed.js';
import type { ResponderAnswer as TwinAnswer, ResponderRequest as TwinRequest } from '../responder.js';
import { OPERATIONS } from './operations.js';
import type { Profile } from './profile.js';
import { createProfileCheck } from './profile-check.js';
import { checkedProfiles } from './profile-list.js';
import { ProfileStore, type StoreLimits } from './profile-store.js';
import { readSeedFile } from './seed-file.js';
import { StateFile } from './state-file.js';

export interface TwinOptions {
  /** What the twin holds at start and after a reset: the spec's examples (default), nothing, or a seed file. */
  seed?: 'examples' | 'empty' | { file: string };
  /** Keeps the profiles across restarts (see state-file.ts). Default: memory only. */
  stateFile?: string;
  /** Default 10,000. */
  maxProfiles?: number;
  /** Default 64 MiB of stored JSON. */
  maxStoredBytes?: number;
  /**
   * Base URL of the mock (`http://127.0.0.1:4010`, or its public URL), for the absolute `Location` of
   * a new profile: the spec types it `format: uri`, which strict mode checks. Default: a relative one.
   */
  baseUrl?: () => string;
  /** A state file that could not be written (disk full, folder gone): the answers go on. */
  onError?: (error: Error) => void;
}

export interface Twin {
  /** The twin's answer to a request Prism has validated; undefined for an operation it does not know. */
  respond(request: TwinRequest): TwinAnswer | undefined;
  /** Back to the seed. Resolves once the state file (if any) holds it. */
  reset(): Promise<void>;
  /** Resolves once every change so far is in the state file. */
  flush(): Promise<void>;
  readonly count: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxProfiles: 10_000, maxBytes: 64 * 1024 * 1024 };

/** A stateful twin of the API: what is created is there when read back. */
export async function createTwin(contract: Contract, options: TwinOptions = {}): Promise<Twin> {
  const limits: StoreLimits = {
    maxProfiles: positive(options.maxProfiles ?? DEFAULT_LIMITS.maxProfiles, 'maxProfiles'),
    maxBytes: positive(options.maxStoredBytes ?? DEFAULT_LIMITS.maxBytes, 'maxStoredBytes'),
  };
  const check = createProfileCheck(contract);
  const seedOption = options.seed ?? 'examples';
  const seed: readonly Profile[] =
    seedOption === 'empty'
      ? []
      : seedOption === 'examples'
        ? checkedProfiles(exampleProfiles(contract), 'the examples of the spec', check, limits)
        : await readSeedFile(seedOption.file, check, limits);

  const store = new ProfileStore(limits);
  const onError = options.onError ?? (() => {});
  const state = options.stateFile === undefined ? undefined : new StateFile(options.stateFile, () => store.all(), onError);
  const saved = await state?.read(check, limits);
  store.replaceAll(saved ?? seed);
  // A new state file is written at once, so a folder that cannot hold it fails the start, not a later request.
  if (state && !saved) await state.write(store.all());

  const context = {
    store,
    location: (request: TwinRequest, id: string) => `${options.baseUrl?.() ?? ''}${request.path.replace(/\/$/, '')}/${id}`,
    changed: () => void state?.save(),
  };
  return {
    respond: (request) => OPERATIONS[request.operationId]?.(request, context),
    reset: async () => {
      store.replaceAll(seed);
      await state?.save();
    },
    flush: async () => state?.flush(),
    get count() {
      return store.count;
    },
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new MockSetupError(`${name} must be a whole number above 0, not ${value}.`);
  return value;
}
