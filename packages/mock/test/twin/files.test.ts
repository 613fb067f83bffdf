import { mkdtemp, readFile, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATE_FORMAT, STATE_VERSION, createTwin } from '../../src/twin/index.js';
import { IDS, kazooCreate, requests, spec } from './support.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pbx-twin-'));
});
afterEach(async () => {
  await chmod(folder, 0o755).catch(() => {});
  await rm(folder, { recursive: true, force: true });
});

const newTwin = (options = {}) => createTwin(spec, options);
const OTHER_CUSTOMER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const seeded = {
  _type: 'KazooPbxConnectionProfile',
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Seeded',
  tenantId: OTHER_CUSTOMER,
  accountId: 'seed-account',
};

async function file(name: string, content: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The profiles a state file holds, in the current format. */
async function savedProfiles(state: string): Promise<unknown[]> {
  return JSON.parse(await readFile(state, 'utf8')).collections['pbx-connection-profiles'];
}

describe('seed file', () => {
  it('starts from the profiles of the file, and reset goes back to them', async () => {
    const seed = await file('seed.json', { profiles: [seeded] });
    const twin = await newTwin({ seed: { file: seed } });
    expect(twin.count).toBe(1);
    expect((twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
    expect((twin.respond(requests.find('seed-account'))!.body as any).data.exists).toBe(true);
    expect(twin.respond(requests.get(IDS.kazooPbxId))!.status).toBe(404);
    twin.respond(requests.delete(seeded.id, OTHER_CUSTOMER));
    await twin.reset();
    expect(twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.status).toBe(200);
  });

  it.each([
    { name: 'a missing file', content: undefined, reason: /seed\.json does not exist/ },
    { name: 'a file that is not JSON', content: '{"profiles": [', reason: /seed\.json: not valid JSON/ },
    { name: 'a bare array', content: [seeded], reason: /seed\.json: a seed file is a JSON object with a "collections" object \(or, as before version 2, a "profiles" array\)/ },
    { name: 'neither collections nor profiles', content: { format: STATE_FORMAT }, reason: /seed\.json: a seed file is a JSON object with a "collections" object/ },
    { name: 'collections not an object', content: { collections: [] }, reason: /seed\.json: collections must be an object of arrays, by resource/ },
    { name: 'an unknown resource', content: { collections: { 'pbx-profiles': [] } }, reason: /collections\/pbx-profiles is not a resource of this mock \(expected "pbx-connection-profiles"\)/ },
    { name: 'profiles twice', content: { profiles: [], collections: { 'pbx-connection-profiles': [] } }, reason: /collections\/pbx-connection-profiles repeats the profiles of another field/ },
    { name: 'a bad profile under collections', content: { collections: { 'pbx-connection-profiles': [{ ...seeded, id: undefined }] } }, reason: /seed\.json: collections\/pbx-connection-profiles\/0\/id is required/ },
    { name: 'profiles not an array', content: { profiles: {} }, reason: /seed\.json: profiles must be an array/ },
    { name: 'a misspelt top-level field', content: { profiles: [], profile: [] }, reason: /unknown top-level field "profile"/ },
    { name: 'a profile without id', content: { profiles: [{ ...seeded, id: undefined }] }, reason: /seed\.json: profiles\/0\/id is required/ },
    { name: 'a tenantId that is not a GUID', content: { profiles: [{ ...seeded, tenantId: 'tenant' }] }, reason: /profiles\/0\/tenantId must/ },
    { name: 'a Kazoo profile with a bad hostRest', content: { profiles: [seeded, { ...seeded, id: IDS.kazooPbxId, hostRest: 'ftp://x' }] }, reason: /profiles\/1\/hostRest must/ },
    { name: 'a repeated id', content: { profiles: [seeded, { ...seeded, id: seeded.id.toUpperCase() }] }, reason: /profiles\/1\/id repeats the id of profiles\/0/ },
    { name: 'more profiles than the cap', content: { profiles: [seeded, { ...seeded, id: IDS.kazooPbxId }] }, reason: /holds 2 profiles, more than the limit of 1/, options: { maxItems: 1 } },
  ])('refuses $name with the path and the reason', async ({ content, reason, options }) => {
    const seed = content === undefined ? join(folder, 'seed.json') : await file('seed.json', content);
    await expect(newTwin({ seed: { file: seed }, ...options })).rejects.toThrow(reason);
    await expect(newTwin({ seed: { file: seed }, ...options })).rejects.toThrow(seed);
  });

  it('reads the collections of the current format, and a state file as a seed', async () => {
    const seed = await file('seed.json', { format: STATE_FORMAT, version: STATE_VERSION, collections: { 'pbx-connection-profiles': [seeded] } });
    const twin = await newTwin({ seed: { file: seed } });
    expect(twin.count).toBe(1);
    expect((twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
  });

  it('names at most 10 reasons of a file full of bad profiles', async () => {
    const seed = await file('seed.json', { profiles: Array.from({ length: 30 }, () => ({ _type: 'KazooPbxConnectionProfile' })) });
    const error = await newTwin({ seed: { file: seed } }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(/; and \d+ more\.$/);
    expect((error as Error).message.split('; ').length).toBeLessThanOrEqual(11);
  });
});

describe('state file', () => {
  it('is created at start, follows every change, and is what the next start holds', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state });
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ format: STATE_FORMAT, version: 2, collections: { 'pbx-connection-profiles': expect.any(Array) } });
    const created = (twin.respond(requests.create({ ...kazooCreate(), name: 'Kept' }))!.body as any).data;
    twin.respond(requests.delete(IDS.threeCxPbxId));
    await twin.flush();

    const next = await newTwin({ stateFile: state });
    expect((next.respond(requests.get(created.id))!.body as any).data).toEqual(created);
    expect(next.respond(requests.get(IDS.threeCxPbxId))!.status).toBe(404);
    expect(next.count).toBe(3);
  });

  it('after a reset holds the seed again', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    twin.respond(requests.create(kazooCreate()));
    await twin.flush();
    expect(await savedProfiles(state)).toHaveLength(1);
    await twin.reset();
    expect(await savedProfiles(state)).toEqual([]);
  });

  it('coalesces a burst of changes into a few whole writes and leaves no temporary file', async () => {
    const state = join(folder, 'state.json');
    const twin = await newTwin({ stateFile: state, seed: 'empty' });
    for (let index = 0; index < 200; index += 1) twin.respond(requests.create({ ...kazooCreate(), name: `PBX ${index}` }));
    await twin.flush();
    expect(await savedProfiles(state)).toHaveLength(200);
    expect(await readdir(folder)).toEqual(['state.json']);
  });

  it.each([
    { name: 'a corrupt file', content: '{"format": "pbx-mock-state", "version": 1, "profiles": [', reason: /not valid JSON/ },
    { name: 'an empty file', content: '', reason: /not valid JSON/ },
    { name: 'a foreign JSON file', content: { name: 'my-package', version: '1.0.0' }, reason: /is not a state file of this mock \(no "format": "pbx-mock-state"\)/ },
    { name: 'a seed file', content: { profiles: [] }, reason: /is not a state file of this mock/ },
    { name: 'another version', content: { format: STATE_FORMAT, version: 3, collections: {} }, reason: /has version 3; this mock reads versions 1 and 2/ },
    { name: 'no version', content: { format: STATE_FORMAT, collections: {} }, reason: /has version undefined; this mock reads versions 1 and 2/ },
    { name: 'a bad profile', content: { format: STATE_FORMAT, version: 1, profiles: [{ ...seeded, name: '' }] }, reason: /profiles\/0\/name must not be empty/ },
  ])('refuses $name, says why, and leaves it untouched', async ({ content, reason }) => {
    const state = await file('state.json', content);
    const before = await readFile(state, 'utf8');
    const error = await newTwin({ stateFile: state }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(state);
    expect((error as Error).message).toMatch(/Refusing to start so as not to replace it/);
    expect(await readFile(state, 'utf8')).toBe(before);
    expect(await readdir(folder)).toEqual(['state.json']);
  });

  it('still reads a state file of version 1 ({ "profiles": [...] }), and writes it back in the current version', async () => {
    const state = await file('state.json', { format: STATE_FORMAT, version: 1, profiles: [seeded] });
    const twin = await newTwin({ stateFile: state });
    expect(twin.count).toBe(1);
    expect((twin.respond(requests.get(seeded.id, OTHER_CUSTOMER))!.body as any).data).toEqual(seeded);
    expect((twin.respond(requests.find('seed-account'))!.body as any).data.id).toBe(seeded.id);
    twin.respond(requests.create(kazooCreate()));
    await twin.flush();
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ format: STATE_FORMAT, version: STATE_VERSION });
    expect((await savedProfiles(state))[0]).toEqual(seeded);
    expect(await savedProfiles(state)).toHaveLength(2);
  });

  it('refuses to start when the state file cannot be written', async () => {
    await expect(newTwin({ stateFile: join(folder, 'no', 'such', 'folder', 'state.json') })).rejects.toThrow(/cannot be written \(ENOENT\)/);
  });

  it('reports a write that fails later, and keeps answering', async () => {
    const errors: Error[] = [];
    const sub = join(folder, 'sub');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    const twin = await newTwin({ stateFile: join(sub, 'state.json'), seed: 'empty', onError: (error: Error) => errors.push(error) });
    await rm(sub, { recursive: true });
    expect(twin.respond(requests.create(kazooCreate()))!.status).toBe(201);
    await twin.flush();
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/state\.json cannot be written/)]);
    expect(twin.count).toBe(1);
  });
});
