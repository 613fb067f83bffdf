import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MockSetupError } from '../../options.js';
import { checkItems, refused } from './checked-items.js';
import type { Collection } from './collection.js';
import { type Item, idKey } from './collection-store.js';
import { acquireLock } from './file-lock.js';
import { JOURNAL_HEADER, Journal, journalChanges } from './journal.js';
import { type StatePaths, removeTemporaryFiles, statePaths, temporaryFile } from './state-path.js';
import { type Contents, READ_VERSIONS, STATE_FORMAT, contentsOf, parseJson, readText, serialise } from './twin-file.js';

/** A change to one collection, as the journal records it: an item stored whole, or an id deleted. */
export type Change = { collection: Collection; put: Item } | { collection: Collection; delete: string };

/** A journal this small is never compacted; past it, once it outgrows the state file. */
const MIN_COMPACTION_BYTES = 4 * 1024 * 1024;
const KEEP = ' Refusing to start so as not to replace it: move it away or choose another state file.';

/**
 * The state file: the twin's collections across restarts, and nothing acknowledged is lost to a
 * crash. Two files: the state file, a whole snapshot, and `<file>.journal`, one line per change
 * since. A change is answered once its line is synced (see journal.ts); the snapshot is rewritten
 * (compaction: temporary file, sync, rename, sync of the folder) at start, at a clean stop, and
 * when the journal outgrows it, so a change costs its own line, not a rewrite of the whole file.
 *
 * Replaying a journal is idempotent (a line stores an item whole, deletes an id, or replaces
 * everything on a reset), so a crash between a compaction's rename and the journal's truncation,
 * which replays lines the snapshot already holds, gives the same state.
 *
 * Every file is created 0600 (they hold secrets); `<file>.lock` keeps a second mock off the file;
 * temporary files a crash left are removed at start.
 */
export class StateFile {
  #journal: Journal | undefined;
  #snapshotBytes = 0;

  private constructor(
    readonly paths: StatePaths,
    private readonly collections: readonly Collection[],
    readonly release: () => Promise<void>,
  ) {}

  /** Checks the path, takes the lock, removes a crash's temporary files. Read it next. */
  static async open(file: string, collections: readonly Collection[]): Promise<StateFile> {
    const paths = await statePaths(file);
    const release = await acquireLock(paths.lock, file);
    try {
      await removeTemporaryFiles(paths.file);
    } catch (error) {
      await release();
      throw error;
    }
    return new StateFile(paths, collections, release);
  }

  /** The saved contents with the journal's changes, or undefined if there is no state file yet. */
  async read(): Promise<Contents | undefined> {
    const { given, file, journal } = this.paths;
    const journalText = await readFile(journal, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new MockSetupError(`State file journal ${journal} cannot be read (${error.code ?? error.message}).`);
    });
    if (!this.paths.exists) {
      if (journalText === undefined) return undefined;
      throw new MockSetupError(`State file ${given} does not exist but its journal ${journal} does: restore the state file, or delete the journal to start afresh.`);
    }
    const contents = refusing(() => this.#snapshot(readText(file, 'State file')));
    return journalText === undefined ? contents : replay(await contents, refusing(() => journalChanges(journalText, journal)), journal, this.collections);
  }

  /** Writes the current state and starts an empty journal; from now on every change goes through `record`. */
  async start(): Promise<void> {
    await this.#compact();
    await writeAtomically(this.paths.journal, JOURNAL_HEADER);
    this.#journal = await Journal.open(this.paths.journal, (size) => (size > Math.max(MIN_COMPACTION_BYTES, this.#snapshotBytes) ? this.#compactJournal() : Promise.resolve()));
  }

  /** Resolves once the change is on disk. */
  record(change: Change): Promise<void> {
    const { name } = change.collection.definition;
    return this.#journal!.append(`${JSON.stringify('put' in change ? { put: name, item: change.put } : { delete: name, id: change.delete })}\n`);
  }

  /** Every collection replaced (a reset, a restore); resolves once on disk. */
  recordAll(): Promise<void> {
    const all = Object.fromEntries(this.collections.map((collection) => [collection.definition.name, collection.store.all()]));
    return this.#journal!.append(`${JSON.stringify({ reset: all })}\n`);
  }

  /** A clean stop: the state in the state file alone, the journal deleted, the lock released. */
  async close(): Promise<void> {
    try {
      if (this.#journal) {
        await this.#journal.close();
        await this.#compact();
        await rm(this.paths.journal, { force: true });
      }
    } finally {
      await this.release();
    }
  }

  async #snapshot(text: Promise<string>): Promise<Contents> {
    const { given } = this.paths;
    const document = parseJson(await text, given);
    const marked = typeof document === 'object' && document !== null && (document as Record<string, unknown>).format === STATE_FORMAT;
    if (!marked) throw new MockSetupError(`State file ${given} is not a state file of this mock (no "format": "${STATE_FORMAT}").`);
    const { version } = document as Record<string, unknown>;
    if (!READ_VERSIONS.includes(version as number)) {
      throw new MockSetupError(`State file ${given} has version ${JSON.stringify(version)}; this mock reads versions ${READ_VERSIONS.slice(0, -1).join(', ')} and ${READ_VERSIONS.at(-1)}.`);
    }
    return contentsOf(document, given, this.collections);
  }

  async #compactJournal(): Promise<void> {
    await this.#compact();
    await this.#journal!.truncate();
  }

  async #compact(): Promise<void> {
    const text = serialise(this.collections);
    this.#snapshotBytes = Buffer.byteLength(text, 'utf8');
    await writeAtomically(this.paths.file, text).catch((error: NodeJS.ErrnoException) => {
      throw new MockSetupError(`State file ${this.paths.given} cannot be written (${error.code ?? error.message}).`);
    });
  }
}

/** The file replaced whole or not at all, created 0600: temporary file, sync, rename, sync of the folder. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = temporaryFile(file, randomBytes(6).toString('hex'));
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx', flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
  const folder = await open(dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** A refusal of the state file or journal says that it is left alone. */
async function refusing<T>(read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof MockSetupError) throw new MockSetupError(`${error.message.replace(/^(?!State file)/, 'State file ')}${KEEP}`);
    throw error;
  }
}

/** The snapshot's contents with the journal's changes applied in order, checked like a file's. */
async function replay(contents: Contents, changes: Promise<unknown[]>, journal: string, collections: readonly Collection[]): Promise<Contents> {
  const byName = new Map(collections.map((collection) => [collection.definition.name, collection]));
  const items = new Map(collections.map((collection) => [collection.definition.name, keyed(contents.get(collection.definition.name) ?? [], collection)]));
  const reasons: string[] = [];
  for (const [index, change] of (await changes).entries()) {
    const line = `line ${index + 2}`;
    const fields = (typeof change === 'object' && change !== null ? change : {}) as Record<string, unknown>;
    const collection = byName.get(String(fields.put ?? fields.delete));
    if (collection && typeof fields.item === 'object' && fields.item !== null) {
      const item = fields.item as Item;
      items.get(collection.definition.name)!.set(idKey(item[collection.definition.key.field]), item);
    } else if (collection && typeof fields.id === 'string') {
      items.get(collection.definition.name)!.delete(idKey(fields.id));
    } else if (typeof fields.reset === 'object' && fields.reset !== null && Object.keys(fields.reset).every((name) => byName.has(name))) {
      for (const [name, value] of Object.entries(fields.reset)) {
        if (Array.isArray(value)) items.set(name, keyed(value, byName.get(name)!));
        else reasons.push(`${line} resets ${name} to something other than an array`);
      }
    } else {
      reasons.push(`${line} is not a change of this mock's resources`);
    }
  }
  const replayed: Contents = new Map();
  for (const [name, byId] of items) {
    const checked = checkItems([...byId.values()], `collections/${name} after the journal`, byName.get(name)!);
    reasons.push(...checked.reasons);
    replayed.set(name, checked.items);
  }
  if (reasons.length > 0) throw new MockSetupError(`State file ${refused(journal, reasons).message}${KEEP}`);
  return replayed;
}

function keyed(items: readonly Item[], collection: Collection): Map<string, Item> {
  return new Map(items.map((item) => [idKey(item[collection.definition.key.field]), item]));
}
