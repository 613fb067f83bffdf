import { readFile } from 'node:fs/promises';
import { MockSetupError } from '../options.js';
import type { Profile } from './profile.js';
import type { ProfileCheck } from './profile-check.js';
import { checkedProfiles, refused } from './profile-list.js';
import type { StoreLimits } from './profile-store.js';

/**
 * Reads a seed file: `{ "profiles": [ … ] }`, each profile as get returns it (with `id` and
 * `tenantId`). A state file of the twin is a valid seed file too.
 */
export async function readSeedFile(file: string, check: ProfileCheck, limits: StoreLimits): Promise<Profile[]> {
  const document = parseJson(await readText(file, 'Seed file'), file);
  if (typeof document !== 'object' || document === null || Array.isArray(document) || !('profiles' in document)) {
    throw refused(file, ['a seed file is a JSON object with a "profiles" array']);
  }
  const unknown = Object.keys(document).filter((key) => !SEED_KEYS.has(key));
  if (unknown.length > 0) throw refused(file, [`unknown top-level field ${unknown.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')} (expected "profiles")`]);
  return checkedProfiles((document as { profiles: unknown }).profiles, file, check, limits);
}

/** `format` and `version` let a state file be used as a seed. */
const SEED_KEYS = new Set(['profiles', 'format', 'version']);

export async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MockSetupError(
      code === 'ENOENT' ? `${what} ${file} does not exist.` : `${what} ${file} cannot be read (${code ?? (error as Error).message}).`,
    );
  }
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refused(file, [`not valid JSON (${(error as Error).message})`]);
  }
}
