import type { Contract, Json } from '@myreports/pbx-contract';
import type { Profile } from './profile.js';

/**
 * The profiles the spec's examples show, under the examples' own ids and tenant ids, so the README's
 * curl, the docs samples and a client written from the examples find what they expect. One profile
 * appears in several examples (list, get, create): the fields of every appearance are merged, the
 * list example first so its order is the list's order.
 */
export function exampleProfiles(contract: Contract): Profile[] {
  const examples = Object.values(contract.document.components.examples as Record<string, Json>);
  const merged = new Map<string, Record<string, unknown>>();
  const add = (candidate: unknown) => {
    if (!isProfile(candidate)) return;
    merged.set(candidate.id, { ...merged.get(candidate.id), ...candidate });
  };
  const values = examples.map((example) => (example.value as Json | undefined)?.data);
  for (const data of values) if (Array.isArray(data)) data.forEach(add);
  for (const data of values) if (!Array.isArray(data)) add(data);
  return [...merged.values()] as Profile[];
}

function isProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const { _type, id, name, tenantId } = value as Record<string, unknown>;
  return [_type, id, name, tenantId].every((field) => typeof field === 'string');
}
