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

const { document, validator } = spec;

/**
 * Validates an answer against the response schema the spec gives its operation and status (the
 * contract validator of the test suites). Returns the errors, empty when valid.
 */
export function contractErrors(operationId: string, answer: TwinAnswer): string[] {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { operationId?: string; responses?: Record<string, { $ref?: string }> }>)) {
      if (operation.operationId !== operationId) continue;
      const response = operation.responses?.[String(answer.status)];
      if (!response) return [`status ${answer.status} is not documented for ${operationId}`];
      const base = response.$ref ?? `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${answer.status}`;
      const result = validator.validate(`${base}/content/application~1json/schema`, answer.body);
      return result.errors.map((error) => `${error.instancePath} ${error.message}`);
    }
  }
  throw new Error(`No operation ${operationId} in the spec.`);
}
