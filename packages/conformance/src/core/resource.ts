import type fc from 'fast-check';
import type { Checker, PropertyDefinition } from './property.js';
import type { Ledger } from './ledger.js';
import type { Session } from './session.js';

/** The ids a resource lives under (for profiles: the account and customer tenant ids). */
export type Parent = Record<string, string>;

/** Where a run may write, decided by the runner from the command line, never by a resource. */
export interface Scope {
  /** Create, patch and delete allowed. */
  writes: boolean;
  /** The parent named by the user, or none: then each run gets a fresh random one (a target of our own). */
  parent: Parent | undefined;
  /** A mock on this machine (loopback or in-process), where nothing costs money or reaches a PBX. */
  local: boolean;
}

export interface RunContext {
  session: Session;
  checker: Checker;
  ledger: Ledger;
  scope: Scope;
  /** Tells the report why something was not checked. */
  note(line: string): void;
}

/** The runner's view of one resource of the API: its properties and its model. */
export interface Resource {
  /** The spec tag's folder name, e.g. `pbx-connection-profiles`. */
  name: string;
  properties: PropertyDefinition[];
  /** Fields whose values are secrets wherever they appear (masked in every output). */
  secretFields: readonly string[];
  /** How `--customer`-style text names a parent: the parent, or what is wrong with the text. */
  parseParent(text: string): Parent | string;
  /** One session against a target: reads what it needs once (a snapshot), then serves every run. */
  open(context: RunContext): Promise<ResourceSession>;
}

export interface ResourceSession {
  /** What the session will write, in plain words, printed before the first write. */
  plan: string[];
  /** fast-check commands over the resource's model (`fc.commands`). */
  commands: fc.Arbitrary<fc.AsyncCommand<object, unknown>>[];
  /** The model and the real side of one run, on a fresh parent or a copy of the snapshot. */
  setup(): Promise<{ model: object; real: unknown }>;
  /** Requests checked once each, outside the model (the invalid rows of the fixture tables). */
  rows(): Promise<void>;
}
