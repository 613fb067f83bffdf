// The mock with no port (createMockFetch): the same answers as over HTTP, the same test tools
// (faults, journal, sessions, state), and usable as an MSW handler.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { type MockFetch, MockSetupError, createMockFetch } from '@myreports/pbx-mock';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS } from './support/mock-client.js';

const BASE = 'https://api.test';
let mockFetch: MockFetch;
beforeAll(async () => {
  mockFetch = await createMockFetch({ maxSessions: 2 });
});

describe('createMockFetch', () => {
  it('creates, then reads back, with a Location on the origin called', async () => {
    const created = await mockFetch(`${BASE}${PATHS.profiles}`, { method: 'POST', headers: WRITE_HEADERS, body: JSON.stringify(kazooCreate()) });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    expect(created.headers.get('location')).toBe(`${BASE}${PATHS.profile(data.id)}`);
    const read = await mockFetch(new Request(created.headers.get('location')!, { headers: BEARER }));
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: { id: string } }).data.id).toBe(data.id);
  });

  it('refuses what the spec refuses, in the envelope', async () => {
    const answer = await mockFetch(`${BASE}${PATHS.profile('not-a-guid')}`, { headers: BEARER });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ status: 'error', error: 400, message: expect.stringContaining('pbxId') });
  });

  it('faults: Prefer: fault=503 answers 503; fault=reset rejects as fetch does', async () => {
    expect((await mockFetch(`${BASE}${PATHS.profiles}`, { headers: { ...BEARER, prefer: 'fault=503' } })).status).toBe(503);
    await expect(mockFetch(`${BASE}${PATHS.profiles}`, { headers: { ...BEARER, prefer: 'fault=reset' } })).rejects.toThrow(new TypeError('fetch failed'));
  });

  it('journal, state and sessions, as over HTTP', async () => {
    mockFetch.clearRequests();
    const saved = mockFetch.snapshot();
    await mockFetch(`${BASE}${PATHS.profile()}`, { method: 'DELETE', headers: { ...BEARER, 'x-mock-session': 'one' } });
    expect(mockFetch.requests({ operationId: 'deletePbxConnectionProfile' })).toMatchObject([{ status: 200, session: 'one' }]);
    // The session's delete left the shared state alone.
    expect((await mockFetch(`${BASE}${PATHS.profile()}`, { headers: BEARER })).status).toBe(200);
    await mockFetch(`${BASE}${PATHS.profile()}`, { method: 'DELETE', headers: BEARER });
    await mockFetch.restore(saved);
    expect((await mockFetch(`${BASE}${PATHS.profile()}`, { headers: BEARER })).status).toBe(200);
    const control = await mockFetch(`${BASE}/__mock/requests?status=2xx`, { headers: CONTROL });
    expect(control.status).toBe(200);
  });

  it('refuses a bad option as startMock does', async () => {
    await expect(createMockFetch({ errorRate: 3 })).rejects.toThrow(MockSetupError);
  });
});

describe('as an MSW handler', () => {
  const server = setupServer(http.all(`${BASE}/*`, ({ request }) => mockFetch(request)));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('the global fetch reaches the mock with no port', async () => {
    const answer = await fetch(`${BASE}${PATHS.profiles}`, { headers: BEARER });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'success', data: expect.any(Array) });
    const refused = await fetch(`${BASE}${PATHS.profiles}`, { method: 'POST', headers: WRITE_HEADERS, body: '{}' });
    expect(refused.status).toBe(400);
  });
});
