// The client against the mock's faults (--error-rate, Prefer: fault=reset): reads ride through
// retryable 503/429 answers and dropped connections; writes, which the client must not retry,
// fail once with a typed error and change nothing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createClient, PbxApiError, PbxConnectionError, type FetchFunction } from '@myreports/pbx-client';
import { IDS, kazooCreate } from '@myreports/pbx-fixtures';
import { type RunningMock, startMock } from '@myreports/pbx-mock';

const customer = { accountTenantId: IDS.accountTenantId, customerTenantId: IDS.customerTenantId };
let flaky: RunningMock;
let failing: RunningMock;
let plain: RunningMock;

beforeAll(async () => {
  [flaky, failing, plain] = await Promise.all([
    startMock({ port: 0, logLevel: 'silent', errorRate: 0.3, seed: 'client-rides-through' }),
    startMock({ port: 0, logLevel: 'silent', errorRate: 1 }),
    startMock({ port: 0, logLevel: 'silent' }),
  ]);
});
afterAll(() => Promise.all([flaky?.stop(), failing?.stop(), plain?.stop()]));

/** A fetch that counts its attempts and the statuses that came back, around the global one. */
function counting(): { fetch: FetchFunction; attempts: () => number; statuses: number[] } {
  const statuses: number[] = [];
  let attempts = 0;
  return {
    statuses,
    attempts: () => attempts,
    fetch: async (input, init) => {
      attempts += 1;
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    },
  };
}

test('--error-rate 0.3: 60 reads, every one answered, some after a retried 503 or 429', async () => {
  const sent = counting();
  // Retry-After (1 s) is cut to maxRetryDelayMs, so the retries do not slow the test down.
  const pbx = createClient({ baseUrl: flaky.url, token: 'mock-token', fetch: sent.fetch, retries: 10, maxRetryDelayMs: 5 });
  for (let index = 0; index < 30; index += 1) {
    expect((await pbx.profiles.list(customer)).response.status).toBe(200);
    expect((await pbx.profiles.findByInstance(`no-such-instance-${index}`)).response.status).toBe(200);
  }
  expect(sent.statuses.filter((status) => status === 503 || status === 429).length).toBeGreaterThan(5);
  expect(sent.statuses.filter((status) => status === 200)).toHaveLength(60);
});

test('--error-rate 1: a create is not retried; one attempt, a typed 503 or 429 error saying why', async () => {
  const sent = counting();
  const pbx = createClient({ baseUrl: failing.url, token: 'mock-token', acceptCharges: true, fetch: sent.fetch, retries: 10, maxRetryDelayMs: 5 });
  const error = await pbx.profiles.create(customer, kazooCreate() as never).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PbxApiError);
  expect([429, 503]).toContain((error as PbxApiError).status);
  expect((error as Error).message).toMatch(/a fault of the mock \(--error-rate\); retry after 1 s/);
  expect(sent.attempts()).toBe(1);
});

test('Prefer: fault=503 on a create: the error, and nothing stored', async () => {
  const pbx = createClient({ baseUrl: plain.url, token: 'mock-token', acceptCharges: true });
  const error = await pbx.profiles.create(customer, { ...kazooCreate(), name: 'never stored' } as never, { headers: { prefer: 'fault=503' } }).catch((caught: unknown) => caught);
  expect((error as PbxApiError).status).toBe(503);
  const { data } = await pbx.profiles.list(customer);
  expect(data.length).toBeGreaterThan(0);
  expect(data.map((profile) => profile.name)).not.toContain('never stored');
});

test('Prefer: fault=reset closes the connection: a read is retried, a create is not', async () => {
  const reads = counting();
  const reader = createClient({ baseUrl: plain.url, token: 'mock-token', fetch: reads.fetch, retries: 1, retryDelayMs: 1 });
  expect(await reader.list(customer, { headers: { prefer: 'fault=reset' } }).catch((caught: unknown) => caught)).toBeInstanceOf(PbxConnectionError);
  expect(reads.attempts()).toBe(2);

  const writes = counting();
  const writer = createClient({ baseUrl: plain.url, token: 'mock-token', acceptCharges: true, fetch: writes.fetch, retries: 1, retryDelayMs: 1 });
  const error = await writer.create(customer, kazooCreate() as never, { headers: { prefer: 'fault=reset' } }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PbxConnectionError);
  expect(writes.attempts()).toBe(1);
});
