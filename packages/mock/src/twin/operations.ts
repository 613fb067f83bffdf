import { randomUUID } from 'node:crypto';
import * as envelope from './envelopes.js';
import type { ResponderAnswer as TwinAnswer, ResponderRequest as TwinRequest } from '../responder.js';
import { type Profile, guidKey, summary } from './profile.js';
import type { InsertResult, ProfileStore } from './profile-store.js';

export interface OperationContext {
  store: ProfileStore;
  /** The URL of a new profile on this mock, for `Location`. */
  location(request: TwinRequest, id: string): string;
  /** Called after every change, so the state file can follow. */
  changed(): void;
}

type Handler = (request: TwinRequest, context: OperationContext) => TwinAnswer;

/** The twin's answer for each operation of the spec, by operationId. */
export const OPERATIONS: Record<string, Handler> = {
  listPbxConnectionProfiles(request, { store }) {
    // Any well-formed customer id is taken to exist (the spec has no customers resource yet).
    return envelope.list(store.list(pathParam(request, 'customerTenantId')).map(summary));
  },

  getPbxConnectionProfile(request, { store }) {
    const profile = store.get(pathParam(request, 'customerTenantId'), pathParam(request, 'pbxId'));
    return profile ? envelope.item(200, profile) : envelope.notFound();
  },

  createPbxConnectionProfile(request, context) {
    const body = request.body;
    if (!isObject(body) || typeof body._type !== 'string' || typeof body.name !== 'string') {
      return envelope.error(400, 'Invalid request: the body must be a profile object with _type and name.');
    }
    const profile: Profile = {
      ...body,
      _type: body._type,
      name: body.name,
      id: randomUUID(),
      tenantId: guidKey(pathParam(request, 'customerTenantId')),
      // The defaults the spec documents: `US` when not sent; a new profile is disabled.
      countryCode: typeof body.countryCode === 'string' ? body.countryCode : 'US',
      enabled: false,
    };
    const stored = context.store.insert(profile);
    if (!stored.ok) return full(stored, context.store);
    context.changed();
    return envelope.item(201, profile, { location: context.location(request, profile.id) });
  },

  patchPbxConnectionProfile(request, context) {
    const profile = context.store.get(pathParam(request, 'customerTenantId'), pathParam(request, 'pbxId'));
    if (!profile) return envelope.notFound();
    const patched = applyPatch(profile, request.body);
    if (typeof patched === 'string') return envelope.error(400, patched);
    // All or nothing: the operations were applied to a copy, which now takes the stored one's place.
    const stored = context.store.replace(patched);
    if (!stored.ok) return full(stored, context.store);
    context.changed();
    return envelope.noData();
  },

  deletePbxConnectionProfile(request, context) {
    const removed = context.store.remove(pathParam(request, 'customerTenantId'), pathParam(request, 'pbxId'));
    if (!removed) return envelope.notFound();
    context.changed();
    return envelope.noData();
  },

  findPbxConnectionProfileByInstance(request, { store }) {
    const value = request.query.instanceId;
    const instanceId = String(Array.isArray(value) ? value[0] : value ?? '');
    const profile = store.findByInstance(instanceId);
    return envelope.item(200, profile ? { exists: true, instanceId, id: profile.id, tenantId: profile.tenantId } : { exists: false, instanceId });
  },
};

/** The patch operations the spec accepts, with how each one changes the profile. */
const PATCHABLE: Record<string, { field: string; expected: string; value(sent: unknown): unknown }> = {
  '/name': { field: 'name', expected: 'a non-empty string', value: (sent) => (typeof sent === 'string' && sent.length > 0 ? sent : undefined) },
  // A lenient boolean: the vendor sends the string "true"; the profile stores a boolean.
  '/enabled': {
    field: 'enabled',
    expected: 'true or false',
    value: (sent) => (sent === true || sent === 'true' ? true : sent === false || sent === 'false' ? false : undefined),
  },
};

/** The patched copy, or the 400 message. Prism has checked the body already; this does not trust it. */
function applyPatch(profile: Profile, body: unknown): Profile | string {
  if (!Array.isArray(body) || body.length === 0) return 'Invalid request: the body must be a JSON Patch array with at least one operation.';
  const copy: Record<string, unknown> = { ...profile };
  for (const [index, operation] of body.entries()) {
    const path = isObject(operation) ? operation.path : undefined;
    const target = isObject(operation) && operation.op === 'replace' && typeof path === 'string' ? PATCHABLE[path] : undefined;
    if (!target) {
      // The spec's message for an invalid property (InvalidPatchProperty).
      const shown = typeof path === 'string' ? path.slice(0, 100) : `operation ${index}`;
      return `The property '${shown}' cannot be patched.`;
    }
    const value = target.value((operation as Record<string, unknown>).value);
    if (value === undefined) return `Invalid request: body field ${index}/value must be ${target.expected}.`;
    copy[target.field] = value;
  }
  return copy as Profile;
}

function full(result: Exclude<InsertResult, { ok: true }>, store: ProfileStore): TwinAnswer {
  const limit =
    result.reason === 'count'
      ? `at most ${store.limits.maxProfiles} profiles`
      : `at most ${store.limits.maxBytes} bytes of profiles`;
  return envelope.error(400, `The mock holds ${limit} (its limit, not the API's): delete profiles or reset the mock (POST /__mock/reset).`);
}

/** A path parameter by its spec name, also when the engine hands it over in lower case. */
function pathParam(request: TwinRequest, name: string): string {
  const value = request.pathParams[name] ?? request.pathParams[name.toLowerCase()];
  return String(value ?? '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
