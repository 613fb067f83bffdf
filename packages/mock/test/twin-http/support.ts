import { loadContract } from '@myreports/pbx-contract';
import { IDS } from '@myreports/pbx-fixtures';
import { expect } from 'vitest';
import type { Answer } from '../support/mock-client.js';

// What the tests of the tenants and their children share: the ids of the examples beside IDS, and
// the checks of an answer.

const contract = loadContract();

/** The answer's body is what the spec declares for that operation and status. */
export const expectContract = (operationId: string, answer: Answer) =>
  expect(contract.validateResponse(contract.operation(operationId), answer.status, answer.json)).toEqual([]);

/** The ids of a list answer's items, in order. */
export const ids = (answer: Answer): string[] => answer.json.data.map((item: { id: string }) => item.id);

/** The examples' second account, which holds no customer. */
export const OTHER_ACCOUNT = '8c4e2a1b-5d7f-4e9a-b1c3-d5e7f9a1b3c5';
/** The examples' second customer (the create example's), under the account of IDS. */
export const NEW_CUSTOMER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** An id no example uses. */
export const UNKNOWN = '0c4e2a1b-5d7f-4e9a-b1c3-d5e7f9a1b3c5';

export const customerPath = (id: string = IDS.customerTenantId, account: string = IDS.accountTenantId) => `/v1.0/accounts/${account}/customers/${id}`;
