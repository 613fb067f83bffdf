import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { MockSetupError } from '../../options.js';
import { temporaryFile } from './state-path.js';

/**
 * One writer per state file: `<file>.lock` holds the process id of the mock that writes it. The lock
 * is written whole to a temporary file and linked into place (link fails if the lock exists), so
 * no reader ever sees it empty. A lock whose process is gone (a mock killed with `kill -9`) is
 * stale: it is taken over. Two mocks taking over the same stale lock at the same instant could both
 * win; a lock is for a person starting a second mock by mistake, not for a race of starts.
 */
export async function acquireLock(lock: string, given: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const candidate = temporaryFile(lock, randomBytes(6).toString('hex'));
    await writeFile(candidate, `${process.pid}\n`, { mode: 0o600, flag: 'wx' });
    try {
      await link(candidate, lock);
      return async () => void (await rm(lock, { force: true }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new MockSetupError(`State file ${given} cannot be locked (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      }
    } finally {
      await rm(candidate, { force: true });
    }
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
      const who = holder === process.pid ? 'this process' : `the process ${holder}`;
      throw new MockSetupError(
        `State file ${given} is in use by another mock (${who}, as ${lock} says): stop that mock or choose another state file. Two mocks on one file would lose each other's changes.`,
      );
    }
    // Stale: its process is gone.
    await rm(lock, { force: true });
  }
  throw new MockSetupError(`State file ${given} cannot be locked: ${lock} keeps coming back. Is another mock starting on it?`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
