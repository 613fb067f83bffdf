import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { MockSetupError } from '../../options.js';
import { checkItems, refused } from './checked-items.js';
import type { Collection } from './collection.js';
import type { Item } from './collection-store.js';

/** Marks a state file as the twin's, so that no other file is ever taken for one or overwritten. */
export const STATE_FORMAT = 'pbx-mock-state';
/**
 * 3: every item's parents exist (customers hold the profiles). 2 (still read): `collections`, by
 * resource, with profiles under any customer id. 1 (still read): `profiles` only. An older file's
 * profiles of customers it lacks get placeholder customers when loaded (core/family.ts).
 */
export const STATE_VERSION = 3;
export const READ_VERSIONS: readonly number[] = [1, 2, 3];

/** The items of each collection, by resource name. */
export type Contents = Map<string, Item[]>;

/**
 * What the twin writes and reads, as a state file and as a seed file (a seed file may leave out
 * `format` and `version`): `{ "format": "pbx-mock-state", "version": 2, "collections": { "<resource>": [ … ] } }`,
 * each item as get returns it. Files of version 1 and seed files written before it hold
 * `{ "profiles": [ … ] }` (a resource's `legacyFileKey`): still read.
 */
export function serialise(collections: readonly Collection[]): string {
  const contents = Object.fromEntries(collections.map((collection) => [collection.definition.name, collection.store.all()]));
  return JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, collections: contents }, null, 1);
}

/** The contents of a parsed seed or state document, each item checked; a bad one is refused with every reason. */
export function contentsOf(document: unknown, file: string, collections: readonly Collection[]): Contents {
  const legacy = new Map(collections.flatMap((collection) => (collection.definition.legacyFileKey ? [[collection.definition.legacyFileKey, collection] as const] : [])));
  const expected = ['collections', ...legacy.keys()];
  const shape = `a seed file is a JSON object with a "collections" object (or, as before version 2, ${[...legacy.keys()].map((key) => `a "${key}" array`).join(' or ')})`;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw refused(file, [shape]);
  const fields = document as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !['format', 'version', ...expected].includes(key));
  if (unknown.length > 0) {
    throw refused(file, [`unknown top-level field ${unknown.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')} (expected ${expected.map((key) => `"${key}"`).join(' or ')})`]);
  }
  if (!expected.some((key) => key in fields)) throw refused(file, [shape]);

  const found: { collection: Collection; value: unknown; where: string }[] = [];
  for (const [key, collection] of legacy) if (key in fields) found.push({ collection, value: fields[key], where: key });
  const named = fields.collections;
  const reasons: string[] = [];
  if (named !== undefined && (typeof named !== 'object' || named === null || Array.isArray(named))) reasons.push('collections must be an object of arrays, by resource');
  for (const [name, value] of Object.entries((named as Record<string, unknown> | undefined) ?? {})) {
    const collection = collections.find((candidate) => candidate.definition.name === name);
    if (!collection) reasons.push(`collections/${name.slice(0, 40)} is not a resource of this mock (expected ${collections.map((known) => `"${known.definition.name}"`).join(', ')})`);
    else found.push({ collection, value, where: `collections/${name}` });
  }
  const contents: Contents = new Map();
  for (const { collection, value, where } of found) {
    if (contents.has(collection.definition.name)) reasons.push(`${where} repeats the ${collection.definition.plural} of another field`);
    const checked = checkItems(value, where, collection);
    reasons.push(...checked.reasons);
    contents.set(collection.definition.name, checked.items);
  }
  if (reasons.length > 0) throw refused(file, reasons);
  return contents;
}

/** The text of a seed or state file; a UTF-8 byte order mark (as some editors write) is dropped. */
export async function readText(file: string, what: string): Promise<string> {
  try {
    // Only a regular file is read: a FIFO would block the start forever, a device could be endless.
    const found = await stat(file);
    if (!found.isFile()) throw new MockSetupError(`${what} ${file} is ${kindOf(found)}, not a regular file: give the path of a JSON file.`);
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof MockSetupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MockSetupError(
      code === 'ENOENT' ? `${what} ${file} does not exist.` : `${what} ${file} cannot be read (${code ?? (error as Error).message}).`,
    );
  }
}

/** What a path that is not a regular file is, for a message. */
export function kindOf(found: Stats): string {
  if (found.isDirectory()) return 'a folder';
  if (found.isFIFO()) return 'a FIFO (named pipe)';
  if (found.isSocket()) return 'a socket';
  if (found.isCharacterDevice() || found.isBlockDevice()) return 'a device';
  return 'a special file';
}

/**
 * Deepest nesting of arrays and objects a file may hold. An item of the API nests a few levels;
 * thousands overflow the stack of JSON.stringify (which sizes every item), so a file is refused first.
 */
export const MAX_DEPTH = 100;

export function parseJson(text: string, file: string): unknown {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw refused(file, [`not valid JSON (${(error as Error).message})`]);
  }
  if (depthOf(document) > MAX_DEPTH) throw refused(file, [`it nests arrays and objects more than ${MAX_DEPTH} levels deep`]);
  return document;
}

/** Levels of nesting, counted without recursion (the point is not to overflow the stack). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(next)) if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Reads a seed file; a state file of the twin is a valid seed file too. */
export async function readSeedFile(file: string, collections: readonly Collection[]): Promise<Contents> {
  return contentsOf(parseJson(await readText(file, 'Seed file'), file), file, collections);
}
