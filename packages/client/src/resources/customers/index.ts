// The operations of the spec's tag "Customers" (`client.customers`): the five of every resource from
// the generic core (../../internal/resource.ts), paged and filtered.
import type { CallOptions, ChargeableCallOptions } from '../../core/options.js';
import type { PbxCreatedResult, PbxResult } from '../../core/results.js';
import type { Call } from '../../internal/call.js';
import type { PageOptions } from '../../internal/pages.js';
import { resource } from '../../internal/resource.js';
import { secretsOf } from '../../core/redaction.js';
import type { AccountIds } from '../accounts/types.js';
import { CUSTOMER, CUSTOMERS, type Customer, type CustomerCreate, type CustomerIds, type CustomerJsonPatch, type CustomerListQuery, type CustomerSummary } from './types.js';

export interface Customers {
  /** One page of the account's customers (`GET …/customers`; `pageIndex` from 0, `pageSize` up to 1000, `filter`). */
  list(ids: AccountIds, query?: CustomerListQuery, options?: CallOptions): Promise<PbxResult<CustomerSummary[]>>;
  /** Every customer of the account, page after page: `for await (const c of client.customers.all(ids, { filter }))`. */
  all(ids: AccountIds, options?: PageOptions & Pick<CustomerListQuery, 'filter'>): AsyncGenerator<CustomerSummary, void, undefined>;
  get(ids: CustomerIds, options?: CallOptions): Promise<PbxResult<Customer>>;
  /** Creates a customer, with at most one PBX connection profile (`POST …/customers`, with `accept-charges`). Never retried. */
  create(ids: AccountIds, body: CustomerCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<Customer>>;
  /** Applies JSON Patch `replace` operations, all or nothing (with `accept-charges`). Never retried. */
  patch(ids: CustomerIds, operations: CustomerJsonPatch, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` true: one of the things that must be on before data flows. */
  enable(ids: CustomerIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` false. */
  disable(ids: CustomerIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** Deletes the customer, and with it its profiles and users. */
  delete(ids: CustomerIds, options?: CallOptions): Promise<PbxResult<undefined>>;
}

export const customers = (call: Call): Customers => {
  // An inline profile in a create carries the PBX's credentials.
  const { page, list, ...base } = resource(call, CUSTOMERS, CUSTOMER, (body: any) => body?.pbxConnectionProfiles?.flatMap(secretsOf) ?? []);
  return { ...base, list: page };
};
