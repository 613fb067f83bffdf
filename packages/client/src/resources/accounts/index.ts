// The operations of the spec's tag "Accounts" (`client.accounts`): the five of every resource from
// the generic core (../../internal/resource.ts), paged; the metrics (same tag, under the account)
// are its own. Accounts sit at the top, so no ids before a body.
import type { CallOptions, ChargeableCallOptions } from '../../core/options.js';
import type { PbxCreatedResult, PbxResult } from '../../core/results.js';
import { isItem, row, type Call } from '../../internal/call.js';
import type { PageOptions } from '../../internal/pages.js';
import { resource } from '../../internal/resource.js';
import { ACCOUNT, ACCOUNTS, METRICS, type Account, type AccountCreate, type AccountIds, type AccountListQuery, type AccountMetrics, type TenantJsonPatch } from './types.js';

export interface Accounts {
  /** One page of the accounts (`GET /v1.0/accounts`; `pageIndex` from 0, `pageSize` up to 1000). */
  list(query?: AccountListQuery, options?: CallOptions): Promise<PbxResult<Account[]>>;
  /** Every account, page after page: `for await (const account of client.accounts.all())`. */
  all(options?: PageOptions): AsyncGenerator<Account, void, undefined>;
  get(ids: AccountIds, options?: CallOptions): Promise<PbxResult<Account>>;
  /** Creates a reseller account (`POST /v1.0/accounts`, with `accept-charges`). Never retried. */
  create(body: AccountCreate, options?: ChargeableCallOptions): Promise<PbxCreatedResult<Account>>;
  /** Applies JSON Patch `replace` operations, all or nothing (with `accept-charges`). Never retried. */
  patch(ids: AccountIds, operations: TenantJsonPatch, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` true. */
  enable(ids: AccountIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** `patch` with `replace /enabled` false: the account's access is disabled. */
  disable(ids: AccountIds, options?: ChargeableCallOptions): Promise<PbxResult<undefined>>;
  /** Deletes the account, and with it its customers. */
  delete(ids: AccountIds, options?: CallOptions): Promise<PbxResult<undefined>>;
  /** The account's metrics (`GET …/metrics`): every customer with its profiles and role counts, in one call. */
  metrics(ids: AccountIds, options?: CallOptions): Promise<PbxResult<AccountMetrics>>;
}

const metrics = row<AccountMetrics>()({ method: 'GET', path: METRICS, data: isItem, parts: (path: AccountIds) => ({ params: { path } }) });

export const accounts = (call: Call): Accounts => {
  const { page, all, create, list, ...base } = resource(call, ACCOUNTS, ACCOUNT);
  return {
    ...base,
    list: (query, options) => page({}, query, options),
    all: (options) => all({}, options),
    create: (body, options) => create({}, body, options),
    metrics: (ids, options) => call(metrics, [ids], options),
  };
};
