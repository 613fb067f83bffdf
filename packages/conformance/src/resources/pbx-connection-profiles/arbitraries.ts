import fc from 'fast-check';
import { validCreates } from './fixture-tables.js';

export type CreateBody = Record<string, unknown> & { _type: string; name: string };
export type PatchOperation = { op: string; path: string; value?: unknown };

// Not shrunk: shrinking would turn every instance into the same smallest GUID, and find by instance
// answers the oldest profile of an instance, perhaps one another run left on the target.
const hex = fc.noShrink(fc.uuid()).map((uuid) => uuid.replaceAll('-', ''));

/** A name the spec accepts (any non-empty string). */
export const profileName = fc.string({ minLength: 1, maxLength: 24 });

/**
 * A valid create body: a valid row of the fixture tables with a new name, new secrets and a new
 * PBX instance (so find by instance can tell this profile from every other on the platform).
 */
export const createBody: fc.Arbitrary<CreateBody> = fc
  .record({ row: fc.constantFrom(...validCreates), name: profileName, instance: hex, secret: hex })
  .map(({ row, name, instance, secret }) => {
    const body = { ...(row.value as CreateBody), name };
    if (body._type === 'KazooPbxConnectionProfile') Object.assign(body, { accountId: instance, apiKey: `key-${secret}` });
    else Object.assign(body, { licenseKey: `lic-${instance}`, password: `pw-${secret}` });
    return body;
  });

/** The operations the spec allows: rename, and (where `enabling`) enable or disable, as boolean or string. */
export function patchOperations(enabling: boolean): fc.Arbitrary<PatchOperation[]> {
  const rename = profileName.map((value) => ({ op: 'replace', path: '/name', value }));
  const enabled = fc.constantFrom<unknown>(true, 'true', false, 'false').map((value) => ({ op: 'replace', path: '/enabled', value }));
  const disabled = fc.constantFrom<unknown>(false, 'false').map((value) => ({ op: 'replace', path: '/enabled', value }));
  return fc.array(fc.oneof(rename, enabling ? enabled : disabled), { minLength: 1, maxLength: 3 });
}

/** One operation a patch must be refused for: a value, a path or an op the spec does not allow. */
export const invalidOperation: fc.Arbitrary<PatchOperation> = fc.constantFrom(
  { op: 'replace', path: '/enabled', value: 'yes' },
  { op: 'replace', path: '/name', value: '' },
  // Server-set: not patchable (a type's settings are, on a profile of that type).
  { op: 'replace', path: '/id', value: '00000000-0000-4000-8000-000000000000' },
  { op: 'remove', path: '/name' },
);

/** A GUID no profile has: a random version-4 one. */
export const unknownId = fc.uuid({ version: 4 });
