import { loadContract } from '@myreports/pbx-contract';
import { IDS } from '@myreports/pbx-fixtures';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Answer } from '../support/mock-client.js';

// What the tests of the tenants and their children share: one mock per block of tests, the ids of
// the examples beside IDS, and the checks of an answer.

const contract = loadContract();

/**
 * One mock for the calling `describe`: started before its tests, stopped after them, and reset
 * before each, so every test starts from the examples whatever the others wrote. Strict: Prism
 * validates every answer of the twin too, so an answer off the contract is a 500. Read `url`
 * (and call `reset`) inside a test or hook, once the mock listens.
 */
export function useMock(): { readonly url: string; reset(): Promise<void> } {
  let mock: RunningMock | undefined;
  const running = (): RunningMock => {
    if (!mock) throw new Error('The mock is not running: read its url inside a test or hook of the describe that called useMock.');
    return mock;
  };
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent', strict: true });
  });
  afterAll(() => mock?.stop());
  beforeEach(() => running().reset());
  return {
    get url() {
      return running().url;
    },
    reset: () => running().reset(),
  };
}

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
