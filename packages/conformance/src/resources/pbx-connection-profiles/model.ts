import type { Checker } from '../../core/property.js';
import type { Ledger } from '../../core/ledger.js';
import type { Session } from '../../core/session.js';
import type { Customer } from './paths.js';
import { SECRET_FIELDS } from './properties.js';

/** A profile as a get should return it. */
export type Profile = Record<string, unknown> & { id: string; _type: string; name: string };

/** What the API should hold for the customer of one run. */
export interface ProfileModel {
  /** Live profiles in creation order (the snapshot's first). */
  live: Profile[];
  /** Profiles this run deleted. */
  deleted: Profile[];
  /** Ids this run created: the only ones it patches or deletes. */
  ours: Set<string>;
  writes: boolean;
  /** `/enabled` may be patched to true: local targets only (on the real API it connects to a PBX). */
  enabling: boolean;
  ledger: Ledger;
}

/** The real side of one run. */
export interface ProfileReal {
  session: Session;
  checker: Checker;
  ledger: Ledger;
  customer: Customer;
}

/** The PBX instance a profile connects to: the Kazoo account id or the 3CX licence key. */
export function instanceOf(profile: Record<string, unknown>): string | undefined {
  const value = profile._type === 'KazooPbxConnectionProfile' ? profile.accountId : profile.licenseKey;
  return typeof value === 'string' ? value : undefined;
}

export const sameId = (a: unknown, b: unknown): boolean => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

const GUID_FIELDS = new Set(['id', 'tenantId']);
const SECRETS = new Set<string>(SECRET_FIELDS);

/** How `actual` differs from `expected`, field by field (extra fields are the server's business); secret values never shown. */
export function differences(expected: Record<string, unknown>, actual: unknown): string[] {
  if (typeof actual !== 'object' || actual === null) return ['no profile in data'];
  const found = actual as Record<string, unknown>;
  const out: string[] = [];
  for (const [field, want] of Object.entries(expected)) {
    if (want === undefined) continue;
    const got = found[field];
    const same = GUID_FIELDS.has(field) ? sameId(want, got) : JSON.stringify(want) === JSON.stringify(got);
    if (same) continue;
    if (got === undefined) out.push(`${field} is missing`);
    else if (SECRETS.has(field)) out.push(`${field} differs from what was sent`);
    else out.push(`${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return out;
}

/** The `data` of an envelope, if any. */
export function dataOf(json: unknown): unknown {
  return typeof json === 'object' && json !== null ? (json as { data?: unknown }).data : undefined;
}
