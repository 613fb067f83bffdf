// The twin over real HTTP, as `npm start` serves it: a lifecycle of both profile types, reset,
// concurrency, the cap, the seed and state files, static replay, and every answer checked against
// the response schema the spec gives its operation and status.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDS, kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockSetupError, type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, CONTROL, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';
import { expectContract, useMock } from './twin-http/support.js';

const CUSTOMER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const profilesOf = (customer: string) => `/v1.0/accounts/${IDS.accountTenantId}/customers/${customer}/pbxs`;

describe('the twin (the default), over HTTP', () => {
  const mock = useMock();

  it('create both types → get → list → rename → enable → find by instance → delete → 404', async () => {
    const kazooSent = { ...kazooCreate(), name: 'My Office', countryCode: 'GB', accountId: 'kazoo-lifecycle' };
    const threeCxSent = { ...threeCxCreate(), licenseKey: 'licence-lifecycle' };

    const kazoo = await call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: kazooSent });
    expect(kazoo.status).toBe(201);
    expectContract('createPbxConnectionProfile', kazoo);
    expect(kazoo.json.data).toEqual({ ...kazooSent, id: expect.any(String), tenantId: CUSTOMER, enabled: false });
    const threeCx = await call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: threeCxSent });
    expect(threeCx.status).toBe(201);
    expect(threeCx.json.data).toEqual({ ...threeCxSent, id: expect.any(String), tenantId: CUSTOMER, countryCode: 'US', enabled: false });

    // Location is followable on the mock.
    const location = kazoo.headers.get('location')!;
    expect(location).toBe(`${mock.url}${profilesOf(CUSTOMER)}/${kazoo.json.data.id}`);
    const followed = await fetch(location, { headers: BEARER });
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as { data: unknown }).data).toEqual(kazoo.json.data);

    const got = await call(mock.url, 'GET', `${profilesOf(CUSTOMER)}/${threeCx.json.data.id}`, { headers: BEARER });
    expectContract('getPbxConnectionProfile', got);
    expect(got.json.data).toEqual(threeCx.json.data);

    const listed = await call(mock.url, 'GET', profilesOf(CUSTOMER), { headers: BEARER });
    expectContract('listPbxConnectionProfiles', listed);
    expect(listed.json.page_size).toBe(2);
    expect(listed.json.data.map((item: { id: string; name: string }) => [item.id, item.name])).toEqual([
      [kazoo.json.data.id, 'My Office'],
      [threeCx.json.data.id, '3CX Connection'],
    ]);

    const kazooPath = `${profilesOf(CUSTOMER)}/${kazoo.json.data.id}`;
    const renamed = await call(mock.url, 'PATCH', kazooPath, { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/name', value: 'Head office' }] });
    expect(renamed.status).toBe(200);
    expectContract('patchPbxConnectionProfile', renamed);
    const enabled = await call(mock.url, 'PATCH', kazooPath, { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/enabled', value: 'true' }] });
    expect(enabled.status).toBe(200);
    const after = await call(mock.url, 'GET', kazooPath, { headers: BEARER });
    expect(after.json.data).toEqual({ ...kazoo.json.data, name: 'Head office', enabled: true });

    for (const [instanceId, created] of [['kazoo-lifecycle', kazoo], ['licence-lifecycle', threeCx]] as const) {
      const found = await call(mock.url, 'GET', PATHS.find(instanceId), { headers: BEARER });
      expectContract('findPbxConnectionProfileByInstance', found);
      expect(found.json.data).toEqual({ exists: true, instanceId, id: created.json.data.id, tenantId: CUSTOMER });
    }

    const deleted = await call(mock.url, 'DELETE', kazooPath, { headers: BEARER });
    expect(deleted.status).toBe(200);
    expectContract('deletePbxConnectionProfile', deleted);
    for (const [method, body] of [['GET'], ['PATCH', [{ op: 'replace', path: '/name', value: 'x' }]], ['DELETE']] as const) {
      const gone = await call(mock.url, method, kazooPath, { headers: WRITE_HEADERS, ...(body ? { body } : {}) });
      expect(gone.status, method).toBe(404);
      expect(gone.json).toMatchObject({ error: 404, message: 'Not Found', status: 'error' });
      expectContract(method === 'GET' ? 'getPbxConnectionProfile' : method === 'PATCH' ? 'patchPbxConnectionProfile' : 'deletePbxConnectionProfile', gone);
    }
    const lost = await call(mock.url, 'GET', PATHS.find('kazoo-lifecycle'), { headers: BEARER });
    expect(lost.json.data).toEqual({ exists: false, instanceId: 'kazoo-lifecycle' });
    expectContract('findPbxConnectionProfileByInstance', lost);
  });

  it('starts with the examples under the example tenant, so the examples read back as documented', async () => {
    const listed = await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(listed.json.data.map((item: { id: string }) => item.id)).toEqual([IDS.kazooPbxId, IDS.threeCxPbxId, '5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b']);
    const found = await call(mock.url, 'GET', PATHS.find('12345'), { headers: BEARER });
    expect(found.json.data).toMatchObject({ exists: true, id: IDS.kazooPbxId });
    const missing = await call(mock.url, 'GET', PATHS.find('nothing-here'), { headers: BEARER });
    expect(missing.json.data).toEqual({ exists: false, instanceId: 'nothing-here' });
  });

  it('a get of an unknown profile is the 404 envelope', async () => {
    const answer = await call(mock.url, 'GET', PATHS.profile('0b2f4c6e-8d0a-4e1c-b3d5-f7a9c1e3b5d7'), { headers: BEARER });
    expect(answer.status).toBe(404);
    expectContract('getPbxConnectionProfile', answer);
  });

  it('Prefer: code= and example= still answer from the examples, and change nothing', async () => {
    const example = await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, prefer: 'example=ThreeCxCreated' }, body: kazooCreate() });
    expect(example.status).toBe(201);
    // The vendor's 3CX answer, as published: the echoed request, no id.
    expect(example.json.data).toMatchObject({ _type: 'ThreeCxConnectionProfile', name: '3CX Connection' });
    expect(example.json.data).not.toHaveProperty('id');
    const code = await call(mock.url, 'GET', PATHS.profile(), { headers: { ...BEARER, prefer: 'code=404' } });
    expect(code.status).toBe(404);
    const listed = await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
    expect(listed.json.page_size).toBe(3);
  });

  it('Prism still refuses an invalid request before the twin sees it: nothing is stored', async () => {
    const answer = await call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: { ...kazooCreate(), hostRest: 'not a url' } });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/hostRest/);
    const patch = await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/tenantId', value: CUSTOMER }] });
    expect(patch.status).toBe(400);
    expect(patch.json.message).toMatch(/body field 0\/path must be one of/);
    expectContract('patchPbxConnectionProfile', patch);
    expect((await call(mock.url, 'GET', profilesOf(CUSTOMER), { headers: BEARER })).json.page_size).toBe(0);
  });

  it('a patch replaces a setting of the profile\'s own type; one of another type is the API\'s invalid-property 400', async () => {
    const created = await call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: threeCxCreate() });
    const profile = `${profilesOf(CUSTOMER)}/${created.json.data.id}`;
    const rotated = await call(mock.url, 'PATCH', profile, { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/password', value: 'rotated' }] });
    expect(rotated.status).toBe(200);
    expectContract('patchPbxConnectionProfile', rotated);
    expect((await call(mock.url, 'GET', profile, { headers: BEARER })).json.data.password).toBe('rotated');

    const foreign = await call(mock.url, 'PATCH', profile, {
      headers: WRITE_HEADERS,
      body: [{ op: 'replace', path: '/name', value: 'Half done' }, { op: 'replace', path: '/apiKey', value: 'a Kazoo setting' }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.message).toBe("The target location specified by path segment 'apiKey' was not found.");
    expectContract('patchPbxConnectionProfile', foreign);
    expect((await call(mock.url, 'GET', profile, { headers: BEARER })).json.data).toMatchObject({ name: '3CX Connection', password: 'rotated' });
  });

  it('reset, from code and on POST /__mock/reset, goes back to the seed', async () => {
    await call(mock.url, 'DELETE', PATHS.profile(), { headers: BEARER });
    await call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: kazooCreate() });
    const reset = await call(mock.url, 'POST', '/__mock/reset', { headers: CONTROL });
    expect(reset.status).toBe(200);
    expect(reset.json).toMatchObject({ status: 'success' });
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: BEARER })).status).toBe(200);
    expect((await call(mock.url, 'GET', profilesOf(CUSTOMER), { headers: BEARER })).json.page_size).toBe(0);

    await call(mock.url, 'DELETE', PATHS.profile(), { headers: BEARER });
    await mock.reset();
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: BEARER })).status).toBe(200);
  });

  it('the reset path takes only POST', async () => {
    const answer = await call(mock.url, 'GET', '/__mock/reset', { headers: CONTROL });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('50 concurrent creates give 50 distinct ids, all listed', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) => call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: { ...kazooCreate(), name: `PBX ${index}` } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
    const ids = answers.map((answer) => answer.json.data.id as string);
    expect(new Set(ids).size).toBe(50);
    const listed = await call(mock.url, 'GET', profilesOf(CUSTOMER), { headers: BEARER });
    expect(listed.json.page_size).toBe(50);
    expect(listed.json.data.map((item: { id: string }) => item.id).sort()).toEqual([...ids].sort());
  });

  it('concurrent patches of one profile never mix: every read shows one whole patch', async () => {
    const path = PATHS.profile();
    // Patch i sets name "v<i>" and enabled to whether i is even: a mixed state would pair them wrongly.
    const patches = Array.from({ length: 40 }, (_, index) =>
      call(mock.url, 'PATCH', path, {
        headers: WRITE_HEADERS,
        body: [
          { op: 'replace', path: '/name', value: `v${index}` },
          { op: 'replace', path: '/enabled', value: index % 2 === 0 },
        ],
      }),
    );
    const reads = Array.from({ length: 40 }, () => call(mock.url, 'GET', path, { headers: BEARER }));
    const [patched, read] = await Promise.all([Promise.all(patches), Promise.all(reads)]);
    expect(patched.every((answer) => answer.status === 200)).toBe(true);
    const final = await call(mock.url, 'GET', path, { headers: BEARER });
    for (const { json } of [...read, final]) {
      const { name, enabled } = json.data as { name: string; enabled: boolean };
      if (name === 'Customers Kazoo Pbx') expect(enabled).toBe(false);
      else expect(enabled).toBe(Number(name.slice(1)) % 2 === 0);
    }
  });
});

describe('the cap on stored profiles', () => {
  it('answers a create beyond it with an error envelope that says so', async () => {
    const mock = await startMock({ port: 0, logLevel: 'silent', empty: true, maxProfiles: 3 });
    try {
      for (let index = 0; index < 3; index += 1) {
        expect((await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() })).status).toBe(201);
      }
      const refused = await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: kazooCreate() });
      expect(refused.status).toBe(400);
      expect(refused.json.message).toMatch(/at most 3 profiles/);
      expectContract('createPbxConnectionProfile', refused);
    } finally {
      await mock.stop();
    }
  });
});

describe('seed and state files', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pbx-mock-files-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('an empty start holds nothing', async () => {
    const mock = await startMock({ port: 0, logLevel: 'silent', empty: true });
    try {
      expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).json).toMatchObject({ page_size: 0, data: [] });
      expect((await call(mock.url, 'GET', PATHS.find('12345'), { headers: BEARER })).json.data.exists).toBe(false);
    } finally {
      await mock.stop();
    }
  });

  it('a seed file is what the mock starts from', async () => {
    const seed = join(folder, 'seed.json');
    const profile = { _type: 'ThreeCxConnectionProfile', id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Seeded', tenantId: CUSTOMER, licenseKey: 'seeded-key' };
    await writeFile(seed, JSON.stringify({ profiles: [profile] }));
    const mock = await startMock({ port: 0, logLevel: 'silent', seedFile: seed });
    try {
      expect((await call(mock.url, 'GET', `${profilesOf(CUSTOMER)}/${profile.id}`, { headers: BEARER })).json.data).toEqual(profile);
      // Nothing of the examples: not even their customer, which the file does not hold.
      expect((await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER })).status).toBe(404);
    } finally {
      await mock.stop();
    }
  });

  it('a state file keeps the profiles across a restart', async () => {
    const state = join(folder, 'state.json');
    const first = await startMock({ port: 0, logLevel: 'silent', stateFile: state });
    const created = await call(first.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: kazooCreate() });
    await first.stop();
    const second = await startMock({ port: 0, logLevel: 'silent', stateFile: state });
    try {
      const got = await call(second.url, 'GET', `${profilesOf(CUSTOMER)}/${created.json.data.id}`, { headers: BEARER });
      expect(got.json.data).toEqual(created.json.data);
    } finally {
      await second.stop();
    }
  });

  it.each([
    { name: 'a missing seed file', options: (dir: string) => ({ seedFile: join(dir, 'none.json') }), message: /Seed file .*none\.json does not exist/ },
    { name: 'a corrupt state file', write: '{"format":', options: (dir: string) => ({ stateFile: join(dir, 'file.json') }), message: /file\.json: not valid JSON/ },
    { name: 'a foreign state file', write: '{"name":"package"}', options: (dir: string) => ({ stateFile: join(dir, 'file.json') }), message: /is not a state file of this mock/ },
    { name: 'a seed file with a bad profile', write: '{"profiles":[{"_type":"KazooPbxConnectionProfile"}]}', options: (dir: string) => ({ seedFile: join(dir, 'file.json') }), message: /file\.json: profiles\/0\/id is required/ },
  ])('$name: startMock rejects with a MockSetupError that names the file, and leaves it alone', async ({ write, options, message }) => {
    if (write !== undefined) await writeFile(join(folder, 'file.json'), write);
    const error = await startMock({ port: 0, logLevel: 'silent', ...options(folder) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MockSetupError);
    expect((error as Error).message).toMatch(message);
    if (write !== undefined) expect(await readFile(join(folder, 'file.json'), 'utf8')).toBe(write);
  });

  it('refuses twin options together with static replay, and an empty start with a seed file', async () => {
    await expect(startMock({ port: 0, logLevel: 'silent', static: true, empty: true })).rejects.toThrow(/apply to the twin, not to static replay/);
    await expect(startMock({ port: 0, logLevel: 'silent', empty: true, seedFile: 'x.json' })).rejects.toThrow(/either an empty start or a seed file/);
  });
});

describe('static replay (--static)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent', static: true });
  });
  afterAll(() => mock?.stop());

  it('answers from the examples and keeps nothing', async () => {
    const created = await call(mock.url, 'POST', profilesOf(CUSTOMER), { headers: WRITE_HEADERS, body: { ...kazooCreate(), name: 'My Office' } });
    expect(created.json.data.name).toBe('Customers Kazoo Pbx');
    const deleted = await call(mock.url, 'DELETE', PATHS.profile(), { headers: BEARER });
    expect(deleted.status).toBe(200);
    expect((await call(mock.url, 'GET', PATHS.profile(), { headers: BEARER })).status).toBe(200);
    await expect(mock.reset()).resolves.toBeUndefined();
  });
});
