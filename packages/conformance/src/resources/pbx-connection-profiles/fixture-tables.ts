// The request tables of `@myreports/pbx-fixtures`, the ones the repository's own tests use, so the
// runner sends exactly those rows. That package is private TypeScript source: the build bundles it
// into this module's JavaScript (esbuild, see package.json), and the types below keep it out of
// the published declarations.
import {
  IDS,
  invalidAcceptCharges,
  invalidCreateBodies,
  invalidGuids,
  invalidInstanceIds,
  invalidPatchBodies,
  validCreateBodies,
} from '@myreports/pbx-fixtures';

/** One row of a table: what it is about, and the value sent. */
export interface Row<T = unknown> {
  name: string;
  value: T;
}

/** A row the API must refuse with a `400` naming `field` (a body pointer or a parameter). */
export interface InvalidRow<T = unknown> extends Row<T> {
  field: string;
}

export const validCreates: Row[] = validCreateBodies;
export const invalidCreates: InvalidRow[] = invalidCreateBodies;
export const invalidPatches: InvalidRow[] = invalidPatchBodies;
export const invalidIds: InvalidRow<string>[] = invalidGuids;
export const invalidAcceptChargesHeaders: InvalidRow<string | undefined>[] = invalidAcceptCharges;
export const invalidInstanceIdValues: InvalidRow<string | undefined>[] = invalidInstanceIds;
/** The example tenants of the spec, where the mock's seeded profiles live. */
export const exampleTenants: { accountTenantId: string; customerTenantId: string } = {
  accountTenantId: IDS.accountTenantId,
  customerTenantId: IDS.customerTenantId,
};
