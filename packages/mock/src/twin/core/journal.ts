import { type FileHandle, open } from 'node:fs/promises';
import { MockSetupError } from '../../options.js';
import { parseJson } from './twin-file.js';

/** The first line of every journal, so that no other file is ever taken for one. */
export const JOURNAL_HEADER = `${JSON.stringify({ format: 'pbx-mock-journal', version: 1 })}\n`;

/**
 * The append-only journal beside a state file: one JSON line per change, each batch of lines synced
 * to disk before the changes in it are answered (group commit: the changes that arrive while one
 * sync runs share the next, so one sync serves many requests). Appends one at a time, in order.
 */
export class Journal {
  #pending: { line: string; settle: (error?: Error) => void }[] = [];
  #running: Promise<void> | undefined;
  #size: number;
  #broken: Error | undefined;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    /** After each batch, with the journal's size: the owner compacts here when it has grown too much. */
    private readonly afterBatch: (size: number) => Promise<void>,
  ) {
    this.#size = JOURNAL_HEADER.length;
  }

  /** Opens a journal that holds just its header (a fresh one, or one emptied by `truncate`). */
  static async open(path: string, afterBatch: (size: number) => Promise<void>): Promise<Journal> {
    return new Journal(await open(path, 'r+'), path, afterBatch);
  }

  /** Resolves once the line is on disk; rejects if it cannot be. */
  append(line: string): Promise<void> {
    const written = new Promise<void>((resolve, reject) => {
      this.#pending.push({ line, settle: (error) => (error ? reject(error) : resolve()) });
    });
    // A caller that does not wait for the outcome must not crash the process on a failure.
    written.catch(() => {});
    this.#running ??= this.#drain();
    return written;
  }

  /** Resolves once every line appended so far is on disk (or has failed). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Empties the journal back to its header; its changes are now in the state file. */
  async truncate(): Promise<void> {
    await this.handle.truncate(JOURNAL_HEADER.length);
    await this.handle.datasync();
    this.#size = JOURNAL_HEADER.length;
  }

  async close(): Promise<void> {
    await this.settled();
    await this.handle.close();
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending;
        this.#pending = [];
        const error = await this.#write(batch.map((entry) => entry.line).join(''));
        for (const entry of batch) entry.settle(error);
        // A compaction that fails (disk full) loses nothing: the journal still holds every change,
        // and the next batch tries again.
        if (!error) await this.afterBatch(this.#size).catch(() => {});
      }
    } finally {
      this.#running = undefined;
    }
  }

  /** Appends and syncs; on failure cuts the journal back to its last whole line, so a later line never follows a torn one. */
  async #write(text: string): Promise<Error | undefined> {
    if (this.#broken) return this.#broken;
    const bytes = Buffer.from(text, 'utf8');
    try {
      await this.handle.write(bytes, 0, bytes.length, this.#size);
      await this.handle.datasync();
      this.#size += bytes.length;
      return undefined;
    } catch (error) {
      const failed = new MockSetupError(`State file journal ${this.path} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      await this.handle.truncate(this.#size).catch(() => (this.#broken = failed));
      return failed;
    }
  }
}

/**
 * The changes of a journal's text, in order. Only the last line may be torn (no newline after it:
 * a crash in the middle of a write, so none of it was answered): it is left out. Anything else that
 * is not a change of this journal is refused, with the line it is on.
 */
export function journalChanges(text: string, path: string): unknown[] {
  const lines = text.split('\n');
  // What follows the last newline: empty, or a torn line.
  lines.pop();
  if (lines.length === 0) return [];
  if (`${lines[0]}\n` !== JOURNAL_HEADER) throw new MockSetupError(`${path} is not a journal of this mock (its first line is not ${JOURNAL_HEADER.trim()}).`);
  return lines.slice(1).map((line, index) => parseJson(line, `${path} line ${index + 2}`));
}
