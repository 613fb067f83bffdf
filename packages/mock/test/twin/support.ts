import { loadContract } from '@myreports/pbx-contract';
import { IDS, kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import type { ResponderAnswer as TwinAnswer, ResponderRequest as TwinRequest } from '../../src/responder.js';

/** The contract core: the spec's one reader and its one validator. */
export const spec = loadContract();
export { IDS, kazooCreate, threeCxCreate };

const PROFILES = `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs`;

/** Requests as the engine hands them to the twin, for the example tenant unless told otherwise. */
export const requests = {
  list: (customerTenantId: string = IDS.customerTenantId): TwinRequest => request('listPbxConnectionProfiles', 'GET', { customerTenantId }),
  get: (pbxId: string, customerTenantId: string = IDS.customerTenantId): TwinRequest =>
    request('getPbxConnectionProfile', 'GET', { customerTenantId, pbxId }),
  create: (body: unknown, customerTenantId: string = IDS.customerTenantId): TwinRequest =>
    request('createPbxConnectionProfile', 'POST', { customerTenantId }, body),
  patch: (pbxId: string, body: unknown, customerTenantId: string = IDS.customerTenantId): TwinRequest =>
    request('patchPbxConnectionProfile', 'PATCH', { customerTenantId, pbxId }, body),
  delete: (pbxId: string, customerTenantId: string = IDS.customerTenantId): TwinRequest =>
    request('deletePbxConnectionProfile', 'DELETE', { customerTenantId, pbxId }),
  find: (instanceId: string): TwinRequest => ({
    operationId: 'findPbxConnectionProfileByInstance',
    method: 'GET',
    path: '/v1.0/pbxs',
    pathParams: {},
    query: { instanceId },
    headers: {},
    body: undefined,
  }),
};

function request(operationId: string, method: string, params: Record<string, string>, body?: unknown): TwinRequest {
  const path = `/v1.0/accounts/${IDS.accountTenantId}/customers/${params.customerTenantId}/pbxs${params.pbxId ? `/${params.pbxId}` : ''}`;
  return { operationId, method, path, pathParams: { accountTenantId: IDS.accountTenantId, ...params }, query: {}, headers: {}, body };
}
export { PROFILES };

/** What breaks the contract in an answer of the twin (the contract core's response check); empty when valid. */
export function contractErrors(operationId: string, answer: TwinAnswer): string[] {
  return spec.validateResponse(spec.operation(operationId), answer.status, answer.body);
}

/** How many profiles a twin holds (its `count` also counts the accounts and customers above them). */
export function profilesIn(twin: { snapshot(): unknown }): number {
  return ((twin.snapshot() as { collections: Record<string, unknown[]> }).collections['pbx-connection-profiles'] ?? []).length;
}
