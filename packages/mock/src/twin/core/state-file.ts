import { randomBytes } from 'node:crypto';
import { access, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MockSetupError } from '../../options.js';
import type { Collection } from './collection.js';
import { type Contents, READ_VERSIONS, STATE_FORMAT, contentsOf, parseJson, readText, serialise } from './twin-file.js';

/**
 * The state file: the twin's collections across restarts. Read once at start (missing: start from
 * the seed; corrupt or foreign: refuse to start, and leave the file alone). Written after changes,
 * always whole to a temporary file in the same folder, synced, then renamed over the old one, so a
 * kill at any moment leaves either the old state or the new one. Writes are coalesced: while one
 * is under way, further changes make one more write of the latest state, not one each.
 */
export class StateFile {
  #writing: Promise<void> | undefined;
  #dirty = false;

  constructor(
    readonly file: string,
    private readonly collections: readonly Collection[],
    private readonly onError: (error: Error) => void,
  ) {}

  /** The saved contents, or undefined if the file does not exist yet. */
  async read(): Promise<Contents | undefined> {
    if (!(await exists(this.file))) return undefined;
    const text = await readText(this.file, 'State file');
    const keep = ` Refusing to start so as not to replace it: move it away or choose another state file.`;
    let document: unknown;
    try {
      document = parseJson(text, this.file);
    } catch (error) {
      throw new MockSetupError(`State file ${(error as Error).message}${keep}`);
    }
    const marked = typeof document === 'object' && document !== null && (document as Record<string, unknown>).format === STATE_FORMAT;
    if (!marked) throw new MockSetupError(`State file ${this.file} is not a state file of this mock (no "format": "${STATE_FORMAT}").${keep}`);
    const { version } = document as Record<string, unknown>;
    if (!READ_VERSIONS.includes(version as number)) {
      throw new MockSetupError(`State file ${this.file} has version ${JSON.stringify(version)}; this mock reads versions ${READ_VERSIONS.join(' and ')}.${keep}`);
    }
    try {
      return contentsOf(document, this.file, this.collections);
    } catch (error) {
      throw new MockSetupError(`State file ${(error as Error).message}${keep}`);
    }
  }

  /** Asks for a write of the current state; resolves once the state of this moment is on disk. */
  save(): Promise<void> {
    this.#dirty = true;
    this.#writing ??= this.#drain();
    return this.#writing;
  }

  /** Resolves once every change asked for so far is written. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#dirty) {
        this.#dirty = false;
        await this.write();
      }
    } catch (error) {
      this.onError(error as Error);
    } finally {
      this.#writing = undefined;
    }
  }

  /** Writes the collections atomically: temporary file, fsync, rename. Rejects with the reason. */
  async write(): Promise<void> {
    const temporary = join(dirname(this.file), `.${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    const text = serialise(this.collections);
    let handle;
    try {
      handle = await open(temporary, 'wx');
      await handle.writeFile(text, 'utf8');
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(temporary, this.file);
    } catch (error) {
      await handle?.close().catch(() => {});
      await rm(temporary, { force: true }).catch(() => {});
      throw new MockSetupError(`State file ${this.file} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
