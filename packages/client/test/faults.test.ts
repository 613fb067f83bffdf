// What a real network does to a request, reproduced by a local node:http server: every case ends
// in the documented result or typed error, with the documented number of attempts, and nothing
// rejects unhandled.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  createClient,
  PbxAbortError,
  PbxApiError,
  PbxAuthenticationError,
  PbxBadRequestError,
  PbxConnectionError,
  PbxError,
  PbxInvalidResponseError,
  PbxNotFoundError,
  PbxTimeoutError,
  PbxUnexpectedStatusError,
  type ClientOptions,
} from '@myreports/pbx-client';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { closedPort, envelope, errorEnvelope, sendJson, startFaultServer, type FaultServer } from './support/fault-server.js';
import { customer, kazooProfile } from './support/ids.js';

const PROFILE = { id: kazooProfile.pbxId, name: 'Customers Kazoo Pbx', _type: 'KazooPbxConnectionProfile', tenantId: customer.customerTenantId };

let server: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startFaultServer();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});
afterEach(async () => {
  // Give stray promises a turn to reject before checking that none did.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unhandled).toEqual([]);
});

/**
 * A client of the fault server with fast retries, so the suite stays quick. No deadline unless a
 * test sets one: on a loaded machine any short one can pass before the request reaches the server.
 */
const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: server.url, token: 'test-token', acceptCharges: true, retryDelayMs: 5, timeoutMs: 0, ...options } as ClientOptions);

/** The attempts a client makes, as its logger reports them (sent or not: a deadline can pass before a request leaves). */
function attemptLog() {
  const attempts: number[] = [];
  return { attempts, logger: { debug: (_: string, fields: { attempt: number }) => void attempts.push(fields.attempt) } };
}

/** A signal aborted with `reason` as soon as the fault server has the request: a caller acting while it hangs. */
function abortedOnArrival(reason?: unknown): AbortSignal {
  const controller = new AbortController();
  server.reset(() => controller.abort(reason));
  return controller.signal;
}

/** The rejection of `promise`, failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<PbxError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PbxError);
  return error as PbxError;
}

describe('connection failures', () => {
  test('connection refused: PbxConnectionError after the retries of a GET', async () => {
    const port = await closedPort();
    const refused = createClient({ baseUrl: `http://127.0.0.1:${port}/api`, token: 't', retries: 2, retryDelayMs: 1 });
    const error = await rejection(refused.list(customer));
    expect(error).toBeInstanceOf(PbxConnectionError);
    expect(error.message).toMatch(/^GET \/v1\.0\/accounts\/.+\/pbxs failed before a complete response arrived: ECONNREFUSED\.$/);
    expect(error).toMatchObject({ method: 'GET', status: undefined, response: undefined });
  });

  test('reset in the middle of the body: PbxConnectionError', async () => {
    server.reset((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"data": [');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const error = await rejection(client().list(customer));
    expect(error).toBeInstanceOf(PbxConnectionError);
    expect(error.message).toContain('failed before a complete response arrived');
  });

  test('a reset before any response is retried for a GET, and the retry succeeds', async () => {
    server.reset((_, response, attempt) => (attempt === 1 ? response.socket?.destroy() : sendJson(response, 200, envelope([PROFILE]))));
    const { data } = await client().list(customer);
    expect(data).toEqual([PROFILE]);
    expect(server.seen).toHaveLength(2);
  });
});

describe('timeouts and aborts', () => {
  test('a hang past the timeout: PbxTimeoutError, after one retry of the GET', async () => {
    server.reset(() => {
      // Never answers.
    });
    const { attempts, logger } = attemptLog();
    const error = await rejection(client({ timeoutMs: 100, retries: 1, logger }).get(kazooProfile));
    expect(error).toBeInstanceOf(PbxTimeoutError);
    // A timeout is a connection error: one `catch` for "no complete response arrived".
    expect(error).toBeInstanceOf(PbxConnectionError);
    expect(error.name).toBe('PbxTimeoutError');
    expect(error.message).toBe(`GET /v1.0/accounts/${customer.accountTenantId}/customers/${customer.customerTenantId}/pbxs/${kazooProfile.pbxId} got no complete response within 100 ms.`);
    expect(attempts).toEqual([1, 2]);
  });

  test('a body that stops half-way is covered by the timeout too', async () => {
    server.reset((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"data": ');
    });
    const error = await rejection(client({ timeoutMs: 150, retries: 0 }).get(kazooProfile));
    expect(error).toBeInstanceOf(PbxTimeoutError);
  });

  test('a deadline from AbortSignal.timeout() is a PbxTimeoutError, not an abort, and is not retried', async () => {
    server.reset(() => {});
    const { attempts, logger } = attemptLog();
    const error = await rejection(client({ retries: 2, logger }).list(customer, { signal: AbortSignal.timeout(50) }));
    expect(error).toBeInstanceOf(PbxTimeoutError);
    expect(error.message).toMatch(/was stopped by the deadline of the call's signal\.$/);
    expect((error.cause as Error).name).toBe('TimeoutError');
    expect(attempts).toEqual([1]);
  });

  test('a deadline of the caller\'s signal while the server holds the request: PbxTimeoutError', async () => {
    const signal = abortedOnArrival(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    const error = await rejection(client({ retries: 2 }).list(customer, { signal }));
    expect(error).toBeInstanceOf(PbxTimeoutError);
    expect(server.seen).toHaveLength(1);
  });

  test('timeoutMs of one call overrides the client\'s', async () => {
    server.reset(() => {});
    // The client's own deadline is the longest a timer can wait: the call ends only by its own.
    const error = await rejection(client({ timeoutMs: 2 ** 31 - 1, retries: 0 }).get(kazooProfile, { timeoutMs: 80 }));
    expect(error).toBeInstanceOf(PbxTimeoutError);
    expect(error.message).toMatch(/got no complete response within 80 ms\.$/);
  });

  test('the longest timeoutMs a timer can wait (2^31-1 ms) does not time out at once', async () => {
    server.reset((_, response) => setTimeout(() => sendJson(response, 200, envelope([])), 50));
    await expect(client({ timeoutMs: 2 ** 31 - 1 }).list(customer)).resolves.toMatchObject({ data: [] });
    await expect(client().list(customer, { timeoutMs: 2 ** 31 - 1 })).resolves.toMatchObject({ data: [] });
  });

  test('a getToken() that never settles is ended by the timeout', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([])));
    const pbx = createClient({ baseUrl: server.url, getToken: () => new Promise<string>(() => {}), timeoutMs: 80, retries: 0 });
    const error = await rejection(pbx.profiles.list(customer));
    expect(error).toBeInstanceOf(PbxTimeoutError);
    expect(server.seen).toHaveLength(0);
  });

  test("a getToken() that never settles is ended by the caller's abort", async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([])));
    const controller = new AbortController();
    // The abort comes while the client waits for the token.
    const getToken = () => (setImmediate(() => controller.abort()), new Promise<string>(() => {}));
    const pbx = createClient({ baseUrl: server.url, getToken, timeoutMs: 0 });
    const error = await rejection(pbx.profiles.list(customer, { signal: controller.signal }));
    expect(error).toBeInstanceOf(PbxAbortError);
    expect(server.seen).toHaveLength(0);
  });

  test("the caller's AbortSignal ends a hanging request with PbxAbortError, without retrying", async () => {
    const signal = abortedOnArrival();
    const error = await rejection(client({ retries: 3 }).list(customer, { signal }));
    expect(error).toBeInstanceOf(PbxAbortError);
    expect(error.message).toMatch(/was aborted by the caller\.$/);
    expect(server.seen).toHaveLength(1);
  });

  test('an abort during the backoff ends the wait at once', async () => {
    // A backoff of an hour: the call can only end by the abort.
    server.reset((_, response) => sendJson(response, 503, errorEnvelope(503, 'Service Unavailable'), { 'retry-after': '3600' }));
    const controller = new AbortController();
    // The logger reports the attempt just before the backoff starts; the abort comes during it.
    const logger = { debug: () => void setImmediate(() => controller.abort()) };
    const error = await rejection(client({ retries: 3, maxRetryDelayMs: 2 ** 31 - 1, logger }).list(customer, { signal: controller.signal }));
    expect(error).toBeInstanceOf(PbxAbortError);
    expect(server.seen).toHaveLength(1);
  });

  test('one caller signal shared by many concurrent requests, in flight and in backoff, adds no listener warning', async () => {
    // Every attempt gets a 503, so each call sends, waits out one backoff, sends again and fails.
    server.reset((_, response) => setTimeout(() => sendJson(response, 503, errorEnvelope(503, 'Service Unavailable')), 20));
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const shared = client({ retries: 1 });
      const calls = Array.from({ length: 30 }, () => shared.list(customer, { signal: controller.signal }));
      const results = await Promise.allSettled(calls);
      expect(results.every((result) => result.status === 'rejected' && result.reason instanceof PbxUnexpectedStatusError)).toBe(true);
    } finally {
      process.off('warning', onWarning);
    }
    expect(server.seen).toHaveLength(60);
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  test('an already aborted signal sends nothing', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([])));
    const error = await rejection(client().list(customer, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(PbxAbortError);
    expect(server.seen).toHaveLength(0);
  });
});

describe('retries', () => {
  test('503 then success: a GET is retried and resolves', async () => {
    server.reset((_, response, attempt) =>
      attempt === 1 ? sendJson(response, 503, errorEnvelope(503, 'Service Unavailable')) : sendJson(response, 200, envelope(PROFILE)),
    );
    const { data, timestamp } = await client().get(kazooProfile);
    expect(data).toEqual(PROFILE);
    expect(timestamp).toBe('2020-02-06T12:41:02.7654321Z');
    expect(server.seen).toHaveLength(2);
  });

  test('a DELETE is retried too (it is idempotent)', async () => {
    server.reset((_, response, attempt) => (attempt < 3 ? sendJson(response, 502, {}) : sendJson(response, 200, envelope())));
    await expect(client().delete(kazooProfile)).resolves.toMatchObject({ data: undefined, timestamp: expect.any(String) });
    expect(server.seen.map((request) => request.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });

  test.each([408, 429, 502, 503, 504])('%i is retried for a GET', async (status) => {
    server.reset((_, response, attempt) => (attempt === 1 ? sendJson(response, status, {}) : sendJson(response, 200, envelope([]))));
    await expect(client().list(customer)).resolves.toMatchObject({ data: [] });
    expect(server.seen).toHaveLength(2);
  });

  test('500 is not retried', async () => {
    server.reset((_, response) => sendJson(response, 500, {}));
    await rejection(client().list(customer));
    expect(server.seen).toHaveLength(1);
  });

  test('retries stop after `retries` extra attempts and the last answer is the error', async () => {
    server.reset((_, response) => sendJson(response, 503, errorEnvelope(503, 'Service Unavailable')));
    const error = await rejection(client({ retries: 2 }).list(customer));
    expect(error).toBeInstanceOf(PbxUnexpectedStatusError);
    expect(error.status).toBe(503);
    expect(error.apiMessage).toBe('Service Unavailable');
    expect(server.seen).toHaveLength(3);
  });

  test('429 with Retry-After: the client waits that long before retrying', async () => {
    server.reset((_, response, attempt) =>
      attempt === 1 ? sendJson(response, 429, errorEnvelope(429, 'Too Many Requests'), { 'retry-after': '1' }) : sendJson(response, 200, envelope([PROFILE])),
    );
    const started = performance.now();
    await expect(client({ retryDelayMs: 1 }).list(customer)).resolves.toMatchObject({ data: [PROFILE] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.seen).toHaveLength(2);
  });

  test('a 30-day Retry-After is cut to maxRetryDelayMs, not turned into an instant retry', async () => {
    server.reset((_, response, attempt) =>
      attempt === 1 ? sendJson(response, 429, errorEnvelope(429, 'Too Many Requests'), { 'retry-after': String(30 * 24 * 3600) }) : sendJson(response, 200, envelope([])),
    );
    const started = performance.now();
    // Were the cut missing, the retry would wait 30 days: the test runner's hang guard ends it.
    await expect(client({ maxRetryDelayMs: 300 }).list(customer)).resolves.toMatchObject({ data: [] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(server.seen).toHaveLength(2);
  });

  test('retries of one call override the client\'s', async () => {
    server.reset((_, response) => sendJson(response, 503, errorEnvelope(503, 'Service Unavailable')));
    await rejection(client({ retries: 3 }).list(customer, { retries: 0 }));
    expect(server.seen).toHaveLength(1);
    server.reset((_, response) => sendJson(response, 503, errorEnvelope(503, 'Service Unavailable')));
    await rejection(client({ retries: 0 }).delete(kazooProfile, { retries: 2 }));
    expect(server.seen).toHaveLength(3);
  });

  test('a POST that gets 503 is not retried (it may cause charges)', async () => {
    server.reset((_, response) => sendJson(response, 503, errorEnvelope(503, 'Service Unavailable')));
    const error = await rejection(client({ retries: 5 }).create(customer, kazooCreate() as never));
    expect(error).toBeInstanceOf(PbxUnexpectedStatusError);
    expect(error).toMatchObject({ method: 'POST', status: 503 });
    expect(server.seen).toHaveLength(1);
  });

  test('a PATCH that gets 503 is not retried either', async () => {
    server.reset((_, response) => sendJson(response, 503, {}));
    await rejection(client({ retries: 5 }).enable(kazooProfile));
    expect(server.seen).toHaveLength(1);
  });

  test('a POST whose connection fails is not retried', async () => {
    server.reset((_, response) => response.socket?.destroy());
    const error = await rejection(client({ retries: 5 }).create(customer, kazooCreate() as never));
    expect(error).toBeInstanceOf(PbxConnectionError);
    expect(server.seen).toHaveLength(1);
  });
});

describe('answers the API does not document', () => {
  test('500 with an HTML body: PbxUnexpectedStatusError naming the content type', async () => {
    server.reset((_, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end('<html><body><h1>Internal Server Error</h1></body></html>');
    });
    const error = await rejection(client().get(kazooProfile));
    expect(error).toBeInstanceOf(PbxUnexpectedStatusError);
    expect(error).toBeInstanceOf(PbxApiError);
    expect(error.message).toMatch(/answered 500, a status the API does not document: no error envelope in the body \(content type text\/html\)$/);
    expect(error.apiMessage).toBeUndefined();
    expect(error.response?.status).toBe(500);
  });

  test('200 with malformed JSON: PbxInvalidResponseError carrying the response', async () => {
    server.reset((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"data": [ {"id": ');
    });
    const error = await rejection(client().list(customer));
    expect(error).toBeInstanceOf(PbxInvalidResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toContain('not with the documented JSON envelope');
    expect(error.response?.headers.get('content-type')).toBe('application/json');
  });

  test('200 with JSON that is not the envelope: PbxInvalidResponseError', async () => {
    server.reset((_, response) => sendJson(response, 200, [PROFILE]));
    await expect(client().list(customer)).rejects.toBeInstanceOf(PbxInvalidResponseError);
  });

  test('a list envelope whose data is not an array: PbxInvalidResponseError', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope(PROFILE)));
    await expect(client().list(customer)).rejects.toBeInstanceOf(PbxInvalidResponseError);
  });

  test('201 without Location: PbxInvalidResponseError', async () => {
    server.reset((_, response) => sendJson(response, 201, envelope({ ...PROFILE })));
    const error = await rejection(client().create(customer, kazooCreate() as never));
    expect(error).toBeInstanceOf(PbxInvalidResponseError);
    expect(error.message).toContain('Location');
  });
});

describe('documented errors', () => {
  test('401 with no body is still a clear PbxAuthenticationError', async () => {
    server.reset((_, response) => {
      response.writeHead(401, { 'content-length': '0' });
      response.end();
    });
    const error = await rejection(client().list(customer));
    expect(error).toBeInstanceOf(PbxAuthenticationError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('answered 401: the bearer token is missing, invalid or expired');
    expect(error.apiMessage).toBeUndefined();
  });

  test('400 and 404 carry the envelope message and timestamp', async () => {
    server.reset((_, response) => sendJson(response, 400, errorEnvelope(400, "The value 'x' is not valid.")));
    const badRequest = await rejection(client().get(kazooProfile));
    expect(badRequest).toBeInstanceOf(PbxBadRequestError);
    expect(badRequest).toMatchObject({ status: 400, apiMessage: "The value 'x' is not valid.", timestamp: '2020-02-06T12:41:02.7654321Z' });

    server.reset((_, response) => sendJson(response, 404, errorEnvelope(404, 'Not Found')));
    const notFound = await rejection(client().delete(kazooProfile));
    expect(notFound).toBeInstanceOf(PbxNotFoundError);
    expect(notFound).toMatchObject({ status: 404, method: 'DELETE', path: `/v1.0/accounts/${customer.accountTenantId}/customers/${customer.customerTenantId}/pbxs/${kazooProfile.pbxId}` });
    expect(server.seen).toHaveLength(1);
  });

  test('errors narrow by status as well as by class', async () => {
    server.reset((_, response) => sendJson(response, 404, errorEnvelope(404, 'Not Found')));
    const error = await rejection(client().get(kazooProfile));
    const outcome = error instanceof PbxApiError && error.status === 404 ? 'missing' : 'other';
    expect(outcome).toBe('missing');
  });
});

describe('requests', () => {
  test('headers of one call reach the server; Authorization and accept-charges stay the client\'s', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope()));
    await client().enable(kazooProfile, { headers: { prefer: 'code=200', traceparent: '00-abc-def-01', authorization: 'Bearer other', 'accept-charges': 'false' } });
    expect(server.seen[0]!.headers).toMatchObject({ prefer: 'code=200', traceparent: '00-abc-def-01', authorization: 'Bearer test-token', 'accept-charges': 'true' });
  });

  test('every request names the client and its version in User-Agent', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    server.reset((_, response) => sendJson(response, 200, envelope([])));
    await client().list(customer);
    await client().raw.GET('/v1.0/pbxs', { params: { query: { instanceId: '1' } } });
    expect(server.seen.map((request) => request.headers['user-agent'])).toEqual([`myreports-pbx-client/${version}`, `myreports-pbx-client/${version}`]);
  });

  test('the logger gets one debug line per attempt, with no secret and no query', async () => {
    const lines: [string, Record<string, unknown>][] = [];
    server.reset((_, response, attempt) => (attempt === 1 ? sendJson(response, 503, {}) : sendJson(response, 200, envelope({ exists: false, instanceId: 'LICENCE-KEY-9' }))));
    const pbx = client({ token: 'logger-secret-token', logger: { debug: (message, fields) => lines.push([message, fields]) } });
    await pbx.profiles.findByInstance('LICENCE-KEY-9');
    expect(lines.map(([, fields]) => fields)).toEqual([
      { method: 'GET', path: '/v1.0/pbxs', status: 503, attempt: 1, ms: expect.any(Number) },
      { method: 'GET', path: '/v1.0/pbxs', status: 200, attempt: 2, ms: expect.any(Number) },
    ]);
    expect(lines[0]![0]).toMatch(/^GET \/v1\.0\/pbxs 503 attempt 1 \d+ ms$/);
    expect(JSON.stringify(lines)).not.toMatch(/logger-secret-token|LICENCE-KEY-9/);
  });

  test('sends the bearer token, and accept-charges only on create and patch', async () => {
    server.reset((request, response) =>
      request.method === 'POST'
        ? sendJson(response, 201, envelope({ ...PROFILE }), { location: `https://api.na.myreports.cloud/api/v1.0/accounts/a/customers/c/pbxs/${PROFILE.id}` })
        : sendJson(response, 200, envelope(request.method === 'GET' ? [] : undefined)),
    );
    const pbx = client();
    await pbx.profiles.list(customer);
    await pbx.profiles.create(customer, kazooCreate() as never);
    await pbx.profiles.rename(kazooProfile, 'New name');
    await pbx.profiles.delete(kazooProfile);
    expect(server.seen.map((request) => [request.method, request.headers.authorization, request.headers['accept-charges']])).toEqual([
      ['GET', 'Bearer test-token', undefined],
      ['POST', 'Bearer test-token', 'true'],
      ['PATCH', 'Bearer test-token', 'true'],
      ['DELETE', 'Bearer test-token', undefined],
    ]);
    expect(JSON.parse(server.seen[2]!.body)).toEqual([{ op: 'replace', path: '/name', value: 'New name' }]);
  });

  test('create and patch refuse to send without acceptCharges, and say how to fix it', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope()));
    const pbx = client({ acceptCharges: false });
    const error = await rejection(pbx.profiles.disable(kazooProfile));
    expect(error.message).toMatch(/^PATCH \/v1\.0\/.+ may cause charges and was not sent: pass acceptCharges: true to createClient\(\) or to this call\.$/);
    expect(server.seen).toHaveLength(0);
    await expect(pbx.profiles.disable(kazooProfile, { acceptCharges: true })).resolves.toMatchObject({ data: undefined });
    expect(server.seen).toHaveLength(1);
  });

  test('getToken may be async and is asked again for each attempt', async () => {
    const tokens = ['expired-token', 'fresh-token'];
    server.reset((request, response) =>
      request.headers.authorization === 'Bearer fresh-token' ? sendJson(response, 200, envelope([])) : sendJson(response, 503, {}),
    );
    const pbx = createClient({ baseUrl: server.url, getToken: async () => tokens.shift() ?? 'none', retryDelayMs: 1 });
    await expect(pbx.profiles.list(customer)).resolves.toMatchObject({ data: [] });
    expect(server.seen.map((request) => request.headers.authorization)).toEqual(['Bearer expired-token', 'Bearer fresh-token']);
  });

  test('a getToken that throws sends nothing and is reported with its cause', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([])));
    const cause = new Error('refresh failed');
    const pbx = createClient({ baseUrl: server.url, getToken: () => Promise.reject(cause) });
    const error = await rejection(pbx.profiles.list(customer));
    expect(error.constructor).toBe(PbxError);
    expect(error.message).toMatch(/was not sent: getToken\(\) failed \(see cause\)\.$/);
    expect(error.cause).toBe(cause);
    expect(server.seen).toHaveLength(0);
  });
});

describe('response size', () => {
  test('a body over maxResponseBytes is a PbxInvalidResponseError, read no further', async () => {
    server.reset((_, response) => sendJson(response, 200, envelope([{ ...PROFILE, name: 'x'.repeat(2_000) }])));
    const error = await rejection(client({ maxResponseBytes: 1_000 }).list(customer));
    expect(error).toBeInstanceOf(PbxInvalidResponseError);
    expect(error.message).toMatch(/answered 200 with a body over maxResponseBytes \(1000 bytes\)\.$/);
  });

  test('a body declared far over the limit is refused without reading it to the end', async () => {
    let written = 0;
    server.reset((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
      // Only the first chunk is sent unless the client reads on.
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const pump = () => {
        while (written < 64 * 1024 * 1024 && !response.destroyed && response.write(chunk)) written += chunk.byteLength;
      };
      response.on('drain', pump);
      pump();
    });
    const error = await rejection(client({ maxResponseBytes: 1_000 }).list(customer));
    expect(error).toBeInstanceOf(PbxInvalidResponseError);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  test('decompression counts: a small gzip that inflates past the limit is refused', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '));
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    server.reset((_, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.byteLength }).end(bomb));
    const error = await rejection(client({ maxResponseBytes: 1024 * 1024 }).get(kazooProfile));
    expect(error).toBeInstanceOf(PbxInvalidResponseError);
  });

  test('the default limit is 10 MiB, for error bodies and the raw client too', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024 + 1);
    server.reset((_, response) => sendJson(response, 400, errorEnvelope(400, big)));
    expect(await rejection(client().get(kazooProfile))).toBeInstanceOf(PbxInvalidResponseError);
    await expect(client().raw.GET('/v1.0/pbxs', { params: { query: { instanceId: '1' } } })).rejects.toBeInstanceOf(PbxInvalidResponseError);
  });

  test('a body within the limit, compressed or not, is read', async () => {
    const body = Buffer.from(JSON.stringify(envelope([PROFILE])));
    server.reset((_, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(body)));
    await expect(client({ maxResponseBytes: body.byteLength }).list(customer)).resolves.toMatchObject({ data: [PROFILE] });
  });
});

describe('redirects', () => {
  let elsewhere: FaultServer;
  beforeAll(async () => {
    elsewhere = await startFaultServer();
  });
  afterAll(() => elsewhere.close());
  const foreign = () => `http://localhost:${new URL(elsewhere.url).port}/api/v1.0/anything`;

  test.each([
    [307, 'create', (pbx: ReturnType<typeof client>) => pbx.profiles.create(customer, kazooCreate() as never)],
    [308, 'patch', (pbx: ReturnType<typeof client>) => pbx.profiles.rename(kazooProfile, 'New')],
  ])('%i on a %s to another origin: an error naming the status and host; nothing is re-sent', async (status, _, call) => {
    elsewhere.reset((_, response) => sendJson(response, 201, envelope(PROFILE), { location: foreign() }));
    server.reset((_, response) => response.writeHead(status, { location: foreign() }).end());
    const error = await rejection(call(client()));
    expect(error).toBeInstanceOf(PbxUnexpectedStatusError);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`answered ${status}, a redirect to localhost:${new URL(elsewhere.url).port}, which was not followed`);
    expect(server.seen).toHaveLength(1);
    expect(elsewhere.seen).toHaveLength(0);
  });

  test('a 307 on a create is not followed even on the same origin', async () => {
    server.reset((request, response) => (request.url.endsWith('/moved') ? sendJson(response, 201, envelope(PROFILE), { location: 'x' }) : response.writeHead(307, { location: `${server.url}/moved` }).end()));
    const error = await rejection(client().create(customer, kazooCreate() as never));
    expect(error.status).toBe(307);
    expect(server.seen).toHaveLength(1);
  });

  test('GET follows a redirect within the origin of baseUrl, with the token', async () => {
    server.reset((request, response) =>
      request.url.startsWith('/api/elsewhere') ? sendJson(response, 200, envelope([PROFILE])) : response.writeHead(302, { location: '/api/elsewhere' }).end(),
    );
    await expect(client().list(customer)).resolves.toMatchObject({ data: [PROFILE] });
    expect(server.seen.map((request) => [request.url.split('/')[2], request.headers.authorization])).toEqual([
      ['v1.0', 'Bearer test-token'],
      ['elsewhere', 'Bearer test-token'],
    ]);
  });

  test.each([['GET'], ['DELETE']])('%s does not follow a redirect to another origin: the token never leaves', async (method) => {
    elsewhere.reset((_, response) => sendJson(response, 200, envelope([])));
    server.reset((_, response) => response.writeHead(302, { location: foreign() }).end());
    const pbx = client();
    const error = await rejection(method === 'GET' ? pbx.profiles.list(customer) : pbx.profiles.delete(kazooProfile));
    expect(error).toBeInstanceOf(PbxUnexpectedStatusError);
    expect(error.message).toContain('only redirects within the origin of baseUrl are followed');
    expect(elsewhere.seen).toHaveLength(0);
  });

  test('a connection that fails on the redirect target is retried, not taken for the redirect itself', async () => {
    let targetHits = 0;
    server.reset((request, response) => {
      if (!request.url.startsWith('/api/elsewhere')) return response.writeHead(302, { location: '/api/elsewhere' }).end();
      if (++targetHits === 1) return response.socket?.destroy();
      sendJson(response, 200, envelope([PROFILE]));
    });
    await expect(client().list(customer)).resolves.toMatchObject({ data: [PROFILE] });
    expect(server.seen).toHaveLength(4);
  });

  test('a redirect loop ends after 20 hops', async () => {
    server.reset((_, response) => response.writeHead(302, { location: '/api/again' }).end());
    const error = await rejection(client().list(customer));
    expect(error.message).toContain('too many redirects');
    expect(server.seen).toHaveLength(21);
  });
});
