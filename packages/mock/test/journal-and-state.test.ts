// The request journal (GET|DELETE /__mock/requests, mock.requests()) and the state snapshot
// (GET|PUT /__mock/state, mock.snapshot()/restore()): what a test asks of the mock besides answers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { MockSetupError, type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

let mock: RunningMock;
let small: RunningMock;
beforeAll(async () => {
  [mock, small] = await Promise.all([startMock({ port: 0, logLevel: 'silent' }), startMock({ port: 0, logLevel: 'silent', journalSize: 3 })]);
});
afterAll(() => Promise.all([mock?.stop(), small?.stop()]));

describe('the request journal', () => {
  beforeEach(async () => {
    expect((await call(mock.url, 'DELETE', '/__mock/requests', { headers: CONTROL })).status).toBe(200);
  });

  it('holds each exchange of the API, oldest first, with its operation, status and timing, and no secret', async () => {
    const sent = { ...threeCxCreate(), licenseKey: 'journal-secret-licence' };
    await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: sent });
    await call(mock.url, 'GET', PATHS.find('journal-secret-instance'), { headers: BEARER });
    await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/password', value: 'journal-secret-password' }] });
    await call(mock.url, 'GET', '/v1.0/unknown', { headers: BEARER });
    await call(mock.url, 'GET', '/__mock/requests', { headers: CONTROL });

    const answer = await call(mock.url, 'GET', '/__mock/requests', { headers: CONTROL });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'success' });
    const entries = answer.json.data;
    expect(entries.map((entry: { operationId: string | null; status: number }) => [entry.operationId, entry.status])).toEqual([
      ['createPbxConnectionProfile', 201],
      ['findPbxConnectionProfileByInstance', 200],
      ['patchPbxConnectionProfile', 400],
      [null, 404],
    ]);
    expect(entries[0]).toMatchObject({ method: 'POST', path: PATHS.profiles, requestBody: { ...sent, licenseKey: '<redacted>', password: '<redacted>' } });
    expect(entries[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(entries[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(entries[1].path).toBe('/v1.0/pbxs?instanceId=…');
    expect(entries[2].requestBody).toEqual([{ op: 'replace', path: '/password', value: '<redacted>' }]);
    expect(answer.text).not.toMatch(/journal-secret|test-token/);
    expect(mock.requests()).toEqual(entries);
  });

  it('filters by operation and by status or class, and refuses a bad status with 400', async () => {
    await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    await call(mock.url, 'GET', PATHS.profile('00000000-0000-4000-8000-000000000000'), { headers: BEARER });
    const byOperation = await call(mock.url, 'GET', '/__mock/requests?operation=listPbxConnectionProfiles', { headers: CONTROL });
    expect(byOperation.json.data).toHaveLength(1);
    expect((await call(mock.url, 'GET', '/__mock/requests?status=404', { headers: CONTROL })).json.data.map((entry: { operationId: string }) => entry.operationId)).toEqual([
      'getPbxConnectionProfile',
    ]);
    expect((await call(mock.url, 'GET', '/__mock/requests?status=2xx', { headers: CONTROL })).json.data).toHaveLength(1);
    expect(mock.requests({ status: '4xx' })).toHaveLength(1);
    const bad = await call(mock.url, 'GET', '/__mock/requests?status=4x', { headers: CONTROL });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('query parameter status');
  });

  it('is cleared by DELETE, and keeps only the last --journal-size exchanges', async () => {
    for (let index = 0; index < 5; index += 1) await call(small.url, 'GET', PATHS.profile(`00000000-0000-4000-8000-00000000000${index}`), { headers: BEARER });
    expect(small.requests().map((entry) => entry.path.at(-1))).toEqual(['2', '3', '4']);
    small.clearRequests();
    expect(small.requests()).toEqual([]);
  });

  it('keeps the size of a large body, not the body', async () => {
    await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), name: 'x'.repeat(20_000) } });
    const [entry] = mock.requests();
    expect(entry?.requestBody).toBeUndefined();
    expect(entry?.requestBodyBytes).toBeGreaterThan(20_000);
  });

  it('--journal-size 0 keeps nothing', async () => {
    const none = await startMock({ port: 0, logLevel: 'silent', journalSize: 0 });
    try {
      await call(none.url, 'GET', PATHS.profiles, { headers: BEARER });
      expect(none.requests()).toEqual([]);
    } finally {
      await none.stop();
    }
  });
});

describe('the state snapshot', () => {
  it('GET returns what the twin holds; PUT puts it back after changes', async () => {
    const saved = await call(mock.url, 'GET', '/__mock/state', { headers: CONTROL });
    expect(saved.status).toBe(200);
    expect(saved.json.data).toMatchObject({ format: 'pbx-mock-state', version: 3, collections: { accounts: expect.any(Array), customers: expect.any(Array), 'customer-users': expect.any(Array), 'pbx-connection-profiles': expect.any(Array) } });
    const before = (await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.data;

    const created = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() });
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.data).toHaveLength(before.length + 1);

    const restored = await call(mock.url, 'PUT', '/__mock/state', { body: saved.json.data, headers: { ...CONTROL, 'content-type': 'application/json' } });
    expect(restored.status).toBe(200);
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json.data).toEqual(before);
    expect((await call(mock.url, 'GET', PATHS.profile(created.json.data.id), { headers: BEARER })).status).toBe(404);
  });

  it('from code: snapshot() and restore()', async () => {
    const saved = mock.snapshot();
    await call(mock.url, 'DELETE', PATHS.profile(), { headers: BEARER });
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: BEARER })).status).toBe(404);
    await mock.restore(saved);
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: BEARER })).status).toBe(200);
  });

  it.each([
    ['not JSON', '{"collections":', 'the body is not valid JSON'],
    ['not a state', '[1, 2]', 'a seed file is a JSON object'],
    ['an item the spec refuses', JSON.stringify({ collections: { 'pbx-connection-profiles': [{ _type: 'KazooConnectionProfile' }] } }), 'The state: collections/pbx-connection-profiles/0'],
    ['an unknown resource', JSON.stringify({ collections: { widgets: [] } }), 'collections/widgets is not a resource of this mock'],
  ])('PUT of %s is refused with 400 and changes nothing', async (_, body, message) => {
    const before = mock.snapshot();
    const answer = await call(mock.url, 'PUT', '/__mock/state', { body, headers: { ...CONTROL, 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: 'error', error: 400, message: expect.stringContaining(message) });
    expect(mock.snapshot()).toEqual(before);
    await expect(mock.restore(JSON.parse(body.startsWith('{"collections":') && !body.endsWith('}') ? '{}' : body))).rejects.toThrow(MockSetupError);
  });

  it('static replay keeps no state: 409', async () => {
    const replay = await startMock({ port: 0, logLevel: 'silent', static: true });
    try {
      expect((await call(replay.url, 'GET', '/__mock/state', { headers: CONTROL })).status).toBe(409);
      expect(replay.snapshot()).toBeUndefined();
      await expect(replay.restore({ collections: {} })).rejects.toThrow(/keeps no state/);
    } finally {
      await replay.stop();
    }
  });
});
