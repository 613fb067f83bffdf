import { type Profile, guidKey, instanceOf } from './profile.js';

export interface StoreLimits {
  /** Most profiles held at once, over every tenant. */
  maxProfiles: number;
  /** Most bytes of stored JSON at once, over every profile (a count alone would let 10,000 bodies of 1 MiB in). */
  maxBytes: number;
}

export type InsertResult = { ok: true } | { ok: false; reason: 'count' | 'bytes' };

/**
 * Profiles per customer tenant, in memory. Every method is synchronous, so each request's change
 * happens whole between two others (Node runs one at a time): that is the twin's atomicity.
 */
export class ProfileStore {
  /** Every profile by id, in creation order (find by instance answers the oldest). */
  readonly #byId = new Map<string, Profile>();
  readonly #byTenant = new Map<string, Map<string, Profile>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;

  constructor(readonly limits: StoreLimits) {}

  get count(): number {
    return this.#byId.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  list(tenantId: string): Profile[] {
    return [...(this.#byTenant.get(guidKey(tenantId))?.values() ?? [])];
  }

  /** The profile, if it belongs to that tenant. */
  get(tenantId: string, id: string): Profile | undefined {
    const profile = this.#byId.get(guidKey(id));
    return profile && guidKey(profile.tenantId) === guidKey(tenantId) ? profile : undefined;
  }

  insert(profile: Profile): InsertResult {
    if (this.#byId.size >= this.limits.maxProfiles) return { ok: false, reason: 'count' };
    const size = sizeOf(profile);
    if (this.#bytes + size > this.limits.maxBytes) return { ok: false, reason: 'bytes' };
    this.#put(profile, size);
    return { ok: true };
  }

  /** Swaps a stored profile for its changed copy (same id and tenant, which the caller got from get). */
  replace(profile: Profile): InsertResult {
    const key = guidKey(profile.id);
    const size = sizeOf(profile);
    const before = this.#sizes.get(key) ?? 0;
    if (this.#bytes - before + size > this.limits.maxBytes) return { ok: false, reason: 'bytes' };
    // Map.set on a present key keeps its place: list order and "oldest" stay as they were.
    this.#bytes -= before;
    this.#put(profile, size);
    return { ok: true };
  }

  remove(tenantId: string, id: string): boolean {
    const profile = this.get(tenantId, id);
    if (!profile) return false;
    const key = guidKey(id);
    this.#byId.delete(key);
    const tenant = this.#byTenant.get(guidKey(tenantId))!;
    tenant.delete(key);
    if (tenant.size === 0) this.#byTenant.delete(guidKey(tenantId));
    this.#bytes -= this.#sizes.get(key) ?? 0;
    this.#sizes.delete(key);
    return true;
  }

  /** The oldest profile, over every tenant, whose PBX instance is `instanceId`. */
  findByInstance(instanceId: string): Profile | undefined {
    for (const profile of this.#byId.values()) if (instanceOf(profile) === instanceId) return profile;
    return undefined;
  }

  /** Every profile, in creation order. */
  all(): Profile[] {
    return [...this.#byId.values()];
  }

  /** Replaces everything (reset, load); the caller has checked the profiles and the limits. */
  replaceAll(profiles: readonly Profile[]): void {
    this.#byId.clear();
    this.#byTenant.clear();
    this.#sizes.clear();
    this.#bytes = 0;
    for (const profile of profiles) this.#put(profile, sizeOf(profile));
  }

  #put(profile: Profile, size: number): void {
    const key = guidKey(profile.id);
    const frozen = Object.isFrozen(profile) ? profile : Object.freeze(profile);
    this.#byId.set(key, frozen);
    let tenant = this.#byTenant.get(guidKey(profile.tenantId));
    if (!tenant) {
      tenant = new Map();
      this.#byTenant.set(guidKey(profile.tenantId), tenant);
    }
    tenant.set(key, frozen);
    this.#sizes.set(key, size);
    this.#bytes += size;
  }
}

/** Bytes of the profile's JSON (UTF-16 length: close enough for a budget, and cheap). */
function sizeOf(profile: Profile): number {
  return JSON.stringify(profile).length;
}
