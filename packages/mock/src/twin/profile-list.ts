import { MockSetupError } from '../options.js';
import { type Profile, guidKey } from './profile.js';
import type { ProfileCheck } from './profile-check.js';
import type { StoreLimits } from './profile-store.js';

/** At most this many reasons in one message: a file of 10,000 bad profiles must not print 10,000 lines. */
const SHOWN_REASONS = 10;

/**
 * The `profiles` of a seed or state file, checked whole before anything is used: each one against
 * the spec, ids unique, within the store's limits. A bad file is refused with its path and the reasons.
 */
export function checkedProfiles(value: unknown, file: string, check: ProfileCheck, limits: StoreLimits): Profile[] {
  if (!Array.isArray(value)) throw refused(file, ['profiles must be an array of profiles']);
  const reasons: string[] = [];
  const seen = new Map<string, number>();
  let bytes = 0;
  for (const [index, profile] of value.entries()) {
    const where = `profiles/${index}`;
    const found = check(profile, where);
    reasons.push(...found);
    if (found.length > 0) continue;
    const key = guidKey((profile as Profile).id);
    const first = seen.get(key);
    if (first !== undefined) reasons.push(`${where}/id repeats the id of profiles/${first}`);
    else seen.set(key, index);
    bytes += JSON.stringify(profile).length;
  }
  if (value.length > limits.maxProfiles) reasons.push(`it holds ${value.length} profiles, more than the limit of ${limits.maxProfiles}`);
  else if (bytes > limits.maxBytes) reasons.push(`its profiles take ${bytes} bytes, more than the limit of ${limits.maxBytes}`);
  if (reasons.length > 0) throw refused(file, reasons);
  return value as Profile[];
}

export function refused(file: string, reasons: string[]): MockSetupError {
  const shown = reasons.slice(0, SHOWN_REASONS);
  const more = reasons.length > shown.length ? `; and ${reasons.length - shown.length} more` : '';
  return new MockSetupError(`${file}: ${shown.join('; ')}${more}.`);
}
