import { lstat, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MockSetupError } from '../../options.js';
import { kindOf } from './twin-file.js';

/** Where a state file and the files beside it are, once its path is checked. */
export interface StatePaths {
  /** The path given, for messages. */
  given: string;
  /** The file written: the given path, or the target of the symbolic link it is. */
  file: string;
  journal: string;
  lock: string;
  /** Does the state file exist yet? */
  exists: boolean;
}

/**
 * Checks the path of a state file before anything opens it, so that each wrong path gets its own
 * message rather than a bare error code or a hang: a missing folder, a folder or a FIFO or a device
 * in place of the file (opening a FIFO blocks until a writer comes), a dangling symbolic link.
 * A symbolic link is followed: the twin writes its target, beside which its journal and lock go,
 * and the link stays (replacing the link by a plain file would leave the target stale).
 */
export async function statePaths(given: string): Promise<StatePaths> {
  let file = given;
  const link = await lstat(given).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    try {
      file = await realpath(given);
    } catch {
      throw new MockSetupError(`State file ${given} is a symbolic link to a path that does not exist: point it at a file in an existing folder, or choose another state file.`);
    }
  }
  const folder = dirname(file);
  const folderFound = await stat(folder).catch(() => undefined);
  if (!folderFound?.isDirectory()) {
    throw new MockSetupError(`The folder ${folder} of state file ${given} ${folderFound ? 'is not a folder' : 'does not exist'}: create it or choose another state file.`);
  }
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new MockSetupError(`State file ${given} cannot be read (${error.code ?? error.message}).`);
  });
  if (found && !found.isFile()) throw new MockSetupError(`State file ${given} is ${kindOf(found)}, not a regular file: choose the path of a file.`);
  return { given, file, journal: `${file}.journal`, lock: `${file}.lock`, exists: found !== undefined };
}

/** A fresh temporary file beside `file`, named so that the next start finds it (see removeTemporaryFiles). */
export function temporaryFile(file: string, unique: string): string {
  return join(dirname(file), `.${basename(file)}.${unique}.tmp`);
}

/**
 * Removes the temporary files a killed mock left beside `file` (each holds state, secrets included,
 * in clear). Called by the holder of the lock, so no other mock is writing one of them.
 */
export async function removeTemporaryFiles(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const leftovers = (await readdir(dirname(file))).filter((name) => name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)));
  await Promise.all(leftovers.map((name) => rm(join(dirname(file), name), { force: true })));
}
