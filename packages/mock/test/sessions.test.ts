// Isolated sessions (x-mock-session): parallel test workers sharing one mock never see each
// other's profiles; each session has its own journal entries and state; a cap on their number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kazooCreate } from '@myreports/pbx-fixtures';
import { MockSetupError, type RunningMock, parseMockCommand, startMock } from '@myreports/pbx-mock';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent', maxSessions: 3 });
});
afterAll(() => mock?.stop());

const as = (session: string | undefined, headers: Record<string, string> = BEARER) => (session === undefined ? headers : { ...headers, 'x-mock-session': session });
const names = async (session: string | undefined): Promise<string[]> =>
  (await call(mock.url, 'GET', PATHS.profiles, { headers: as(session) })).json.data.map((profile: { name: string }) => profile.name);

describe('x-mock-session', () => {
  it('each session starts from the seed and keeps its own creates and deletes', async () => {
    const seeded = await names(undefined);
    await Promise.all(
      ['worker-1', 'worker-2'].map(async (session) => {
        const created = await call(mock.url, 'POST', PATHS.profiles, { headers: as(session, WRITE_HEADERS), body: { ...kazooCreate(), name: `made by ${session}` } });
        expect(created.status).toBe(201);
      }),
    );
    expect(await names('worker-1')).toEqual([...seeded, 'made by worker-1']);
    expect(await names('worker-2')).toEqual([...seeded, 'made by worker-2']);
    expect(await names(undefined)).toEqual(seeded);

    expect((await call(mock.url, 'DELETE', PATHS.profile(), { headers: as('worker-1') })).status).toBe(200);
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: as('worker-1') })).status).toBe(404);
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: as('worker-2') })).status).toBe(200);
  });

  it('the journal and the state of a session are its own; its reset drops it', async () => {
    await call(mock.url, 'GET', '/__mock/requests', { headers: as('worker-1', CONTROL) });
    const journal = (await call(mock.url, 'GET', '/__mock/requests', { headers: as('worker-1', CONTROL) })).json.data;
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.every((entry: { session?: string }) => entry.session === 'worker-1')).toBe(true);

    const state = (await call(mock.url, 'GET', '/__mock/state', { headers: as('worker-2', CONTROL) })).json.data;
    expect(JSON.stringify(state)).toContain('made by worker-2');
    expect(JSON.stringify(state)).not.toContain('made by worker-1');

    expect((await call(mock.url, 'POST', '/__mock/reset', { headers: as('worker-1', CONTROL) })).status).toBe(200);
    expect(await names('worker-1')).not.toContain('made by worker-1');
    expect(await names('worker-2')).toContain('made by worker-2');
  });

  it('past --max-sessions a new name is refused with 400 saying what to do; a reset of all frees them', async () => {
    await names('worker-3');
    const refused = await call(mock.url, 'GET', PATHS.profiles, { headers: as('worker-4') });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toContain('--max-sessions');
    // The sessions already in use go on.
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: as('worker-2') })).status).toBe(200);
    expect((await call(mock.url, 'POST', '/__mock/reset', { headers: CONTROL })).status).toBe(200);
    expect((await call(mock.url, 'GET', PATHS.profiles, { headers: as('worker-4') })).status).toBe(200);
    expect(await names('worker-2')).not.toContain('made by worker-2');
  });

  it.each(['', 'a b', 'x'.repeat(65), 'ünïcode'])('a bad name %j is refused with 400 naming the header', async (session) => {
    const answer = await fetch(`${mock.url}${PATHS.profiles}`, { headers: { ...BEARER, 'x-mock-session': session } }).catch(() => undefined);
    // An empty header value is sent by fetch; a non-Latin-1 value is refused by fetch itself.
    if (answer === undefined) return expect(/^[\x20-\xff]*$/.test(session)).toBe(false);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toContain('x-mock-session');
  });

  it('--max-sessions is read and checked', async () => {
    expect(parseMockCommand(['--max-sessions', '8'], {}).options).toEqual({ maxSessions: 8 });
    expect(() => parseMockCommand(['--max-sessions', '0'], {})).toThrow(MockSetupError);
    await expect(startMock({ port: 0, logLevel: 'silent', maxSessions: 5000 })).rejects.toThrow(/maxSessions/);
  });
});
