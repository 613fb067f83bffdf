import { describe, expect, it } from 'vitest';
import { createTwin } from '../../src/twin/index.js';
import { IDS, PROFILES, contractErrors, kazooCreate, profilesIn, requests, spec, threeCxCreate } from './support.js';

const OTHER_CUSTOMER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BASE_URL = 'http://127.0.0.1:4999';
const newTwin = (options = {}) => createTwin(spec, { baseUrl: () => BASE_URL, ...options });
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

describe('the twin, seeded from the spec examples', () => {
  it('lists the example profiles under the example tenant, in the list example order, with page_size', async () => {
    const twin = await newTwin();
    const answer = twin.respond(requests.list())!;
    expect(answer.status).toBe(200);
    const body = answer.body as any;
    expect(body.data.map((profile: any) => profile.id)).toEqual([IDS.kazooPbxId, IDS.threeCxPbxId, '5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b']);
    expect(body.page_size).toBe(3);
    expect(body.timestamp).toMatch(TIMESTAMP);
    expect(contractErrors('listPbxConnectionProfiles', answer)).toEqual([]);
  });

  it('gets an example profile with every field of its create example', async () => {
    const twin = await newTwin();
    const answer = twin.respond(requests.get(IDS.kazooPbxId))!;
    expect((answer.body as any).data).toMatchObject({ ...kazooCreate(), id: IDS.kazooPbxId, tenantId: IDS.customerTenantId, countryCode: 'US', enabled: false });
    expect(contractErrors('getPbxConnectionProfile', answer)).toEqual([]);
  });

  it('takes no item from an example without an id (the vendor\'s 3CX create answer): the 3CX profile is what list and get show', async () => {
    const twin = await newTwin();
    const answer = twin.respond(requests.get(IDS.threeCxPbxId))!;
    expect((answer.body as any).data).toEqual({ id: IDS.threeCxPbxId, name: '3CX Connection', _type: 'ThreeCxConnectionProfile', tenantId: IDS.customerTenantId });
    expect((twin.respond(requests.list())!.body as any).page_size).toBe(3);
  });

  it('finds the example Kazoo account, as the InstanceFound example says', async () => {
    const twin = await newTwin();
    const answer = twin.respond(requests.find('12345'))!;
    expect((answer.body as any).data).toEqual({ exists: true, instanceId: '12345', id: IDS.kazooPbxId, tenantId: IDS.customerTenantId });
    expect(contractErrors('findPbxConnectionProfileByInstance', answer)).toEqual([]);
  });

  it('starts empty when asked', async () => {
    const twin = await newTwin({ seed: 'empty' });
    expect(profilesIn(twin)).toBe(0);
    const answer = twin.respond(requests.list())!;
    expect(answer.body).toMatchObject({ page_size: 0, data: [] });
    expect(contractErrors('listPbxConnectionProfiles', answer)).toEqual([]);
  });

  it('leaves an operation it does not know to the static answer', async () => {
    const twin = await newTwin();
    expect(twin.respond({ ...requests.list(), operationId: 'somethingElse' })).toBeUndefined();
  });
});

describe('create', () => {
  it('stores exactly what was sent, with a new GUID, the customer as tenantId and the documented defaults', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const sent = { ...kazooCreate(), name: 'My Office', countryCode: 'GB' };
    const answer = twin.respond(requests.create(sent))!;
    expect(answer.status).toBe(201);
    const data = (answer.body as any).data;
    expect(data).toEqual({ ...sent, id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), tenantId: IDS.customerTenantId, countryCode: 'GB', enabled: false });
    expect(answer.headers).toEqual({ location: `${BASE_URL}${PROFILES}/${data.id}` });
    expect(contractErrors('createPbxConnectionProfile', answer)).toEqual([]);

    const read = twin.respond(requests.get(data.id))!;
    expect((read.body as any).data).toEqual(data);
  });

  it('defaults countryCode to US and keeps a lenient boolean setting as sent', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const answer = twin.respond(requests.create(threeCxCreate()))!;
    const data = (answer.body as any).data;
    expect(data.countryCode).toBe('US');
    expect(data.enableRecordingArchive).toBe('true');
    expect('monitorSubAccounts' in data).toBe(false);
    expect(contractErrors('createPbxConnectionProfile', answer)).toEqual([]);
  });

  it('never takes server-set fields from the body', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const answer = twin.respond(requests.create({ ...kazooCreate(), id: IDS.kazooPbxId, tenantId: OTHER_CUSTOMER, enabled: true }))!;
    const data = (answer.body as any).data;
    expect(data.id).not.toBe(IDS.kazooPbxId);
    expect(data.tenantId).toBe(IDS.customerTenantId);
    expect(data.enabled).toBe(false);
  });

  it('stores the tenant id in lower case and finds it in any case', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const data = (twin.respond(requests.create(kazooCreate(), OTHER_CUSTOMER.toUpperCase()))!.body as any).data;
    expect(data.tenantId).toBe(OTHER_CUSTOMER);
    expect(twin.respond(requests.get(data.id.toUpperCase(), OTHER_CUSTOMER))!.status).toBe(200);
  });

  it('answers 400 for a body that is not a profile (Prism normally stops it first)', async () => {
    const twin = await newTwin({ seed: 'empty' });
    for (const body of [undefined, null, [], 'text', { name: 'no type' }, { _type: 'KazooPbxConnectionProfile' }]) {
      const answer = twin.respond(requests.create(body))!;
      expect(answer.status).toBe(400);
      expect(contractErrors('createPbxConnectionProfile', answer)).toEqual([]);
    }
    expect(profilesIn(twin)).toBe(0);
  });

  it('accepts a second profile for an instance already in use; find answers the oldest', async () => {
    const twin = await newTwin();
    const second = twin.respond(requests.create(kazooCreate(), OTHER_CUSTOMER))!;
    expect(second.status).toBe(201);
    expect((twin.respond(requests.find('12345'))!.body as any).data.id).toBe(IDS.kazooPbxId);
    twin.respond(requests.delete(IDS.kazooPbxId));
    expect((twin.respond(requests.find('12345'))!.body as any).data).toMatchObject({ id: (second.body as any).data.id, tenantId: OTHER_CUSTOMER });
  });
});

describe('get and list', () => {
  it('keeps tenants apart: a profile of one customer is 404 under another, and absent from its list', async () => {
    const twin = await newTwin();
    const notFound = twin.respond(requests.get(IDS.kazooPbxId, OTHER_CUSTOMER))!;
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ error: 404, message: 'Not Found', status: 'error' });
    expect(contractErrors('getPbxConnectionProfile', notFound)).toEqual([]);
    expect(twin.respond(requests.list(OTHER_CUSTOMER))!.body).toMatchObject({ page_size: 0, data: [] });
  });

  it('lists the common fields of each profile, not its settings (no secrets in lists)', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const created = (twin.respond(requests.create(threeCxCreate()))!.body as any).data;
    const answer = twin.respond(requests.list())!;
    expect((answer.body as any).data).toEqual([
      { _type: 'ThreeCxConnectionProfile', id: created.id, name: '3CX Connection', tenantId: IDS.customerTenantId, countryCode: 'US', enabled: false },
    ]);
    expect(contractErrors('listPbxConnectionProfiles', answer)).toEqual([]);
  });
});

describe('patch', () => {
  it('renames and enables, normalising the lenient "true" to a boolean', async () => {
    const twin = await newTwin();
    const answer = twin.respond(
      requests.patch(IDS.kazooPbxId, [
        { op: 'replace', path: '/name', value: 'Renamed' },
        { op: 'replace', path: '/enabled', value: 'true' },
      ]),
    )!;
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object).sort()).toEqual(['status', 'timestamp']);
    expect(contractErrors('patchPbxConnectionProfile', answer)).toEqual([]);
    expect((twin.respond(requests.get(IDS.kazooPbxId))!.body as any).data).toMatchObject({ name: 'Renamed', enabled: true, apiKey: 'ABCDEF' });
  });

  it('replaces a setting of the profile\'s own type, and any field a create takes', async () => {
    const twin = await newTwin();
    const answer = twin.respond(
      requests.patch(IDS.kazooPbxId, [
        { op: 'replace', path: '/apiKey', value: 'rotated' },
        { op: 'replace', path: '/monitorSubAccounts', value: true },
        { op: 'replace', path: '/countryCode', value: 'GB' },
      ]),
    )!;
    expect(answer.status).toBe(200);
    expect((twin.respond(requests.get(IDS.kazooPbxId))!.body as any).data).toMatchObject({ apiKey: 'rotated', monitorSubAccounts: true, countryCode: 'GB' });
  });

  it('is all or nothing: a bad operation after a good one changes nothing', async () => {
    const twin = await newTwin();
    const before = (twin.respond(requests.get(IDS.kazooPbxId))!.body as any).data;
    const answer = twin.respond(
      requests.patch(IDS.kazooPbxId, [
        { op: 'replace', path: '/name', value: 'Half done' },
        { op: 'replace', path: '/licenseKey', value: 'a 3CX setting' },
      ]),
    )!;
    expect(answer.status).toBe(400);
    expect((answer.body as any).message).toBe("The target location specified by path segment 'licenseKey' was not found.");
    expect(contractErrors('patchPbxConnectionProfile', answer)).toEqual([]);
    expect((twin.respond(requests.get(IDS.kazooPbxId))!.body as any).data).toEqual(before);
  });

  it.each([
    { name: 'another op', body: [{ op: 'add', path: '/name', value: 'x' }], message: 'Invalid request: body field 0/op must be "replace".' },
    { name: 'a server-set field', body: [{ op: 'replace', path: '/id', value: IDS.threeCxPbxId }], message: expect.stringMatching(/^Invalid request: body field 0\/path must be one of "\/name", /) },
    { name: "a 3CX setting on a Kazoo profile", body: [{ op: 'replace', path: '/username', value: 'x' }], message: "The target location specified by path segment 'username' was not found." },
    // A value the spec refuses: the contract's words, the same the mock answers over HTTP.
    { name: 'an empty name', body: [{ op: 'replace', path: '/name', value: '' }], message: 'Invalid request: body field 0/value must not be empty.' },
    {
      name: 'enabled "yes"',
      body: [{ op: 'replace', path: '/enabled', value: 'yes' }],
      message: 'Invalid request: body field 0/value must be of type boolean, or one of "true", "false".',
    },
    { name: 'an empty patch', body: [], message: 'Invalid request: the body must be a JSON Patch array with at least one operation.' },
    { name: 'an object', body: { op: 'replace' }, message: 'Invalid request: the body must be a JSON Patch array with at least one operation.' },
  ])('refuses $name with the 400 envelope', async ({ body, message }) => {
    const twin = await newTwin();
    const answer = twin.respond(requests.patch(IDS.kazooPbxId, body))!;
    expect(answer.status).toBe(400);
    expect((answer.body as any).message).toEqual(message);
    expect(contractErrors('patchPbxConnectionProfile', answer)).toEqual([]);
  });

  it('answers 404 for an unknown profile', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const answer = twin.respond(requests.patch(IDS.kazooPbxId, [{ op: 'replace', path: '/enabled', value: true }]))!;
    expect(answer.status).toBe(404);
    expect(contractErrors('patchPbxConnectionProfile', answer)).toEqual([]);
  });

  it('keeps the profile in its place in the list', async () => {
    const twin = await newTwin();
    twin.respond(requests.patch(IDS.kazooPbxId, [{ op: 'replace', path: '/name', value: 'First still' }]));
    expect((twin.respond(requests.list())!.body as any).data[0]).toMatchObject({ id: IDS.kazooPbxId, name: 'First still' });
  });
});

describe('delete', () => {
  it('removes the profile: get, patch, delete and find then answer as for an unknown one', async () => {
    const twin = await newTwin();
    const answer = twin.respond(requests.delete(IDS.kazooPbxId))!;
    expect(answer.status).toBe(200);
    expect(contractErrors('deletePbxConnectionProfile', answer)).toEqual([]);
    expect(twin.respond(requests.get(IDS.kazooPbxId))!.status).toBe(404);
    expect(twin.respond(requests.patch(IDS.kazooPbxId, [{ op: 'replace', path: '/name', value: 'x' }]))!.status).toBe(404);
    const again = twin.respond(requests.delete(IDS.kazooPbxId))!;
    expect(again.status).toBe(404);
    expect(contractErrors('deletePbxConnectionProfile', again)).toEqual([]);
    const find = twin.respond(requests.find('12345'))!;
    expect(find.body).toMatchObject({ data: { exists: false, instanceId: '12345' } });
    expect(contractErrors('findPbxConnectionProfileByInstance', find)).toEqual([]);
  });
});

describe('find by instance', () => {
  it('finds a 3CX profile by licence key over every tenant, and nothing for an unknown instance', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const created = (twin.respond(requests.create({ ...threeCxCreate(), licenseKey: 'LK-1' }, OTHER_CUSTOMER))!.body as any).data;
    expect((twin.respond(requests.find('LK-1'))!.body as any).data).toEqual({ exists: true, instanceId: 'LK-1', id: created.id, tenantId: OTHER_CUSTOMER });
    expect((twin.respond(requests.find('lk-1'))!.body as any).data).toEqual({ exists: false, instanceId: 'lk-1' });
    expect((twin.respond(requests.find('nothing-here'))!.body as any).data.exists).toBe(false);
  });

  it('still finds a profile after a patch, and the next oldest after a delete', async () => {
    const twin = await newTwin();
    const second = (twin.respond(requests.create(kazooCreate(), OTHER_CUSTOMER))!.body as any).data;
    twin.respond(requests.patch(IDS.kazooPbxId, [{ op: 'replace', path: '/name', value: 'Renamed' }]));
    expect((twin.respond(requests.find('12345'))!.body as any).data.id).toBe(IDS.kazooPbxId);
    twin.respond(requests.delete(IDS.kazooPbxId));
    expect((twin.respond(requests.find('12345'))!.body as any).data.id).toBe(second.id);
    twin.respond(requests.delete(second.id, OTHER_CUSTOMER));
    expect((twin.respond(requests.find('12345'))!.body as any).data.exists).toBe(false);
  });

  it('does not take a Kazoo apiKey or a 3CX username for an instance', async () => {
    const twin = await newTwin();
    expect((twin.respond(requests.find('ABCDEF'))!.body as any).data.exists).toBe(false);
    expect((twin.respond(requests.find('username-username-username'))!.body as any).data.exists).toBe(false);
  });
});

describe('limits', () => {
  it('refuses a create beyond the cap with an error envelope saying so, and takes one again after a delete', async () => {
    const twin = await newTwin({ seed: 'empty', maxItems: 3 });
    const ids = [1, 2, 3].map(() => (twin.respond(requests.create(kazooCreate()))!.body as any).data.id);
    const refused = twin.respond(requests.create(kazooCreate()))!;
    expect(refused.status).toBe(400);
    expect((refused.body as any).message).toMatch(/at most 3 profiles.*\/__mock\/reset/);
    expect(contractErrors('createPbxConnectionProfile', refused)).toEqual([]);
    expect(profilesIn(twin)).toBe(3);
    twin.respond(requests.delete(ids[0]));
    expect(twin.respond(requests.create(kazooCreate()))!.status).toBe(201);
  });

  it('refuses a create or a patch beyond the byte budget', async () => {
    const twin = await newTwin({ seed: 'empty', maxStoredBytes: 600 });
    const first = twin.respond(requests.create(kazooCreate()))!;
    expect(first.status).toBe(201);
    const big = twin.respond(requests.create({ ...kazooCreate(), name: 'x'.repeat(600) }))!;
    expect(big.status).toBe(400);
    expect((big.body as any).message).toMatch(/at most 600 bytes/);
    const id = (first.body as any).data.id;
    expect(twin.respond(requests.patch(id, [{ op: 'replace', path: '/name', value: 'y'.repeat(600) }]))!.status).toBe(400);
    expect((twin.respond(requests.get(id))!.body as any).data.name).toBe('Customers Kazoo Pbx');
  });

  it('counts the byte budget in UTF-8: a name of 300 "é" is 600 bytes, over a budget that 300 "e" fit in', async () => {
    const twin = await newTwin({ seed: 'empty', maxStoredBytes: 800 });
    expect(twin.respond(requests.create({ ...kazooCreate(), name: 'é'.repeat(300) }))!.status).toBe(400);
    expect(twin.respond(requests.create({ ...kazooCreate(), name: 'e'.repeat(300) }))!.status).toBe(201);
  });

  it('bounds a list answer in bytes: filled to its byte budget with multi-byte names, the list is within the budget and its envelope', async () => {
    const budget = 8 * 1024;
    const twin = await newTwin({ seed: 'empty', maxStoredBytes: budget });
    // '名' is 3 bytes in UTF-8 and 1 unit in UTF-16: a budget counted in units would let three times as much in.
    let created = 0;
    while (twin.respond(requests.create({ ...kazooCreate(), name: `${'名'.repeat(200)} ${created}` }))!.status === 201) created += 1;
    expect(created).toBeGreaterThan(5);
    const answer = twin.respond(requests.list())!;
    expect((answer.body as any).page_size).toBe(created);
    const bytes = Buffer.byteLength(JSON.stringify(answer.body));
    expect(bytes).toBeGreaterThan(created * 600);
    // The envelope: page_size, status, timestamp, and the array's brackets and commas.
    expect(bytes).toBeLessThanOrEqual(budget + 100 + created);
  });
});

describe('reset', () => {
  it('goes back to the seed: creations gone, deletions undone, patches undone', async () => {
    const twin = await newTwin();
    twin.respond(requests.create(kazooCreate()));
    twin.respond(requests.delete(IDS.threeCxPbxId));
    twin.respond(requests.patch(IDS.kazooPbxId, [{ op: 'replace', path: '/name', value: 'Changed' }]));
    await twin.reset();
    expect(profilesIn(twin)).toBe(3);
    expect((twin.respond(requests.get(IDS.kazooPbxId))!.body as any).data.name).toBe('Customers Kazoo Pbx');
    expect(twin.respond(requests.get(IDS.threeCxPbxId))!.status).toBe(200);
  });
});

describe('concurrency', () => {
  it('50 concurrent creates give 50 distinct ids, all listed', async () => {
    const twin = await newTwin({ seed: 'empty' });
    const answers = await Promise.all(Array.from({ length: 50 }, async (_, index) => twin.respond(requests.create({ ...kazooCreate(), name: `PBX ${index}` }))!));
    const ids = answers.map((answer) => (answer.body as any).data.id);
    expect(new Set(ids).size).toBe(50);
    const listed = (twin.respond(requests.list())!.body as any).data.map((profile: any) => profile.id);
    expect(listed.sort()).toEqual([...ids].sort());
  });
});

describe('the contract check of these tests', () => {
  it('bites: an answer that breaks its response schema, or an undocumented status, is reported', () => {
    expect(contractErrors('listPbxConnectionProfiles', { status: 200, body: { data: [], status: 'success', timestamp: 'now' } })).not.toEqual([]);
    expect(contractErrors('getPbxConnectionProfile', { status: 200, body: { data: { _type: 'KazooPbxConnectionProfile', id: 'x' }, status: 'success', timestamp: '2020-02-06T12:41:02.7654321Z' } })).not.toEqual([]);
    expect(contractErrors('patchPbxConnectionProfile', { status: 409, body: {} })).toEqual(['status 409 is not documented for patchPbxConnectionProfile']);
  });
});
